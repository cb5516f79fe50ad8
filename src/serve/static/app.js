// Progressive enhancement for the reader. Every page works without this file.
// Live ages and countdowns, new articles over SSE, keyboard shortcuts, remembered highlight toggles,
// a light/dark switch, the sources forms (token sent as a Bearer header), and uPlot charts.

(() => {
  const UNITS = [
    ["year", 31536000],
    ["month", 2592000],
    ["week", 604800],
    ["day", 86400],
    ["hour", 3600],
    ["minute", 60],
    ["second", 1],
  ];
  const store = {
    get: (k) => {
      try {
        return localStorage.getItem(k);
      } catch {
        return null;
      }
    },
    set: (k, v) => {
      try {
        localStorage.setItem(k, v);
      } catch {}
    },
  };

  function age(iso) {
    const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    for (const [name, n] of UNITS) {
      if (s >= n || name === "second") {
        const k = Math.floor(s / n);
        return `${k} ${name}${k === 1 ? "" : "s"}`;
      }
    }
    return "";
  }
  function countdown(due) {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(due || "");
    if (!m) return null;
    const y = Number(m[1]),
      mo = m[2] ? Number(m[2]) - 1 : 11;
    const d = m[3] ? Number(m[3]) : new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
    const now = new Date();
    const days = Math.round(
      (Date.UTC(y, mo, d) - Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) / 86400000,
    );
    if (days === 0) return ["today", "today"];
    return days > 0
      ? ["upcoming", `in ${days} day${days === 1 ? "" : "s"}`]
      : ["passed", `${-days} day${days === -1 ? "" : "s"} ago`];
  }
  function tick() {
    for (const t of document.querySelectorAll("time.age")) {
      const iso = t.getAttribute("datetime");
      if (iso && !Number.isNaN(Date.parse(iso))) t.textContent = age(iso);
    }
    for (const t of document.querySelectorAll("time.countdown")) {
      const c = countdown(t.getAttribute("datetime"));
      if (c) {
        t.textContent = c[1];
        t.className = `countdown ${c[0]}`;
      }
    }
  }

  function railItem(e) {
    const li = document.createElement("li");
    li.className = "new";
    li.dataset.id = String(e.id);
    const a = document.createElement("a");
    a.className = "item-link";
    a.href = `/articles/${encodeURIComponent(e.id)}`;
    a.textContent = e.title || "(no title)";
    const meta = document.createElement("span");
    meta.className = "meta";
    const t = document.createElement("time");
    t.className = "age";
    t.setAttribute("datetime", e.createdAt);
    meta.append(document.createTextNode(`${e.source || ""} · `), t, document.createTextNode(" ago"));
    li.append(a, document.createTextNode(" "), meta);
    return li;
  }
  function live() {
    const list = document.getElementById("latest-list");
    if (!list || !window.EventSource || new URLSearchParams(location.search).has("before")) return;
    const es = new EventSource(list.dataset.live);
    es.addEventListener("article", (m) => {
      let e;
      try {
        e = JSON.parse(m.data);
      } catch {
        return;
      }
      if (!Number.isInteger(e.id)) return;
      list.querySelector(`li[data-id="${e.id}"]`)?.remove();
      list.querySelector("li.empty")?.remove();
      list.prepend(railItem(e));
      tick();
    });
  }

  function toggles() {
    for (const box of document.querySelectorAll(".toggles input[type=checkbox]")) {
      const saved = store.get(`lede.hl.${box.name}`);
      if (saved !== null && !box.disabled) box.checked = saved === "1";
      box.addEventListener("change", () => store.set(`lede.hl.${box.name}`, box.checked ? "1" : "0"));
    }
  }

  function theme() {
    const root = document.documentElement,
      btn = document.getElementById("theme");
    const saved = store.get("lede.theme");
    if (saved === "light" || saved === "dark") root.dataset.theme = saved;
    if (!btn) return;
    btn.hidden = false;
    btn.addEventListener("click", () => {
      const dark = root.dataset.theme
        ? root.dataset.theme === "dark"
        : matchMedia("(prefers-color-scheme: dark)").matches;
      root.dataset.theme = dark ? "light" : "dark";
      store.set("lede.theme", root.dataset.theme);
    });
  }

  function keyboard() {
    let pendingG = false,
      index = -1;
    const items = () => [...document.querySelectorAll("ol.items > li")].filter((li) => li.querySelector("a"));
    const select = (i) => {
      const all = items();
      if (all.length === 0) return;
      index = Math.max(0, Math.min(all.length - 1, i));
      for (const li of all) li.classList.remove("selected");
      all[index].classList.add("selected");
      all[index].scrollIntoView({ block: "nearest" });
      all[index].querySelector("a").focus({ preventScroll: true });
    };
    document.addEventListener("keydown", (ev) => {
      const t = ev.target;
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const typing =
        t instanceof HTMLElement &&
        (t.isContentEditable ||
          /^(TEXTAREA|SELECT)$/.test(t.tagName) ||
          (t.tagName === "INPUT" && !/^(checkbox|radio|button|submit)$/.test(t.type)));
      if (typing) {
        if (ev.key === "Escape") t.blur();
        return;
      }
      if (pendingG) {
        pendingG = false;
        const link = document.querySelector(`header nav a[data-key="${CSS.escape(ev.key)}"]`);
        if (link) {
          ev.preventDefault();
          location.href = link.getAttribute("href");
        }
        return;
      }
      const box = document.querySelector(`.toggles input[data-shortcut="${CSS.escape(ev.key)}"]`);
      if (box && !box.disabled) {
        ev.preventDefault();
        box.click();
        return;
      }
      switch (ev.key) {
        case "/":
          ev.preventDefault();
          (
            document.getElementById("q") ||
            document.getElementById("qq") ||
            document.getElementById("top-q")
          )?.focus();
          break;
        case "j":
          ev.preventDefault();
          select(index + 1);
          break;
        case "k":
          ev.preventDefault();
          select(index - 1);
          break;
        case "o":
        case "Enter": {
          const li = items()[index];
          if (li) {
            ev.preventDefault();
            location.href = li.querySelector("a").href;
          }
          break;
        }
        case "g":
          pendingG = true;
          setTimeout(() => {
            pendingG = false;
          }, 1500);
          break;
        case "?":
          ev.preventDefault();
          document.querySelector("footer.bottom")?.scrollIntoView();
          break;
      }
    });
  }

  function forms() {
    for (const form of document.querySelectorAll("form[data-api]")) {
      form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        const out = form.querySelector("output"),
          data = new FormData(form);
        const token = String(data.get("token") || "");
        data.delete("token");
        const file = data.get("file");
        const init = { method: "POST", headers: { Authorization: `Bearer ${token}` } };
        if (file instanceof File) {
          init.body = await file.text();
          init.headers["Content-Type"] = "text/xml";
        } else {
          init.body = JSON.stringify(Object.fromEntries(data));
          init.headers["Content-Type"] = "application/json";
        }
        out.textContent = "…";
        try {
          const r = await fetch(form.dataset.api, init),
            body = await r.json();
          out.textContent = r.ok
            ? body.added !== undefined
              ? `Added ${body.added}.`
              : "Added."
            : `${body.error?.code}: ${body.error?.message}`;
          if (r.ok) setTimeout(() => location.reload(), 600);
        } catch (e) {
          out.textContent = String(e);
        }
      });
    }
  }

  function charts() {
    for (const el of document.querySelectorAll(".chart[data-series]")) {
      if (!window.uPlot) return;
      let s;
      try {
        s = JSON.parse(el.dataset.series);
      } catch {
        continue;
      }
      if (!s.days || s.days.length === 0) continue;
      const xs = s.days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
      const css = getComputedStyle(document.documentElement);
      new window.uPlot(
        {
          width: Math.min(el.clientWidth || 600, 700),
          height: 180,
          series: [
            {},
            {
              label: s.label,
              stroke: css.getPropertyValue("--accent").trim() || "#b3261e",
              width: 2,
              points: { show: true },
            },
          ],
          axes: [
            { stroke: css.getPropertyValue("--muted").trim() },
            { stroke: css.getPropertyValue("--muted").trim() },
          ],
          scales: {
            x: {
              time: true,
              range: (_u, min, max) => (min === max ? [min - 3 * 86400, max + 3 * 86400] : [min, max]),
            },
          },
        },
        [xs, s.counts],
        el,
      );
      el.classList.add("ready");
    }
  }

  /** Tell the server a narration was heard to the end: it leaves the story's "what changed" list. */
  function reportListen(article, version) {
    fetch("/api/listens", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ article: Number(article), version: Number(version) }),
    }).catch(() => {});
  }

  // The Listen player: the speed control and the listen report work in every browser; the sentence
  // being read is highlighted (CSS Custom Highlight API, where the browser has it) and kept in view.
  function listen() {
    const audio = document.querySelector(".listen audio[data-marks]");
    if (!audio) return;
    const rate = document.querySelector(".listen .listen-rate");
    rate?.addEventListener("change", () => {
      audio.playbackRate = Number(rate.value) || 1;
    });
    audio.addEventListener("ended", () => reportListen(audio.dataset.article, audio.dataset.version));
    const text = document.getElementById("text");
    if (!text || !window.CSS || !CSS.highlights || !window.Highlight) return;
    const blocks = [...text.querySelectorAll("[data-start]")].map((el) => [Number(el.dataset.start), el]);
    // A DOM position for an offset into article.text: the block it falls in, then its text nodes.
    function position(offset) {
      let block = null;
      for (const [start, el] of blocks) if (start <= offset) block = [start, el];
      if (!block) return null;
      let left = offset - block[0];
      const walker = document.createTreeWalker(block[1], NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (left <= n.data.length) return [n, left];
        left -= n.data.length;
      }
      return null;
    }
    let marks = null,
      current = null;
    audio.addEventListener("play", async () => {
      if (marks) return;
      try {
        const info = await (await fetch(audio.dataset.marks)).json();
        marks = info.marks || [];
        const credit = document.querySelector(".listen .listen-credit");
        if (credit && info.voice) credit.textContent = `Voice: ${info.voice}, made offline on this server`;
      } catch {
        marks = [];
      }
    });
    audio.addEventListener("timeupdate", () => {
      if (!marks) return;
      const ms = audio.currentTime * 1000;
      const m = marks.find((x) => x.kind === "sentence" && x.startMs <= ms && ms < x.endMs) || null;
      if (m === current) return;
      current = m;
      CSS.highlights.delete("speaking");
      if (!m) return;
      const a = position(m.start),
        b = position(m.end);
      if (!a || !b) return;
      const range = new Range();
      range.setStart(a[0], a[1]);
      range.setEnd(b[0], b[1]);
      CSS.highlights.set("speaking", new Highlight(range));
      const r = range.getBoundingClientRect();
      if (r.top < 0 || r.bottom > innerHeight)
        a[0].parentElement?.scrollIntoView({ block: "center", behavior: "smooth" });
    });
    audio.addEventListener("ended", () => {
      CSS.highlights.delete("speaking");
      current = null;
    });
  }

  // The story's "what changed since you last listened" player: the playlist of this browser's
  // listener, played in order in a native <audio> (keyboard accessible); each one heard to the end
  // is reported, and the podcast link gets this listener's own feed address.
  function storyListen() {
    const box = document.querySelector(".story-listen[data-playlist]");
    if (!box) return;
    const button = box.querySelector(".story-listen-play");
    const status = box.querySelector(".story-listen-status");
    const podcast = box.querySelector(".story-listen-podcast");
    const audio = box.querySelector("audio");
    const list = box.querySelector(".story-listen-items");
    if (!button || !status || !audio || !list) return;
    let items = [],
      at = -1;
    const say = (msg) => {
      status.textContent = msg;
    };
    const show = () => {
      list.replaceChildren(
        ...items.map((it, i) => {
          const li = document.createElement("li");
          const a = document.createElement("a");
          a.href = `/articles/${it.id}`;
          a.textContent = it.title || `Article ${it.id}`;
          if (i === at) a.setAttribute("aria-current", "true");
          li.append(a, ` (${it.reason})`);
          return li;
        }),
      );
    };
    const load = async () => {
      const r = await fetch(box.dataset.playlist, { headers: { accept: "application/json" } });
      if (!r.ok) throw new Error(String(r.status));
      const body = await r.json();
      if (podcast && body.feed) podcast.href = body.feed;
      items = body.items || [];
      show();
      return items;
    };
    const play = (i) => {
      at = i;
      show();
      if (i >= items.length) {
        say("You are up to date with this story.");
        audio.removeAttribute("src");
        return;
      }
      say(`Playing ${i + 1} of ${items.length}: ${items[i].title || "untitled"}`);
      audio.src = items[i].audio;
      audio.play().catch(() => say(`Press play to hear ${i + 1} of ${items.length}.`));
    };
    audio.addEventListener("ended", () => {
      const it = items[at];
      if (it) reportListen(it.id, it.version);
      play(at + 1);
    });
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        const found = await load();
        audio.hidden = false;
        if (found.length === 0) say("Nothing has changed since you last listened.");
        else play(0);
      } catch {
        say("The playlist could not be loaded.");
      } finally {
        button.disabled = false;
      }
    });
    load()
      .then((found) =>
        say(
          found.length === 0
            ? "Nothing has changed since you last listened."
            : `${found.length} ${found.length === 1 ? "report" : "reports"} new or changed since you last listened.`,
        ),
      )
      .catch(() => {});
  }

  theme();
  document.addEventListener("DOMContentLoaded", () => {
    tick();
    setInterval(tick, 1000);
    live();
    toggles();
    keyboard();
    forms();
    charts();
    listen();
    storyListen();
  });
})();
