// The relationship summary: is the pair warming or cooling, how sure, on how many events, and why.
// Reads GET /api/dyads/{a}/{b}/relation with the filter bar's filters.
"use strict";

(function () {
  const Detente = (window.Detente = window.Detente || {});
  const { $, make, fmt } = Detente;
  const NS = "http://www.w3.org/2000/svg";

  function svgEl(tag, attrs, parent) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    parent.appendChild(node);
    return node;
  }

  // The slope and its interval on a line through zero: an interval clear of zero is a trend.
  function intervalGraphic(trend) {
    const [lo, hi] = trend.interval;
    const reach = Math.max(Math.abs(lo), Math.abs(hi), Math.abs(trend.slope), 1e-9) * 1.15;
    const W = 320, H = 44, x = (v) => W / 2 + (v / reach) * (W / 2 - 12);
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", `slope ${fmt(trend.slope, 2)}, interval ${fmt(lo, 2)} to ${fmt(hi, 2)}`);
    svg.setAttribute("class", "interval");
    svgEl("line", { x1: 8, x2: W - 8, y1: 20, y2: 20, class: "axis" }, svg);
    svgEl("line", { x1: x(0), x2: x(0), y1: 8, y2: 32, class: "zero" }, svg);
    svgEl("line", { x1: x(lo), x2: x(hi), y1: 20, y2: 20, class: "ci" }, svg);
    svgEl("circle", { cx: x(trend.slope), cy: 20, r: 5, class: "slope" }, svg);
    const label = svgEl("text", { x: x(0), y: 42, "text-anchor": "middle" }, svg);
    label.textContent = "0";
    return svg;
  }

  function trendSentence(t) {
    if (!t) return "";
    const level = Math.round((t.level || 0.9) * 100);
    const pv = t.p_value;
    const p = pv === null || pv === undefined ? "" : pv < 0.001 ? "; p < 0.001" : `; p = ${Number(pv).toPrecision(2)}`;
    return `${fmt(t.slope, 2)} ${t.unit || "per period"} (${level}% interval ${fmt(t.interval[0], 2)} to ${fmt(t.interval[1], 2)}${p})`;
  }

  function directionItem(name, d) {
    const li = make("li", { "data-direction": name });
    li.append(make("strong", {}, `${name}: `), make("span", { class: `verdict-word ${slugOf(d.verdict)}` }, d.verdict || "–"));
    li.append(` · ${Detente.count(d.events ?? 0, "event")}${d.trend ? " · " + trendSentence(d.trend) : ""}`);
    return li;
  }

  const slugOf = (verdict) => String(verdict || "").replace(/\s+/g, "-");

  function driverItem(d, openEvent) {
    const li = make("li", { class: "driver", "data-cameo": d.cameo });
    const name = d.cameo_name || Detente.names.cameo(d.cameo) || d.cameo;
    li.append(make("strong", {}, name), ` (${[d.cameo, d.plover].filter(Boolean).join(" · ")}) — ${d.count} event${d.count === 1 ? "" : "s"}, Goldstein mean ${fmt(d.goldstein_mean)}`);
    const list = make("ul", { class: "evidence-links" });
    for (const ev of d.evidence || []) {
      const link = make("a", { href: `/api/events/${encodeURIComponent(ev.cluster_id)}`, "data-event": ev.cluster_id }, `“${ev.text}”`);
      link.addEventListener("click", (e) => { e.preventDefault(); openEvent(ev.cluster_id); });
      const item = make("li");
      item.append(link, make("span", { class: "muted" }, ` (${ev.doc_id || ev.doc_key || "document"})`));
      list.appendChild(item);
    }
    li.appendChild(list);
    return li;
  }

  function render(box, rel, openEvent) {
    const head = make("div", { class: "verdict-row" });
    head.append(make("p", { class: `verdict ${slugOf(rel.verdict)}`, id: "verdict" }, rel.verdict));
    if (rel.trend && rel.trend.interval) head.appendChild(intervalGraphic(rel.trend));
    const facts = make("p", { class: "facts" });
    const active = rel.periods_with_events === undefined ? "" : `${rel.periods_with_events} of `;
    facts.textContent = `${Detente.count(rel.events, "event")} in ${active}${Detente.count(rel.periods, rel.by || "period")} (${rel.from || "…"} to ${rel.to || "…"}).`
      + (rel.trend ? ` Trend: ${trendSentence(rel.trend)}.` : "");
    if (rel.rule && rel.verdict === "not enough events") facts.append(make("span", { class: "muted" }, ` Rule: ${rel.rule}.`));
    const dirs = make("ul", { class: "directions" });
    for (const [name, d] of Object.entries(rel.directions || {})) dirs.appendChild(directionItem(name, d));
    const drivers = make("ol", { class: "drivers" }, undefined);
    for (const d of (rel.drivers || []).slice(0, 3)) drivers.appendChild(driverItem(d, openEvent));
    const parts = [head, facts, dirs, make("h3", {}, "What drives it"), drivers];
    if (!(rel.drivers || []).length) parts.push(make("p", { class: "muted" }, "no event types stand out"));
    const f = rel.filters;
    if (f && typeof f === "object" && f.status) {
      const left = (f.excluded_status || []).length ? `; left out: ${f.excluded_status.join(", ")}` : "";
      parts.push(make("p", { class: "muted" }, `Counted: status ${f.status.join(", ")}${left}.`));
    }
    if (rel.method) parts.push(make("p", { class: "muted method" }, `Method: ${rel.method}`));
    box.replaceChildren(...parts);
  }

  // Fills #summary; a server without the relation endpoint gets a note, not an error.
  async function show(a, b, extra, openEvent) {
    const box = $("#summary");
    $("#summary-title").textContent = `Relationship ${a}–${b}: warming or cooling?`;
    box.replaceChildren(make("p", { class: "muted" }, "working…"));
    try {
      const rel = await Detente.api(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/relation`, extra);
      render(box, rel, openEvent);
      return rel;
    } catch (err) {
      const text = err.status === 404 && /no such path|HTTP 404/.test(err.message)
        ? "This server does not offer the relationship summary (GET /api/dyads/{a}/{b}/relation)."
        : err.message;
      box.replaceChildren(make("p", { class: "muted" }, text));
      return null;
    }
  }

  Detente.summary = { show };
})();
