// "Why was this coded?": the coder's own account of the highlighted evidence (POST /api/explain):
// each candidate trigger, the pattern that fired, the rules that chose source and target, or why
// it made no event.
"use strict";

(function () {
  const Detente = (window.Detente = window.Detente || {});
  const { make, $ } = Detente;
  let current = null; // {text, date} of the evidence on show

  async function post(text, date) {
    const res = await fetch("/api/explain", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(date ? { text, date } : { text }),
    });
    const body = await res.json().catch(() => null);
    if (!res.ok) throw new Error(body && body.error ? body.error.message : `HTTP ${res.status}`);
    return body;
  }

  function actors(list) {
    return list.length ? list.map((a) => `${a.text} (${a.code || "–"})`).join(", ") : "none";
  }

  function candidate(c) {
    const li = make("li", { class: `candidate ${c.outcome}` });
    li.append(make("div", { class: "candidate-head" }, `“${c.trigger}” → CAMEO ${c.cameo}: ${c.outcome}`));
    li.append(make("div", { class: "muted" }, `pattern ${c.pattern.id}`));
    if (c.outcome !== "event") li.append(make("div", { class: "reason" }, `why not: ${c.reason}`));
    if (c.roles) {
      li.append(make("div", {}, `source: ${actors(c.roles.sources)} — ${c.roles.source_rule}`));
      li.append(make("div", {}, `target: ${actors(c.roles.targets)} — ${c.roles.target_rule}`));
      li.append(make("div", { class: "muted" }, `modality ${c.modality}; date ${c.date}`));
    }
    return li;
  }

  async function render() {
    const box = $("#explain");
    if (!current) { box.textContent = "Open an event to see why it was coded."; return; }
    box.textContent = "Asking the coder…";
    try {
      const body = await post(current.text, current.date);
      const list = make("ol", { class: "candidates" });
      list.append(...body.candidates.map(candidate));
      const summary = `${Detente.count(body.events.length, "event")} from ${Detente.count(body.candidates.length, "candidate")}`;
      box.replaceChildren(make("p", {}, summary), list);
    } catch (err) {
      box.textContent = `The coder could not explain this text: ${err.message}`;
    }
  }

  // Called when a document opens: the evidence that is highlighted, and the document's date.
  Detente.explain = {
    show(text, date) {
      current = text ? { text, date } : null;
      if ($("#explain-panel").open) render();
    },
    wire() { $("#explain-panel").addEventListener("toggle", () => { if ($("#explain-panel").open) render(); }); },
  };
})();
