// Several pairs on one chart: pair chips, one line per pair of mean Goldstein, net cooperation or events.
"use strict";

(function () {
  const Detente = (window.Detente = window.Detente || {});
  const { $, make } = Detente;
  const charts = window.DetenteCharts;
  const MAX_PAIRS = 8;
  const METRICS = {
    goldstein: { label: "mean Goldstein (-10 hostile .. +10 cooperative)", min: -10, max: 10, value: (r) => (r.events ? r.goldstein_mean : null) },
    net: { label: "net cooperation (cooperative minus conflictual events)", value: (r) => r.verbal_coop + r.material_coop - r.verbal_conflict - r.material_conflict },
    events: { label: "events", value: (r) => r.events },
    per100: { label: "events per 100 documents coded in the period", value: (r) => r.events_per_100_documents },
  };
  const state = { pairs: [], lines: [], periods: [] };
  const pickA = Detente.picker($("#cmp-a"), $("#cmp-a-list"));
  const pickB = Detente.picker($("#cmp-b"), $("#cmp-b-list"));

  const pairKey = (p) => `${p.a}-${p.b}`;

  function add(a, b) {
    if (!a || !b || a === b) { Detente.say("pick two different countries to compare"); return false; }
    if (state.pairs.some((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))) return false;
    if (state.pairs.length >= MAX_PAIRS) { Detente.say(`at most ${MAX_PAIRS} pairs on one chart`); return false; }
    state.pairs.push({ a, b });
    chips();
    return true;
  }

  function remove(pair) {
    state.pairs = state.pairs.filter((p) => p !== pair);
    chips();
    draw();
  }

  function chips() {
    $("#pair-chips").replaceChildren(...state.pairs.map((p) => {
      const chip = make("span", { class: "chip", "data-pair": pairKey(p) }, `${p.a}–${p.b} `);
      const x = make("button", { type: "button", "aria-label": `remove ${p.a}–${p.b}`, class: "remove" }, "×");
      x.addEventListener("click", () => remove(p));
      chip.appendChild(x);
      return chip;
    }));
  }

  // the combined (A-B) row of each period, for every pair, on the union of their periods
  async function load() {
    const params = Detente.selection.filterParams();
    const all = await Promise.all(state.pairs.map((p) =>
      Detente.api(`/api/dyads/${encodeURIComponent(p.a)}/${encodeURIComponent(p.b)}/series`, params)));
    const periods = [...new Set(all.flatMap((s) => s.rows.map((r) => r.period)))].sort();
    state.periods = periods;
    state.lines = all.map((s) => {
      const rows = new Map(s.rows.filter((r) => r.direction === s.directions[2]).map((r) => [r.period, r]));
      return { key: `${s.a}-${s.b}`, label: `${s.a}–${s.b}`, rows, periods };
    });
  }

  function values(line, metric) {
    const empty = { events: 0, verbal_coop: 0, material_coop: 0, verbal_conflict: 0, material_conflict: 0, goldstein_mean: null };
    return line.periods.map((p) => {
      const v = metric.value(line.rows.get(p) || empty);
      return v === undefined ? null : v;
    });
  }

  async function draw() {
    Detente.say("");
    try { await load(); } catch (err) { Detente.say(err.message); return; }
    const metric = METRICS[$("#cmp-metric").value];
    const lines = state.lines.map((l) => ({ ...l, values: values(l, metric) }));
    charts.lineChart($("#compare-chart"), state.periods, lines, metric);
    $("#compare-caption").textContent = `${lines.length} pair${lines.length === 1 ? "" : "s"}, per ${Detente.filters.by()}; ${Detente.filters.describe()}`;
  }

  function table() {
    const rows = [];
    for (const line of state.lines) {
      for (const p of line.periods) {
        const r = line.rows.get(p);
        rows.push({ pair: line.key, period: p, events: r ? r.events : 0, goldstein_mean: r ? r.goldstein_mean : null,
          net_cooperation: r ? METRICS.net.value(r) : 0 });
      }
    }
    return { columns: ["pair", "period", "events", "goldstein_mean", "net_cooperation"], rows };
  }

  $("#compare-form").addEventListener("submit", (e) => {
    e.preventDefault();
    if (add(pickA.code(), pickB.code())) draw();
  });
  $("#cmp-metric").addEventListener("change", () => draw());
  Detente.exporter.toolbar($("#compare-downloads"), {
    label: "comparison chart", csvLabel: "compared series",
    chart: () => $("#compare-chart svg"), table,
    name: () => Detente.exporter.slug(`detente_compare_${state.pairs.map(pairKey).join("_")}`),
    title: () => `detente: ${$("#cmp-metric").selectedOptions[0].textContent}; ${Detente.filters.describe()}`,
  });

  // opening the view with no pairs starts from the pair being looked at, else the most active two
  async function open(current) {
    const key = current ? pairKey(current) : null;
    if (key && key !== state.offered) add(current.a, current.b); // offered once: a removed pair stays removed
    state.offered = key;
    if (!state.pairs.length) {
      try {
        const top = await Detente.api("/api/dyads/top", { limit: 2 });
        for (const p of top.activity) add(p.a, p.b);
      } catch (err) { Detente.say(err.message); }
    }
    await draw();
  }

  Detente.compare = { open, draw, add };
})();
