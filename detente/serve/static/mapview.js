// The map view: where the selected events took place, by the country of their location.
// Events with no location are counted, not placed (a place is never guessed from the actors).
"use strict";

(function () {
  const Detente = (window.Detente = window.Detente || {});
  const { $, make, fmt } = Detente;
  const charts = window.DetenteCharts;
  const CAP = 5000; // events read for one map; the caption says when there were more
  const state = { events: [], places: [], pair: null };

  function aggregate(events, world) {
    const names = new Map(world.countries.map((c) => [c.code, c.name]));
    const groups = new Map();
    for (const ev of events) {
      const code = ev.location && ev.location.country;
      if (!code) continue;
      const g = groups.get(code) || { code, name: names.get(code) || code, events: 0, sum: 0, scored: 0, items: [] };
      g.events += 1;
      g.items.push(ev);
      if (ev.goldstein !== null && ev.goldstein !== undefined) { g.sum += ev.goldstein; g.scored += 1; }
      groups.set(code, g);
    }
    return [...groups.values()]
      .map((g) => ({ ...g, goldstein_mean: g.scored ? g.sum / g.scored : null }))
      .sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));
  }

  // the accessible twin of the map: a table of the same places
  function placeTable(places) {
    const rows = places.map((p) => {
      const tr = make("tr", { "data-place": p.code });
      const btn = make("button", { type: "button", class: "link" }, p.name);
      btn.addEventListener("click", () => showPlace(p));
      const th = make("th", { scope: "row" });
      th.appendChild(btn);
      tr.append(th, make("td", {}, p.code), make("td", {}, String(p.events)), make("td", {}, fmt(p.goldstein_mean)));
      return tr;
    });
    $("#map-table tbody").replaceChildren(...rows);
  }

  function showPlace(place) {
    $("#map-events-title").textContent = `Events in ${place.name}`;
    $("#map-events").replaceChildren(...place.items.slice(0, 200).map((ev) => {
      const li = make("li");
      li.append(
        make("div", { class: "head" }, `${ev.date || "undated"} · ${ev.source_key || "?"} → ${ev.target_key || "?"} · ${Detente.names.eventName(ev)} (${Detente.names.eventCodes(ev)}) · ${ev.location.name || ""}`),
        make("div", { class: "evidence" }, ev.evidence ? ev.evidence.evidence_text : ""),
      );
      return li;
    }));
  }

  async function draw() {
    const scope = $("#map-scope").value;
    const extra = scope === "pair" && state.pair ? { dyad: `${state.pair.a}-${state.pair.b}` } : {};
    try {
      const world = await charts.loadWorld();
      const { events, total } = await Detente.selection.fetchEvents(extra, CAP);
      state.events = events;
      state.places = aggregate(events, world);
      charts.mapChart($("#map-chart"), state.places, showPlace);
      placeTable(state.places);
      const placed = state.places.reduce((n, p) => n + p.events, 0);
      const off = state.places.filter((p) => !charts.hasCountry(p.code)).map((p) => p.code);
      $("#map-caption").textContent = `${extra.dyad || "all pairs"}: ${placed} of ${events.length} events placed in ${state.places.length} countries`
        + `${events.length < total ? ` (first ${events.length} of ${total})` : ""}; ${events.length - placed} carry no place`
        + `${off.length ? `; not on this map: ${off.join(", ")}` : ""}. ${Detente.filters.describe()}`;
    } catch (err) { Detente.say(err.message); }
  }

  Detente.exporter.toolbar($("#map-downloads"), {
    label: "map", csvLabel: "located events",
    chart: () => $("#map-chart svg"),
    table: () => Detente.selection.eventTable(state.events.filter((ev) => ev.location && ev.location.country)),
    name: () => Detente.exporter.slug(`detente_map_${$("#map-scope").value === "pair" && state.pair ? `${state.pair.a}-${state.pair.b}` : "all"}`),
    title: () => `detente: event locations; ${Detente.filters.describe()}`,
  });
  $("#map-scope").addEventListener("change", () => draw());

  // pair: the pair of the pair view, offered as the map's scope
  function open(pair) {
    state.pair = pair;
    const option = $("#map-scope option[value='pair']");
    option.disabled = !pair;
    option.textContent = pair ? `${pair.a}–${pair.b}` : "the pair shown (none yet)";
    if (!pair) $("#map-scope").value = "all";
    return draw();
  }

  Detente.mapView = { open, draw };
})();
