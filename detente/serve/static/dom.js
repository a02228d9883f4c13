// Small helpers every dashboard script shares: DOM building, API calls, the status line.
// All text from the API goes in through textContent, never innerHTML.
"use strict";

(function () {
  const Detente = (window.Detente = window.Detente || {});

  Detente.$ = (sel, root) => (root || document).querySelector(sel);
  Detente.$$ = (sel, root) => [...(root || document).querySelectorAll(sel)];

  Detente.make = function make(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  // params: values that are arrays become repeated parameters (status=a&status=b); empty ones are left out
  Detente.url = function url(path, params) {
    const u = new URL(path, window.location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      for (const item of Array.isArray(v) ? v : [v]) {
        if (item !== null && item !== undefined && item !== "") u.searchParams.append(k, item);
      }
    }
    return u;
  };

  // An API error keeps its HTTP status so callers can tell "not there yet" (404) from a bad request.
  Detente.api = async function api(path, params) {
    const res = await fetch(Detente.url(path, params));
    let body = null;
    try { body = await res.json(); } catch (_) { body = null; }
    if (!res.ok) {
      const err = new Error(body && body.error ? body.error.message : `HTTP ${res.status} for ${path}`);
      err.status = res.status;
      throw err;
    }
    return body;
  };

  // The one status line: read out by screen readers (role=status, aria-live=polite).
  Detente.say = function say(message) { Detente.$("#message").textContent = message || ""; };

  // "1 event", "3 events"
  Detente.count = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

  Detente.fmt = function fmt(value, digits) {
    if (value === null || value === undefined || Number.isNaN(value)) return "–";
    const d = digits === undefined ? 1 : digits;
    return (value > 0 ? "+" : "") + Number(value).toFixed(d);
  };
})();
