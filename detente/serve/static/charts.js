// Hand-made SVG charts for the dashboard (no libraries: it must work offline).
"use strict";

(function () {
  const NS = "http://www.w3.org/2000/svg";

  function el(tag, attrs, parent) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (parent) parent.appendChild(node);
    return node;
  }

  function text(parent, x, y, value, attrs) {
    const t = el("text", Object.assign({ x, y }, attrs || {}), parent);
    t.textContent = value;
    return t;
  }

  function svgRoot(container, width, height, label) {
    container.replaceChildren();
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label }, container);
    return svg;
  }

  // A "nice" axis maximum: 1, 2 or 5 times a power of ten.
  function niceMax(v) {
    if (v <= 0) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }

  // Cooperation stacked above zero, conflict below, Goldstein mean as a line on a -10..10 axis.
  // rows: [{period, events, verbal_coop, ...}]; onPeriod(row, index) is called when a period is clicked.
  function seriesChart(container, rows, onPeriod) {
    const W = 900, H = 360, m = { l: 44, r: 40, t: 14, b: 66 };
    const svg = svgRoot(container, W, H, "cooperation and conflict per period");
    if (!rows.length) {
      text(svg, W / 2, H / 2, "no events in this range", { "text-anchor": "middle" });
      return svg;
    }
    const iw = W - m.l - m.r, ih = H - m.t - m.b, mid = m.t + ih / 2;
    const coop = (r) => r.verbal_coop + r.material_coop;
    const conf = (r) => r.verbal_conflict + r.material_conflict;
    const top = niceMax(Math.max(1, ...rows.map(coop), ...rows.map(conf)));
    const y = (v) => mid - (v / top) * (ih / 2);
    const band = iw / rows.length, bw = Math.max(1, Math.min(48, band * 0.7));
    const gy = (g) => mid - (g / 10) * (ih / 2);

    el("line", { class: "axis", x1: m.l, x2: m.l, y1: m.t, y2: m.t + ih }, svg);
    el("line", { class: "axis", x1: W - m.r, x2: W - m.r, y1: m.t, y2: m.t + ih }, svg);
    const ticks = Number.isInteger(top / 2) ? [top, top / 2, 0, -top / 2, -top] : [top, 0, -top];
    for (const v of ticks) {
      el("line", { class: v === 0 ? "zero" : "axis", x1: m.l, x2: W - m.r, y1: y(v), y2: y(v) }, svg);
      text(svg, m.l - 6, y(v) + 4, String(Math.abs(v)), { "text-anchor": "end" });
    }
    for (const g of [10, 0, -10]) text(svg, W - m.r + 6, gy(g) + 4, (g > 0 ? "+" : "") + g);
    text(svg, m.l + 4, m.t + 12, "▲ cooperation");
    text(svg, m.l + 4, m.t + ih - 4, "▼ conflict");

    const every = Math.max(1, Math.ceil(rows.length / 10));
    rows.forEach((r, i) => {
      stackedBars(el("g", { class: "period", "data-period": r.period }, svg), r, m.l + i * band + (band - bw) / 2, bw, y);
      if (i % every === 0) text(svg, m.l + i * band + band / 2, H - m.b + 16, r.period.slice(0, 10), { "text-anchor": "middle" });
      periodTarget(svg, r, { x: m.l + i * band, y: m.t, width: band, height: ih }, () => onPeriod(r, i));
    });

    const rolling = rows.length > 0 && "goldstein_rolling_mean" in rows[0];
    if (rolling) goldsteinRuns(svg, rows, (i) => m.l + i * band + band / 2, gy, { key: "goldstein_rolling_mean", cls: "gold-rolling" });
    goldsteinRuns(svg, rows, (i) => m.l + i * band + band / 2, gy, { key: "goldstein_mean", cls: "gold-line", dots: true });
    seriesLegend(svg, m.l, H - 10, rolling);
    return svg;
  }

  // One period's bars: cooperation stacked up from zero (verbal, then material), conflict down.
  function stackedBars(g, r, x, bw, y) {
    for (const [sign, parts] of [[1, [["verbal_coop", "vcoop"], ["material_coop", "mcoop"]]],
      [-1, [["verbal_conflict", "vconf"], ["material_conflict", "mconf"]]]]) {
      let base = 0;
      for (const [key, cls] of parts) {
        const from = y(sign * base), to = y(sign * (base + r[key]));
        if (r[key] > 0) el("rect", { class: `bar ${cls}`, x, y: Math.min(from, to), width: bw, height: Math.abs(to - from) }, g);
        base += r[key];
      }
    }
  }

  // A full-height target over the period, so thin bars and empty periods are easy to click or
  // to reach with Tab (Enter or Space picks it).
  function periodTarget(svg, r, box, onPick) {
    const coop = r.verbal_coop + r.material_coop, conf = r.verbal_conflict + r.material_conflict;
    const docs = r.documents === undefined ? "" : ` (${r.documents} documents coded in the period)`;
    const label = `${r.period}: ${r.events} events${docs}, coop ${coop}, conflict ${conf}, Goldstein ${r.goldstein_mean ?? "–"}`;
    const hit = el("rect", {
      class: "period-hit", ...box, "data-period": r.period, "data-events": r.events, tabindex: 0,
      role: "button", "aria-label": `${label}; list its events`,
    }, svg);
    el("title", {}, hit).textContent = label;
    const pick = () => {
      svg.querySelectorAll(".period-hit.selected").forEach((n) => n.classList.remove("selected"));
      hit.classList.add("selected");
      onPick();
    };
    hit.addEventListener("click", pick);
    hit.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
  }

  // Goldstein mean as a line through consecutive periods with events only: an empty period has no
  // mean, so the line stops there instead of bridging the gap (a lone point is a dot).
  // (The rolling mean, over a window of periods, is drawn the same way without dots.)
  function goldsteinRuns(svg, rows, xOf, yOf, { key, cls, dots }) {
    let run = [];
    const flush = () => {
      if (run.length > 1) el("polyline", { class: cls, points: run.join(" ") }, svg);
      run = [];
    };
    rows.forEach((r, i) => {
      if (r[key] === null || r[key] === undefined) { flush(); return; }
      const x = xOf(i), yy = yOf(r[key]);
      run.push(`${x.toFixed(1)},${yy.toFixed(1)}`);
      if (dots) el("circle", { class: "gold-dot", cx: x, cy: yy, r: 3 }, svg);
    });
    flush();
  }

  // The legend inside the SVG, below the axis labels, so that downloads carry it.
  function seriesLegend(svg, x0, y, rolling) {
    const items = [["vcoop", "verbal coop"], ["mcoop", "material coop"], ["vconf", "verbal conflict"],
      ["mconf", "material conflict"], ["gold-line", "Goldstein mean (right axis, -10..+10)"]];
    if (rolling) items.push(["gold-rolling", "rolling mean"]);
    const g = el("g", { class: "legend-svg" }, svg);
    let x = x0;
    for (const [cls, label] of items) {
      if (cls.startsWith("gold")) el("line", { class: cls, x1: x, x2: x + 14, y1: y - 4, y2: y - 4 }, g);
      else el("rect", { class: `swatch ${cls}`, x, y: y - 10, width: 12, height: 12 }, g);
      text(g, x + 18, y, label);
      x += 30 + label.length * 6;
    }
  }

  // Horizontal bars: one per context with its count.
  function contextChart(container, counts) {
    const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    const W = 420, rowH = 24, m = { l: 110, r: 40, t: 6 };
    const H = Math.max(60, m.t * 2 + entries.length * rowH);
    const svg = svgRoot(container, W, H, "events by context");
    if (!entries.length || entries.every(([, n]) => n === 0)) {
      text(svg, W / 2, H / 2, "no contexts", { "text-anchor": "middle" });
      return svg;
    }
    const max = Math.max(...entries.map(([, n]) => n));
    entries.forEach(([name, n], i) => {
      const yy = m.t + i * rowH;
      text(svg, m.l - 6, yy + 15, name, { "text-anchor": "end" });
      el("rect", { class: "bar ctx", x: m.l, y: yy + 3, height: rowH - 8, width: Math.max(1, ((W - m.l - m.r) * n) / max) }, svg);
      text(svg, m.l + ((W - m.l - m.r) * n) / max + 4, yy + 15, String(n));
    });
    return svg;
  }

  function goldColor(g) {
    if (g === null || g === undefined) return "#999";
    const t = Math.max(-1, Math.min(1, g / 6));
    // red (hostile) through grey to green (cooperative)
    const from = t < 0 ? [192, 57, 43] : [46, 139, 87];
    const mix = (a, b) => Math.round(b + (a - b) * Math.abs(t));
    return `rgb(${mix(from[0], 150)},${mix(from[1], 150)},${mix(from[2], 150)})`;
  }

  // Circular layout: actors on a circle, ordered by activity; a line per pair.
  function networkChart(container, pairs, onPair) {
    const W = 760, H = 620, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 70;
    const svg = svgRoot(container, W, H, "most active pairs");
    if (!pairs.length) {
      text(svg, cx, cy, "no pairs in this range", { "text-anchor": "middle" });
      return svg;
    }
    const weight = new Map();
    for (const p of pairs) for (const k of [p.a, p.b]) weight.set(k, (weight.get(k) || 0) + p.events);
    const nodes = [...weight.keys()].sort((x, y) => weight.get(y) - weight.get(x) || x.localeCompare(y));
    const pos = new Map(nodes.map((k, i) => {
      const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
      return [k, { x: cx + R * Math.cos(a), y: cy + R * Math.sin(a), a }];
    }));
    const maxEvents = Math.max(...pairs.map((p) => p.events));
    const maxWeight = Math.max(...weight.values());
    for (const p of pairs) {
      const s = pos.get(p.a), t = pos.get(p.b);
      // a gentle curve (control point off the chord) keeps opposite pairs from overlapping in the centre
      const mx = (s.x + t.x) / 2, my = (s.y + t.y) / 2, dx = t.x - s.x, dy = t.y - s.y;
      const qx = mx - dy * 0.15, qy = my + dx * 0.15;
      const line = el("path", {
        class: "edge", d: `M${s.x.toFixed(1)},${s.y.toFixed(1)} Q${qx.toFixed(1)},${qy.toFixed(1)} ${t.x.toFixed(1)},${t.y.toFixed(1)}`,
        fill: "none", stroke: goldColor(p.goldstein_mean),
        "stroke-width": 1.5 + (10 * p.events) / maxEvents, "data-pair": p.pair,
      }, svg);
      const tip = el("title", {}, line);
      tip.textContent = `${p.a}–${p.b}: ${p.events} events, Goldstein mean ${p.goldstein_mean ?? "–"}`;
      line.setAttribute("tabindex", 0);
      line.setAttribute("role", "button");
      line.setAttribute("aria-label", `${tip.textContent}; show its series`);
      line.addEventListener("click", () => onPair(p));
      line.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); onPair(p); } });
    }
    for (const k of nodes) {
      const { x, y, a } = pos.get(k);
      const g = el("g", { class: "node", "data-actor": k }, svg);
      el("circle", { cx: x, cy: y, r: 5 + (10 * weight.get(k)) / maxWeight }, g);
      const out = Math.cos(a) >= 0;
      text(g, x + Math.cos(a) * 22, y + Math.sin(a) * 22 + 4, k, { "text-anchor": out ? "start" : "end" });
    }
    return svg;
  }

  // Okabe-Ito colours (told apart with colour blindness) and dash patterns as a second cue
  const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];
  const DASHES = ["", "6 3", "2 3", "8 3 2 3"];

  function lineScale(lines, opts) {
    if (opts.min !== undefined && opts.max !== undefined) return [opts.min, opts.max];
    const values = lines.flatMap((l) => l.values).filter((v) => v !== null && v !== undefined);
    const reach = niceMax(Math.max(1, ...values.map(Math.abs)));
    return [-reach, reach];
  }

  // One line per pair over shared periods; a null value (no events, so no mean) breaks the line.
  // lines: [{key, label, values: [number|null per period]}]; opts: {label, min, max}
  function lineChart(container, periods, lines, opts) {
    const W = 900, H = 380, m = { l: 50, r: 20, t: 34 + 18 * Math.ceil(lines.length / 4), b: 40 };
    const svg = svgRoot(container, W, H, `${opts.label} per period, one line per pair`);
    if (!periods.length || !lines.length) {
      text(svg, W / 2, H / 2, lines.length ? "no events in this range" : "add a pair to compare", { "text-anchor": "middle" });
      return svg;
    }
    const [lo, hi] = lineScale(lines, opts);
    const iw = W - m.l - m.r, ih = H - m.t - m.b, band = iw / periods.length;
    const x = (i) => m.l + i * band + band / 2, y = (v) => m.t + ((hi - v) / (hi - lo)) * ih;
    for (const v of [hi, hi / 2, 0, lo / 2, lo]) {
      el("line", { class: v === 0 ? "zero" : "axis", x1: m.l, x2: W - m.r, y1: y(v), y2: y(v) }, svg);
      text(svg, m.l - 6, y(v) + 4, (v > 0 ? "+" : "") + Math.round(v * 10) / 10, { "text-anchor": "end" });
    }
    text(svg, m.l, m.t - 10, opts.label, { class: "axis-title" });
    const every = Math.max(1, Math.ceil(periods.length / 10));
    periods.forEach((p, i) => { if (i % every === 0) text(svg, x(i), H - m.b + 16, p.slice(0, 10), { "text-anchor": "middle" }); });
    lines.forEach((line, k) => drawLine(svg, line, k, { x, y, periods }));
    lines.forEach((line, k) => legendItem(svg, line, k, m.l + (k % 4) * 210, 14 + 18 * Math.floor(k / 4)));
    return svg;
  }

  function drawLine(svg, line, k, { x, y, periods }) {
    const colour = PALETTE[k % PALETTE.length];
    const g = el("g", { class: "pair-line", "data-pair": line.key }, svg);
    let run = [];
    const flush = () => {
      if (run.length > 1) el("polyline", { points: run.join(" "), fill: "none", stroke: colour, "stroke-width": 2.5, "stroke-dasharray": DASHES[k % DASHES.length] }, g);
      run = [];
    };
    line.values.forEach((v, i) => {
      if (v === null || v === undefined) { flush(); return; }
      run.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
      const dot = el("circle", { cx: x(i), cy: y(v), r: 3.5, fill: colour, class: "pair-dot" }, g);
      el("title", {}, dot).textContent = `${line.label} ${periods[i]}: ${Math.round(v * 100) / 100}`;
    });
    flush();
  }

  function legendItem(svg, line, k, x, y) {
    const colour = PALETTE[k % PALETTE.length];
    el("line", { x1: x, x2: x + 24, y1: y - 4, y2: y - 4, stroke: colour, "stroke-width": 3, "stroke-dasharray": DASHES[k % DASHES.length] }, svg);
    text(svg, x + 30, y, line.label, { class: "legend-label" });
  }

  window.DetenteCharts = { seriesChart, contextChart, networkChart, lineChart, goldColor, niceMax, el, text, svgRoot };
})();
