// The filter bar shared by the pair, compare and map views: status, sector, context, confidence,
// dates and period. params() gives them in the API's form (repeatable status/sector/context).
"use strict";

(function () {
  const Detente = (window.Detente = window.Detente || {});
  const { $, $$, make } = Detente;
  const listeners = [];

  function checkbox(group, item, checked) {
    const id = `f-${group}-${item.code}`;
    const label = make("label", { for: id, class: "check", title: item.title || null });
    const box = make("input", { type: "checkbox", id, name: group, value: item.code });
    box.checked = !!checked;
    label.append(box, ` ${item.label || item.code}`);
    if (item.label && item.label !== item.code && group === "sector") label.append(make("span", { class: "code" }, ` ${item.code}`));
    return label;
  }

  function checked(group) { return $$(`#filters input[name='${group}']:checked`).map((n) => n.value); }

  // "any" when nothing is ticked, else the ticked codes: the summary line of a <details>
  function updateSummary(group) {
    const picked = checked(group);
    const summary = $(`#f-${group} summary .picked`);
    if (summary) summary.textContent = picked.length ? picked.join(", ") : "any";
  }

  // contexts come from the names endpoint and from each series; new ones are added as they appear
  function addContexts(names) {
    const box = $("#f-context .options");
    const have = new Set(checked("context").concat($$("input", box).map((n) => n.value)));
    for (const name of names || []) if (!have.has(name)) { box.appendChild(checkbox("context", { code: name }, false)); have.add(name); }
  }

  async function build() {
    let vocab = { statuses: [], sectors: [] };
    try { vocab = await Detente.api("/static/vocab.json"); } catch (err) { Detente.say(err.message); }
    $("#f-status .options").replaceChildren(...vocab.statuses.map((s) => checkbox("status", s, s.default)));
    $("#f-sector .options").replaceChildren(...vocab.sectors.map((s) => checkbox("sector", s, false)));
    Detente.names.ready.then(() => addContexts(Detente.names.table.contexts));
    for (const group of ["sector", "context"]) {
      $(`#f-${group}`).addEventListener("change", () => updateSummary(group));
      updateSummary(group);
    }
  }

  function params() {
    const conf = parseFloat($("#min-confidence").value);
    return {
      status: checked("status"),
      sector: checked("sector"),
      context: checked("context"),
      min_confidence: conf > 0 ? conf : null,
      from: $("#from").value,
      to: $("#to").value,
    };
  }

  // one line saying what is filtered, for chart titles and downloads
  function describe() {
    const p = params();
    const parts = [`status ${p.status.join("/") || "default"}`];
    if (p.sector.length) parts.push(`sector ${p.sector.join("/")}`);
    if (p.context.length) parts.push(`context ${p.context.join("/")}`);
    if (p.min_confidence) parts.push(`confidence ≥ ${p.min_confidence}`);
    if (p.from || p.to) parts.push(`${p.from || "…"} to ${p.to || "…"}`);
    return parts.join(" · ");
  }

  $("#filters").addEventListener("submit", (e) => {
    e.preventDefault();
    for (const fn of listeners) fn();
  });
  const ready = build();

  Detente.filters = { ready, params, describe, addContexts, by: () => $("#by").value, onApply: (fn) => listeners.push(fn) };
})();
