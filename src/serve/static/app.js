// Progressive enhancement for the desk: relative ages that tick, and new articles over SSE.
"use strict";
(() => {
  const UNITS = [["year", 31536000], ["month", 2592000], ["week", 604800], ["day", 86400], ["hour", 3600], ["minute", 60], ["second", 1]];
  function age(iso) {
    const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    for (const [name, n] of UNITS) {
      if (s >= n || name === "second") { const k = Math.floor(s / n); return `${k} ${name}${k === 1 ? "" : "s"}`; }
    }
    return "";
  }
  function tick() {
    for (const t of document.querySelectorAll("time.age")) {
      const iso = t.getAttribute("datetime");
      if (iso && !Number.isNaN(Date.parse(iso))) t.textContent = age(iso);
    }
  }
  function item(e) {
    const li = document.createElement("li");
    li.className = "new"; li.dataset.id = String(e.id);
    const a = document.createElement("a"); a.href = `/articles/${e.id}`; a.textContent = e.title || "(no title)";
    const meta = document.createElement("span"); meta.className = "meta";
    const t = document.createElement("time"); t.className = "age"; t.setAttribute("datetime", e.createdAt);
    meta.append(document.createTextNode(`${e.source || ""} · `), t);
    li.append(a, document.createTextNode(" "), meta);
    return li;
  }
  document.addEventListener("DOMContentLoaded", () => {
    tick(); setInterval(tick, 1000);
    const list = document.getElementById("latest-list");
    if (!list || !window.EventSource) return;
    const es = new EventSource(list.dataset.live);
    es.addEventListener("article", (m) => {
      const e = JSON.parse(m.data);
      list.querySelector(`li[data-id="${e.id}"]`)?.remove();
      list.querySelector("li.empty")?.remove();
      list.prepend(item(e)); tick();
    });
  });
})();
