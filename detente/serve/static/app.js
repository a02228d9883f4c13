// The dashboard: pick a pair, read the verdict on the relationship, see its series, click a period,
// read an event's evidence in its article; compare pairs, map the events, see the network.
"use strict";

(function () {
  const Detente = window.Detente;
  const { $, $$, make, say } = Detente;
  const charts = window.DetenteCharts;
  const state = { a: null, b: null, series: null };
  const pickA = Detente.picker($("#pick-a"), $("#pick-a-list"));
  const pickB = Detente.picker($("#pick-b"), $("#pick-b-list"));

  // ---- series ---------------------------------------------------------------------------
  function periodEnd(start, by) {
    const d = new Date(`${start}T00:00:00Z`);
    if (by === "week") d.setUTCDate(d.getUTCDate() + 6);
    else if (by === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
    else if (by === "year") { d.setUTCFullYear(d.getUTCFullYear() + 1); d.setUTCDate(0); }
    return d.toISOString().slice(0, 10);
  }

  // "" (the select's first option) means both directions together, the series' third direction
  const direction = () => $("#direction").value || state.series.directions[2];
  // the API's direction is relative to the pair's order: A->B or B->A (none: both)
  const directionParam = () => {
    const i = state.series ? state.series.directions.indexOf($("#direction").value) : -1;
    return i === 0 || i === 1 ? { direction: ["A->B", "B->A"][i] } : {};
  };

  function contextCounts(rows) {
    const counts = {};
    for (const c of state.series.contexts) counts[c] = rows.reduce((n, r) => n + (r[`ctx_${c}`] || 0), 0);
    return counts;
  }

  function drawSeries() {
    const s = state.series;
    const rows = s.rows.filter((r) => r.direction === direction());
    $("#series-title").textContent = `${direction()} per ${s.by}`;
    $("#series-caption").textContent = `${Detente.count(rows.reduce((n, r) => n + r.events, 0), "event")} in ${Detente.count(rows.length, s.by)}; ${Detente.filters.describe()}`;
    charts.seriesChart($("#series-chart"), rows, (row) => showPeriod(row));
    $("#context-title").textContent = `Contexts, ${direction()}, whole range`;
    charts.contextChart($("#context-chart"), contextCounts(rows));
  }

  function fillDirections(s) {
    const sel = $("#direction");
    const keep = sel.value;
    sel.replaceChildren(make("option", { value: "" }, `${s.directions[2]} (both)`), ...s.directions.slice(0, 2).map((d) => make("option", { value: d }, d)));
    sel.value = s.directions.slice(0, 2).includes(keep) ? keep : "";
  }

  function clearDetail() {
    $("#events").replaceChildren();
    $("#events-title").textContent = "Events";
    for (const id of ["#document-meta", "#document-others", "#document"]) $(id).replaceChildren();
    $("#document-title").textContent = "Document";
  }

  async function showDyad(a, b) {
    say("");
    if (!a || !b) { say("pick two countries first"); return; }
    state.a = a; state.b = b;
    Detente.summary.show(a, b, Detente.selection.filterParams(), openEvent);
    try {
      const params = Detente.selection.filterParams({ rolling: $("#rolling").value });
      state.series = await Detente.api(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/series`, params);
    } catch (err) { say(err.message); return; }
    fillDirections(state.series);
    Detente.filters.addContexts(state.series.contexts);
    const total = state.series.rows.filter((r) => r.direction === state.series.directions[2]).reduce((n, r) => n + r.events, 0);
    say(total ? `${Detente.count(total, "event")} between ${a} and ${b}` : `no events between ${a} and ${b} with these filters`);
    clearDetail();
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
      const { events, total } = await Detente.selection.fetchEvents({ dyad: `${s.a}-${s.b}`, ...directionParam(), from, to }, 200);
      const list = $("#events");
      list.replaceChildren(...events.map(eventItem));
      if (!events.length) list.appendChild(make("li", { class: "muted" }, "no events in this period"));
      if (total > events.length) list.appendChild(make("li", { class: "muted" }, `… ${total - events.length} more`));
    } catch (err) { say(err.message); }
  }

  function eventItem(ev) {
    const li = make("li");
    const btn = make("button", { type: "button", "data-event": ev.cluster_id });
    const head = make("div", { class: "head" });
    head.append(
      `${ev.date || "undated"} · ${ev.source_key || "?"} ${ev.reciprocal ? "↔" : "→"} ${ev.target_key || "?"} · `,
      make("span", { class: `q${ev.quad_class} name` }, Detente.names.eventName(ev)),
      make("span", { class: "code" }, ` (${Detente.names.eventCodes(ev)}, Goldstein ${Detente.fmt(ev.goldstein)})`),
      ` · ${ev.mention_count} report${ev.mention_count === 1 ? "" : "s"}`,
    );
    btn.append(head, make("div", { class: "evidence" }, ev.evidence ? ev.evidence.evidence_text : ""));
    btn.addEventListener("click", () => {
      $$("#events button.active").forEach((n) => n.classList.remove("active"));
      btn.classList.add("active");
      openEvent(ev.cluster_id);
    });
    li.appendChild(btn);
    return li;
  }

  // ---- documents ------------------------------------------------------------------------
  async function openEvent(clusterId) {
    try {
      const ev = await Detente.api(`/api/events/${encodeURIComponent(clusterId)}`);
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
    $$("#document-others button.active").forEach((n) => n.classList.remove("active"));
    if (chip) chip.classList.add("active");
    const doc = await Detente.api(`/api/documents/${encodeURIComponent(docHash)}`);
    $("#document-title").textContent = doc.title || doc.doc_id;
    $("#document-meta").textContent = [doc.date, doc.source, doc.url].filter(Boolean).join(" · ");
    const article = $("#document");
    article.replaceChildren(...doc.segments.map((seg) => {
      if (!seg.reports.length) return document.createTextNode(seg.text);
      const mark = make("mark", { "data-reports": seg.reports.join(" ") }, seg.text);
      if (seg.reports.includes(reportId)) mark.classList.add("current");
      return mark;
    }));
    const current = article.querySelector("mark.current");
    if (current) current.scrollIntoView({ block: "center", behavior: "smooth" });
    Detente.explain.show(current ? current.textContent : null, doc.date);
  }

  // ---- network --------------------------------------------------------------------------
  let network = [];
  async function drawNetwork() {
    const f = Detente.filters.params();
    try {
      const top = await Detente.api("/api/dyads/top", { from: f.from, to: f.to, limit: $("#net-limit").value || 25 });
      network = top.activity;
      charts.networkChart($("#network-chart"), network, (p) => { switchTab("dyad-view"); selectPair(p.a, p.b); });
    } catch (err) { say(err.message); }
  }

  function selectPair(a, b) {
    pickA.set(a);
    pickB.set(b);
    showDyad(a, b);
  }

  // ---- tabs (WAI-ARIA tabs: arrow keys move between them) --------------------------------
  const current = () => (state.a && state.b ? { a: state.a, b: state.b } : null);
  const OPEN = {
    "compare-view": () => Detente.compare.open(current()),
    "map-view": () => Detente.mapView.open(current()),
    "network-view": drawNetwork,
  };

  function switchTab(id) {
    $$(".view").forEach((v) => { v.hidden = v.id !== id; });
    $$(".tab").forEach((t) => {
      const on = t.dataset.tab === id;
      t.classList.toggle("active", on);
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
    });
    if (OPEN[id]) OPEN[id]();
  }

  function tabKeys(e) {
    const tabs = $$(".tab"), i = tabs.indexOf(e.target);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length];
    next.focus();
    switchTab(next.dataset.tab);
  }

  function refresh() {
    const view = $$(".view").find((v) => !v.hidden);
    if (view.id === "dyad-view") { if (state.a && state.b) showDyad(state.a, state.b); } else OPEN[view.id]();
  }

  function seriesTable() {
    if (!state.series) throw new Error("show a pair first");
    const rows = state.series.rows.filter((r) => r.direction === direction());
    return { columns: rows.length ? Object.keys(rows[0]) : ["period", "direction"], rows };
  }

  // ---- start ----------------------------------------------------------------------------
  function wire() {
    Detente.explain.wire();
    $("#dyad-form").addEventListener("submit", (e) => { e.preventDefault(); showDyad(pickA.code(), pickB.code()); });
    $("#direction").addEventListener("change", () => { if (state.series) drawSeries(); });
    $("#rolling").addEventListener("change", () => { if (state.a && state.b) showDyad(state.a, state.b); });
    $("#network-form").addEventListener("submit", (e) => { e.preventDefault(); drawNetwork(); });
    $$(".tab").forEach((t) => {
      t.addEventListener("click", () => switchTab(t.dataset.tab));
      t.addEventListener("keydown", tabKeys);
    });
    Detente.filters.onApply(refresh);
    const name = () => Detente.exporter.slug(`detente_${state.a}-${state.b}_${direction()}_${state.series.by}`);
    const title = () => `detente: ${$("#series-title").textContent}; ${Detente.filters.describe()}`;
    Detente.exporter.toolbar($("#series-downloads"), { label: "series chart", csvLabel: "series", chart: () => $("#series-chart svg"), table: seriesTable, name, title });
    const events = make("button", { type: "button", class: "download", "data-download": "events-CSV", "aria-label": "download the events of this selection as CSV" }, "Events CSV");
    events.addEventListener("click", () => downloadEvents().catch((err) => say(err.message)));
    $("#series-downloads").appendChild(events);
    Detente.exporter.toolbar($("#network-downloads"), {
      label: "network", chart: () => $("#network-chart svg"), name: () => "detente_network", title: () => "detente: most active pairs",
      table: () => ({ columns: ["pair", "a", "b", "events", "goldstein_mean"], rows: network }),
    });
  }

  // every event of the pair under the current filters and direction (up to 20,000), as CSV
  async function downloadEvents() {
    if (!state.series) throw new Error("show a pair first");
    const { events, total } = await Detente.selection.fetchEvents({ dyad: `${state.a}-${state.b}`, ...directionParam() }, 20000);
    const { columns, rows } = Detente.selection.eventTable(events);
    const link = make("a", { href: URL.createObjectURL(Detente.exporter.csvBlob(columns, rows)), download: `${name()}_events.csv` });
    link.click();
    say(`${rows.length} of ${total} events saved as CSV`);
    function name() { return Detente.exporter.slug(`detente_${state.a}-${state.b}_${direction()}`); }
  }

  function start() {
    wire();
    Detente.api("/api/health").then((h) => {
      $("#store-info").textContent = `${h.db} · ${h.documents} documents · ${h.events} events${h.writable ? " · writable" : ""}`;
    }).catch((err) => say(err.message));
    Detente.api("/api/dyads/top", { limit: 8 }).then((top) => {
      $("#top-dyads").replaceChildren(...top.activity.map((p) => {
        const b = make("button", { type: "button", "data-pair": p.pair, "aria-label": `show ${p.a}–${p.b}, ${p.events} events` }, `${p.pair} (${p.events})`);
        b.addEventListener("click", () => selectPair(p.a, p.b));
        return b;
      }));
    }).catch(() => {});
  }

  start();
  window.detenteDashboard = { selectPair, switchTab, openEvent };
})();
