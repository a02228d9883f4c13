// Downloads made in the browser: a chart as SVG or PNG, what is shown as CSV. Nothing leaves the page.
"use strict";

(function () {
  const Detente = (window.Detente = window.Detente || {});
  const { make } = Detente;
  // the computed styles a stand-alone SVG needs (the page's stylesheet does not travel with it),
  // written as presentation attributes: the page's CSP forbids style attributes
  const STYLE_PROPS = ["fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray",
    "stroke-linecap", "opacity", "font-size", "font-family", "font-weight", "text-anchor", "display"];

  function save(blob, filename) {
    const link = make("a", { href: URL.createObjectURL(blob), download: filename });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  // A copy of the chart with its styles written on each element, a white background and a title.
  function standalone(svg, title) {
    const copy = svg.cloneNode(true);
    const from = [svg, ...svg.querySelectorAll("*")], to = [copy, ...copy.querySelectorAll("*")];
    from.forEach((node, i) => {
      const style = getComputedStyle(node);
      for (const p of STYLE_PROPS) to[i].setAttribute(p, style.getPropertyValue(p));
    });
    const [, , w, h] = (svg.getAttribute("viewBox") || "0 0 800 400").split(/\s+/).map(Number);
    copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    copy.setAttribute("width", w);
    copy.setAttribute("height", h);
    const bg = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    for (const [k, v] of Object.entries({ x: 0, y: 0, width: w, height: h, fill: "#fff" })) bg.setAttribute(k, v);
    copy.insertBefore(bg, copy.firstChild);
    if (title) {
      const t = document.createElementNS("http://www.w3.org/2000/svg", "title");
      t.textContent = title;
      copy.insertBefore(t, copy.firstChild);
    }
    return { text: new XMLSerializer().serializeToString(copy), width: w, height: h };
  }

  function svgBlob(svg, title) {
    return new Blob([standalone(svg, title).text], { type: "image/svg+xml" });
  }

  // Draw the stand-alone SVG on a canvas at twice its size (sharp on high-density screens).
  function pngBlob(svg, title) {
    const { text, width, height } = standalone(svg, title);
    return new Promise((resolve, reject) => {
      const img = new Image();
      img.onload = () => {
        const canvas = make("canvas", { width: width * 2, height: height * 2 });
        const ctx = canvas.getContext("2d");
        ctx.scale(2, 2);
        ctx.drawImage(img, 0, 0, width, height);
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("could not draw the PNG"))), "image/png");
      };
      img.onerror = () => reject(new Error("could not draw the chart as PNG"));
      img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
    });
  }

  // RFC 4180 quoting; text starting with = + - @ gets a leading ' so spreadsheets do not run it as a formula
  function cell(value) {
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) value = value.join(";");
    else if (typeof value === "object") value = JSON.stringify(value);
    let text = String(value);
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  function csvBlob(columns, rows) {
    const lines = [columns.map(cell).join(",")].concat(rows.map((r) => columns.map((c) => cell(r[c])).join(",")));
    return new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv" });
  }

  // Buttons "SVG", "PNG" (when chart() gives an svg) and "CSV" (when table() gives {columns, rows}).
  function toolbar(container, opts) {
    const fail = (err) => Detente.say(err.message);
    const button = (kind, label, run) => {
      const b = make("button", { type: "button", class: "download", "data-download": kind, "aria-label": `${label} (${kind})` }, kind);
      b.addEventListener("click", () => Promise.resolve().then(run).catch(fail));
      return b;
    };
    const chart = () => {
      const svg = opts.chart && opts.chart();
      if (!svg) throw new Error("nothing drawn yet");
      return svg;
    };
    const parts = [make("span", { class: "muted" }, "Download")];
    if (opts.chart) {
      parts.push(button("SVG", `download ${opts.label} as SVG`, () => save(svgBlob(chart(), opts.title()), `${opts.name()}.svg`)));
      parts.push(button("PNG", `download ${opts.label} as PNG`, async () => save(await pngBlob(chart(), opts.title()), `${opts.name()}.png`)));
    }
    if (opts.table) {
      parts.push(button("CSV", `download ${opts.csvLabel || opts.label} as CSV`, async () => {
        const { columns, rows } = await opts.table();
        save(csvBlob(columns, rows), `${opts.name()}.csv`);
        Detente.say(`${rows.length} rows saved as CSV`);
      }));
    }
    container.replaceChildren(...parts);
  }

  // a file name part from free text: "CHN-RUS 2014-01-01" -> "CHN-RUS_2014-01-01"
  const slug = (text) => String(text).replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^_+|_+$/g, "");

  Detente.exporter = { toolbar, svgBlob, pngBlob, csvBlob, slug };
})();
