// The dashboard: pick a pair, see its series, click a period, read an event's evidence in its article.
// All text from the API goes in through textContent, never innerHTML.
"use strict";

(function () {
  const $ = (sel) => document.querySelector(sel);
  const charts = window.DetenteCharts;
  const state = { a: null, b: null, series: null, period: null };

  function make(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async function api(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
    const res = await fetch(url);
    const body = await res.json();
    if (!res.ok) throw new Error(body.error ? body.error.message : `HTTP ${res.status}`);
    return body;
  }

  function say(message) { $("#message").textContent = message || ""; }

  // ---- country pickers -------------------------------------------------------------------
  function picker(input, list, side) {
    let timer = null;
    const choose = (c) => {
      state[side] = c.code;
      input.value = `${c.name} (${c.code})`;
      list.replaceChildren();
    };
    const suggest = async () => {
      const q = input.value.trim();
      if (!q) { list.replaceChildren(); return; }
      try {
        const found = await api("/api/countries", { q, limit: 8 });
        list.replaceChildren(...found.map((c) => {
          const li = make("li", { role: "option" });
          const btn = make("button", { type: "button", "data-code": c.code }, `${c.name} (${c.code}) `);
          btn.appendChild(make("span", { class: "count" }, `${c.events} events`));
          btn.addEventListener("click", () => choose(c));
          li.appendChild(btn);
          return li;
        }));
      } catch (err) { say(err.message); }
    };
    input.addEventListener("input", () => {
      state[side] = null;
      clearTimeout(timer);
      timer = setTimeout(suggest, 150);
    });
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && list.firstChild) { e.preventDefault(); list.querySelector("button").click(); }
      if (e.key === "Escape") list.replaceChildren();
    });
    return choose;
  }
  const chooseA = picker($("#pick-a"), $("#pick-a-list"), "a");
  const chooseB = picker($("#pick-b"), $("#pick-b-list"), "b");

  // a typed code ("CHN", "EU") is taken as it is when no suggestion was picked
  function codeOf(side, input) {
    if (state[side]) return state[side];
    const m = input.value.match(/\(([A-Z0-9]+)\)\s*$/) || input.value.trim().match(/^([A-Za-z0-9]{2,8})$/);
    return m ? m[1].toUpperCase() : null;
  }

  // ---- series ---------------------------------------------------------------------------
  function periodEnd(start, by) {
    const d = new Date(`${start}T00:00:00Z`);
    if (by === "week") d.setUTCDate(d.getUTCDate() + 6);
    else if (by === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
    else if (by === "year") { d.setUTCFullYear(d.getUTCFullYear() + 1); d.setUTCDate(0); }
    return d.toISOString().slice(0, 10);
  }

  function contextCounts(rows) {
    const counts = {};
    for (const c of state.series.contexts) counts[c] = rows.reduce((n, r) => n + (r[`ctx_${c}`] || 0), 0);
    return counts;
  }

  function drawSeries() {
    const s = state.series;
    const direction = $("#direction").value || s.directions[2];
    const rows = s.rows.filter((r) => r.direction === direction);
    $("#series-title").textContent = `${direction} per ${s.by}`;
    charts.seriesChart($("#series-chart"), rows, (row) => showPeriod(row));
    $("#context-title").textContent = `Contexts, ${direction}, whole range`;
    charts.contextChart($("#context-chart"), contextCounts(rows));
  }

  async function showDyad(a, b) {
    say("");
    if (!a || !b) { say("pick two countries first"); return; }
    try {
      state.series = await api(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/series`, {
        by: $("#by").value, from: $("#from").value, to: $("#to").value,
      });
    } catch (err) { say(err.message); return; }
    const sel = $("#direction");
    const keep = sel.value;
    sel.replaceChildren(...state.series.directions.map((d, i) => make("option", { value: d }, i === 2 ? `${d} (all)` : d)));
    sel.value = state.series.directions.includes(keep) ? keep : state.series.directions[2];
    if (!state.series.rows.length) say(`no events between ${a} and ${b} in this range`);
    $("#events").replaceChildren();
    $("#events-title").textContent = "Events";
    for (const id of ["#document-meta", "#document-others", "#document"]) $(id).replaceChildren();
    $("#document-title").textContent = "Document";
    drawSeries();
  }

  async function showPeriod(row) {
    const s = state.series;
    const from = row.period, to = periodEnd(row.period, s.by);
    $("#context-title").textContent = `Contexts, ${row.direction}, ${from}`;
    const counts = {};
    for (const c of s.contexts) counts[c] = row[`ctx_${c}`] || 0;
    charts.contextChart($("#context-chart"), counts);
    $("#events-title").textContent = `Events ${s.a}–${s.b}, ${from} to ${to}`;
    try {
      const page = await api("/api/events", { dyad: `${s.a}-${s.b}`, from, to, limit: 200, sort: "date" });
      const list = $("#events");
      list.replaceChildren(...page.events.map(eventItem));
      if (!page.events.length) list.appendChild(make("li", { class: "muted" }, "no events in this period"));
      if (page.total > page.events.length) list.appendChild(make("li", { class: "muted" }, `… ${page.total - page.events.length} more`));
    } catch (err) { say(err.message); }
  }

  function eventItem(ev) {
    const li = make("li");
    const btn = make("button", { type: "button", "data-event": ev.cluster_id });
    const head = make("div", { class: "head" });
    head.append(
      `${ev.date || "undated"} · ${ev.source_key || "?"} ${ev.reciprocal ? "↔" : "→"} ${ev.target_key || "?"} · `,
      make("span", { class: `q${ev.quad_class}` }, `${ev.plover || ev.cameo} (${ev.cameo}, ${ev.goldstein})`),
      ` · ${ev.mention_count} report${ev.mention_count === 1 ? "" : "s"}`,
    );
    btn.append(head, make("div", { class: "evidence" }, ev.evidence ? ev.evidence.evidence_text : ""));
    btn.addEventListener("click", () => {
      document.querySelectorAll("#events button.active").forEach((n) => n.classList.remove("active"));
      btn.classList.add("active");
      openEvent(ev.cluster_id);
    });
    li.appendChild(btn);
    return li;
  }

  // ---- documents ------------------------------------------------------------------------
  async function openEvent(clusterId) {
    try {
      const ev = await api(`/api/events/${encodeURIComponent(clusterId)}`);
      const others = $("#document-others");
      others.replaceChildren(...ev.reports.map((r, i) => {
        const b = make("button", { type: "button", "data-report": r.report_id }, r.title || r.doc_id);
        b.addEventListener("click", () => openDocument(r.doc_hash, r.report_id, b));
        if (i === 0) b.classList.add("active");
        return b;
      }));
      if (ev.reports.length) await openDocument(ev.reports[0].doc_hash, ev.reports[0].report_id, others.firstChild);
    } catch (err) { say(err.message); }
  }

  async function openDocument(docHash, reportId, chip) {
    document.querySelectorAll("#document-others button.active").forEach((n) => n.classList.remove("active"));
    if (chip) chip.classList.add("active");
    const doc = await api(`/api/documents/${encodeURIComponent(docHash)}`);
    $("#document-title").textContent = doc.title || doc.doc_id;
    const meta = [doc.date, doc.source, doc.url].filter(Boolean).join(" · ");
    $("#document-meta").textContent = meta;
    const article = $("#document");
    article.replaceChildren(...doc.segments.map((seg) => {
      if (!seg.reports.length) return document.createTextNode(seg.text);
      const mark = make("mark", { "data-reports": seg.reports.join(" ") }, seg.text);
      if (seg.reports.includes(reportId)) mark.classList.add("current");
      return mark;
    }));
    const current = article.querySelector("mark.current");
    if (current) current.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  // ---- network --------------------------------------------------------------------------
  async function drawNetwork() {
    try {
      const top = await api("/api/dyads/top", {
        from: $("#net-from").value, to: $("#net-to").value, limit: $("#net-limit").value || 25,
      });
      charts.networkChart($("#network-chart"), top.activity, (p) => {
        switchTab("dyad-view");
        selectPair(p.a, p.b);
      });
    } catch (err) { say(err.message); }
  }

  function selectPair(a, b) {
    for (const [side, code, input] of [["a", a, $("#pick-a")], ["b", b, $("#pick-b")]]) {
      state[side] = code;
      input.value = code;
    }
    showDyad(a, b);
  }

  function switchTab(id) {
    document.querySelectorAll(".view").forEach((v) => { v.hidden = v.id !== id; });
    document.querySelectorAll(".tab").forEach((t) => t.classList.toggle("active", t.dataset.tab === id));
    if (id === "network-view") drawNetwork();
  }

  // ---- start ----------------------------------------------------------------------------
  $("#dyad-form").addEventListener("submit", (e) => {
    e.preventDefault();
    showDyad(codeOf("a", $("#pick-a")), codeOf("b", $("#pick-b")));
  });
  $("#direction").addEventListener("change", () => { if (state.series) drawSeries(); });
  $("#network-form").addEventListener("submit", (e) => { e.preventDefault(); drawNetwork(); });
  document.querySelectorAll(".tab").forEach((t) => t.addEventListener("click", () => switchTab(t.dataset.tab)));

  api("/api/health").then((h) => {
    $("#store-info").textContent = `${h.db} · ${h.documents} documents · ${h.events} events${h.writable ? " · writable" : ""}`;
  }).catch((err) => say(err.message));
  api("/api/dyads/top", { limit: 8 }).then((top) => {
    $("#top-dyads").replaceChildren(...top.activity.map((p) => {
      const b = make("button", { type: "button", "data-pair": p.pair }, `${p.pair} (${p.events})`);
      b.addEventListener("click", () => selectPair(p.a, p.b));
      return b;
    }));
  }).catch(() => {});
  window.detenteDashboard = { chooseA, chooseB, selectPair };
})();
