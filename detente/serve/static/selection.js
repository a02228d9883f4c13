// The events behind what is shown: fetched page by page with the filter bar's filters, and the
// same events as CSV rows (names beside codes, one report's evidence each).
"use strict";

(function () {
  const Detente = (window.Detente = window.Detente || {});
  const PAGE = 1000; // the API's largest page

  // extra: {dyad, direction, from, to, ...}; stops after `cap` events and says how many there were
  async function fetchEvents(extra, cap) {
    const filt = Detente.filters.params();
    const events = [];
    let total = 0;
    for (let offset = 0; offset < cap; offset += PAGE) {
      const page = await Detente.api("/api/events", {
        status: filt.status, sector: filt.sector, context: filt.context, min_confidence: filt.min_confidence,
        from: filt.from, to: filt.to, ...extra, sort: "date", limit: Math.min(PAGE, cap - offset), offset,
      });
      total = page.total;
      events.push(...page.events);
      if (events.length >= total || !page.events.length) break;
    }
    return { events, total };
  }

  const COLUMNS = ["cluster_id", "date", "source_key", "target_key", "reciprocal", "cameo", "cameo_name", "plover",
    "quad_class", "goldstein", "contexts", "status", "confidence", "location_name", "location_country",
    "mention_count", "article_count", "evidence_text", "document_title", "url"];

  function eventRow(ev) {
    const best = ev.evidence || {};
    const loc = ev.location || {};
    return {
      ...ev,
      cameo_name: Detente.names.cameo(ev.cameo) || "",
      status: ev.status || best.status,
      confidence: ev.confidence ?? best.confidence,
      location_name: loc.name, location_country: loc.country,
      evidence_text: best.evidence_text, document_title: best.title, url: best.url || (ev.urls || [])[0],
    };
  }

  const eventTable = (events) => ({ columns: COLUMNS, rows: events.map(eventRow) });

  // the filter bar's filters as query parameters, for series and the relation summary
  function filterParams(extra) {
    const f = Detente.filters.params();
    return { ...f, by: Detente.filters.by(), ...(extra || {}) };
  }

  Detente.selection = { fetchEvents, eventTable, filterParams };
})();
