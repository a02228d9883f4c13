// A country search box with suggestions from /api/countries, usable by keyboard:
// type, ArrowDown into the list, Enter picks, Escape closes.
"use strict";

(function () {
  const Detente = (window.Detente = window.Detente || {});
  const { make } = Detente;

  // input: the text box; list: its <ul role=listbox>. Returns {code(), set(code, label)}.
  function picker(input, list) {
    let chosen = null, timer = null;
    const set = (code, label) => {
      chosen = code;
      input.value = label || code;
      list.replaceChildren();
      input.setAttribute("aria-expanded", "false");
    };
    const option = (c) => {
      const li = make("li", { role: "presentation" });
      const btn = make("button", { type: "button", role: "option", "data-code": c.code, tabindex: -1 }, `${c.name} (${c.code}) `);
      btn.appendChild(make("span", { class: "count" }, `${c.events} events`));
      btn.addEventListener("click", () => { set(c.code, `${c.name} (${c.code})`); input.focus(); });
      btn.addEventListener("keydown", (e) => move(e, li));
      li.appendChild(btn);
      return li;
    };
    const suggest = async () => {
      const q = input.value.trim();
      if (!q) { list.replaceChildren(); return; }
      try {
        const found = await Detente.api("/api/countries", { q, limit: 8 });
        list.replaceChildren(...found.map(option));
        input.setAttribute("aria-expanded", found.length ? "true" : "false");
      } catch (err) { Detente.say(err.message); }
    };
    const move = (e, li) => {
      const to = e.key === "ArrowDown" ? li.nextElementSibling : e.key === "ArrowUp" ? li.previousElementSibling : null;
      if (to) { e.preventDefault(); to.querySelector("button").focus(); }
      else if (e.key === "ArrowUp") { e.preventDefault(); input.focus(); }
      if (e.key === "Escape") { list.replaceChildren(); input.focus(); }
    };
    input.setAttribute("aria-expanded", "false");
    input.addEventListener("input", () => { chosen = null; clearTimeout(timer); timer = setTimeout(suggest, 150); });
    input.addEventListener("keydown", (e) => {
      const first = list.querySelector("button");
      if (e.key === "Enter" && first) { e.preventDefault(); first.click(); }
      if (e.key === "ArrowDown" && first) { e.preventDefault(); first.focus(); }
      if (e.key === "Escape") list.replaceChildren();
    });
    // a typed code ("CHN", "EU") is taken as it is when no suggestion was picked
    const code = () => {
      if (chosen) return chosen;
      const m = input.value.match(/\(([A-Z0-9]+)\)\s*$/) || input.value.trim().match(/^([A-Za-z0-9]{2,8})$/);
      return m ? m[1].toUpperCase() : null;
    };
    return { code, set };
  }

  Detente.picker = picker;
})();
