// CAMEO and PLOVER names for codes, from GET /api/names. Until that answers (or if it is absent)
// the dashboard shows codes, so nothing else waits on it.
"use strict";

(function () {
  const Detente = (window.Detente = window.Detente || {});
  const table = { cameo: new Map(), plover: new Map(), sectors: new Map(), contexts: [], statuses: [] };

  // {code: "name"}, {code: {name|label}} and [{code, name|label}] are all read the same way
  function toMap(value) {
    const out = new Map();
    const entries = Array.isArray(value) ? value.map((v) => [v.code || v.type || v.key, v]) : Object.entries(value || {});
    for (const [code, v] of entries) {
      const name = typeof v === "string" ? v : v && (v.name || v.label || v.description);
      if (code && name) out.set(String(code), String(name));
    }
    return out;
  }

  function toList(value) {
    if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? v : v.code || v.name)).filter(Boolean);
    return Object.keys(value || {});
  }

  function load(body) {
    table.cameo = toMap(body.cameo);
    table.plover = toMap(body.plover);
    table.sectors = toMap(body.sectors);
    table.contexts = toList(body.contexts);
    table.statuses = toList(body.statuses);
  }

  // the name of a CAMEO code, else of its nearest parent ("0571" -> "057" -> "05")
  function cameo(code) {
    for (let c = String(code || ""); c.length >= 2; c = c.slice(0, -1)) if (table.cameo.has(c)) return table.cameo.get(c);
    return null;
  }

  function plover(type) { return type ? table.plover.get(type) || null : null; }

  // "Sign formal agreement" (or the code when no name is known) and "057 · AGREE"
  function eventName(ev) { return ev.cameo_name || cameo(ev.cameo) || plover(ev.plover) || ev.plover || ev.cameo || "?"; }
  function eventCodes(ev) { return [ev.cameo, ev.plover].filter(Boolean).join(" · "); }

  const ready = Detente.api("/api/names")
    .then(load)
    .catch(() => { /* no names endpoint: codes stay as they are */ });

  Detente.names = { ready, cameo, plover, eventName, eventCodes, table };
})();
