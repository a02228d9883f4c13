// A world map of event locations, drawn offline from world.json (Natural Earth 110m, public domain):
// one circle per country where events took place, at the country's centroid; area = events,
// colour = mean Goldstein.
"use strict";

(function () {
  const charts = window.DetenteCharts;
  const { el, text, svgRoot, goldColor } = charts;
  const W = 960, TOP = 84, BOTTOM = -58, H = Math.round((W * (TOP - BOTTOM)) / 360);
  const px = (lon) => ((lon + 180) / 360) * W;
  const py = (lat) => ((TOP - lat) / (TOP - BOTTOM)) * H;

  let world = null;
  async function loadWorld() {
    if (!world) world = await window.Detente.api("/static/world.json");
    return world;
  }

  function countryPath(rings) {
    return rings.map((ring) => "M" + ring.map(([lon, lat]) => `${px(lon).toFixed(1)},${py(lat).toFixed(1)}`).join("L") + "Z").join("");
  }

  // places: [{code, name, events, goldstein_mean}] ; onPlace(place) when a circle is chosen
  function mapChart(container, places, onPlace) {
    const svg = svgRoot(container, W, H + 30, "map of event locations");
    const byCode = new Map(places.map((p) => [p.code, p]));
    // the projection stops at 58°S: clip what lies beyond (Antarctica) so it stays under the caption
    const clip = el("clipPath", { id: "map-clip" }, el("defs", {}, svg));
    el("rect", { x: 0, y: 0, width: W, height: H }, clip);
    const land = el("g", { class: "land", "clip-path": "url(#map-clip)" }, svg);
    for (const c of world.countries) {
      const path = el("path", { d: countryPath(c.rings), "fill-rule": world.fill_rule || "evenodd", "data-country": c.code }, land);
      if (byCode.has(c.code)) path.classList.add("has-events");
    }
    const max = Math.max(1, ...places.map((p) => p.events));
    const centroids = new Map(world.countries.map((c) => [c.code, c.centroid]));
    const dots = el("g", { class: "places" }, svg);
    for (const p of [...places].sort((a, b) => b.events - a.events)) {
      const at = centroids.get(p.code);
      if (!at) continue;
      const label = `${p.name}: ${p.events} event${p.events === 1 ? "" : "s"}, Goldstein mean ${p.goldstein_mean === null ? "–" : p.goldstein_mean.toFixed(1)}`;
      const dot = el("circle", {
        class: "place", cx: px(at[0]), cy: py(at[1]), r: 4 + 16 * Math.sqrt(p.events / max),
        fill: goldColor(p.goldstein_mean), tabindex: 0, role: "button", "aria-label": label, "data-place": p.code,
      }, dots);
      el("title", {}, dot).textContent = label;
      dot.addEventListener("click", () => onPlace(p));
      dot.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); onPlace(p); } });
    }
    text(svg, 8, H + 20, "Circle area: events placed in the country (at its centroid). Colour: mean Goldstein, red hostile to green cooperative. Outline: Natural Earth (public domain).");
    return svg;
  }

  Object.assign(charts, { mapChart, loadWorld, hasCountry: (code) => !!world && world.countries.some((c) => c.code === code) });
})();
