/**
 * A hostile publisher on 127.0.0.1: article pages, an RSS feed and an Atom feed whose every field carries
 * XSS payloads (test/hardening/payloads.ts), and a beacon path that records any request a payload manages
 * to make. Plus a real desk (the same set-up as `lede serve`: store, stories, ingester, server) that reads it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFetchContext } from "../../src/acquire/index.ts";
import { type Desk, startDesk } from "../../src/cli/desk.ts";
import { loadConfig } from "../../src/core/index.ts";
import { Poller } from "../../src/pipeline/poller.ts";
import { openSqliteStore, type Store } from "../../src/store/index.ts";
import { escapeHtml, FILLER, type Payload, payloads } from "./payloads.ts";

export interface HostileSite {
  readonly origin: string;
  readonly payloads: readonly Payload[];
  /** Paths of beacon requests received (any is a breach). */
  readonly beacons: string[];
  /** The article pages' paths. */
  readonly pages: readonly string[];
  close(): Promise<void>;
}

/** Payloads per article page. */
const PER_PAGE = 6;

function articleHtml(group: readonly Payload[], k: number): string {
  const first = group[0]!.text;
  const raw = group.map((p) => p.text).join(" ");
  const jsonLd = JSON.stringify({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: `Quay repairs ${group[1]?.text ?? first}`,
    author: { "@type": "Person", name: group[2]?.text ?? first },
    datePublished: "2026-03-0" + ((k % 9) + 1),
  }).replace(/<\/script/gi, "<\\/script");
  return `<!doctype html><html><head><meta charset="utf-8">
<title>Varnholm quay ${k} ${first}</title>
<meta name="author" content="${escapeHtml(group[3]?.text ?? first)}">
<meta property="og:title" content="${escapeHtml(`Varnholm quay ${k} ${group[4]?.text ?? first}`)}">
<meta property="og:site_name" content="${escapeHtml(group[5]?.text ?? first)}">
<script type="application/ld+json">${jsonLd}</script>
${raw}
</head><body ${group.map((p) => `data-x${p.n}=1`).join(" ")}>
<header><nav><a href="/">Home</a> ${raw}</nav></header>
<article>
<h1>Varnholm quay ${k} ${escapeHtml(first)} ${first}</h1>
<p class="byline">By ${escapeHtml(group[1]?.text ?? first)} and ${group[2]?.text ?? ""}</p>
${FILLER.map((f, i) => `<p>${f} ${escapeHtml(group[i % group.length]!.text)} ${group[(i + 1) % group.length]!.text}</p>`).join("\n")}
${group.map((p) => `<p>Residents quoted the notice: "${escapeHtml(p.text)}", ${FILLER[p.n % FILLER.length]}</p>`).join("\n")}
<blockquote>${raw}</blockquote>
</article>
<aside><h2>Related</h2><ul>${group.map((p) => `<li><a href="${escapeHtml(p.text)}">${p.text}</a></li>`).join("")}</ul></aside>
</body></html>`;
}

/** An RSS 2.0 feed: every field hostile; item links to the hostile pages or to script URLs. */
function rssXml(origin: string, all: readonly Payload[], pages: readonly string[]): string {
  const items = all.map((p, i) => {
    const link = i % 3 === 0 ? `${origin}${pages[i % pages.length]}` : `javascript:__ledePwned(${p.n})`;
    return `<item>
<title>${escapeHtml(`Harbour notice ${p.n} ${p.text}`)}</title>
<link>${escapeHtml(link)}</link>
<guid isPermaLink="false">rss-${p.n}</guid>
<dc:creator>${escapeHtml(p.text)}</dc:creator>
<author>${escapeHtml(p.text)}</author>
<pubDate>Tue, 03 Mar 2026 10:${String(i % 60).padStart(2, "0")}:00 GMT</pubDate>
<category>${escapeHtml(p.text)}</category>
<description>${escapeHtml(`${p.text} ${FILLER[0]}`)}</description>
<content:encoded><![CDATA[<h1>Notice ${p.n} ${p.text.replace(/]]>/g, "")}</h1>${FILLER.map((f) => `<p>${f} ${p.text.replace(/]]>/g, "")}</p>`).join("")}<p>${escapeHtml(p.text)}</p>]]></content:encoded>
<enclosure url="${escapeHtml(`javascript:__ledePwned(${p.n})`)}" type="audio/mpeg" length="1"/>
</item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>${escapeHtml(`Varnholm Harbour ${all[0]!.text}`)}</title><link>javascript:__ledePwned(0)</link>
<description>${escapeHtml(all[1]!.text)}</description>
${items.join("\n")}
</channel></rss>`;
}

/** An Atom feed with hostile HTML titles, authors and content. */
function atomXml(all: readonly Payload[]): string {
  const entries = all.map(
    (
      p,
    ) => `<entry><id>urn:atom:${p.n}</id><title type="html">${escapeHtml(`Pier bulletin ${p.n} ${p.text}`)}</title>
<link href="${escapeHtml(`data:text/html,<script>__ledePwned(${p.n})</script>`)}"/>
<updated>2026-03-04T09:00:00Z</updated>
<author><name>${escapeHtml(p.text)}</name><uri>javascript:__ledePwned(${p.n})</uri></author>
<content type="html">${escapeHtml(`<p>${FILLER.join(" ")} ${p.text}</p><p>${FILLER[1]} ${p.text}</p>`)}</content></entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">${escapeHtml(all[2]!.text)}</title>
<id>urn:atom:feed</id><updated>2026-03-04T09:00:00Z</updated>
${entries.join("\n")}
</feed>`;
}

/** Start the hostile site. */
export async function startHostileSite(): Promise<HostileSite> {
  const beacons: string[] = [];
  let origin = "";
  let all: Payload[] = [];
  let pages: string[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    if (path.startsWith("/beacon")) {
      beacons.push(req.url ?? "");
      res.writeHead(200, { "content-type": "text/plain" }).end("");
      return;
    }
    const page = /^\/page\/(\d+)$/.exec(path);
    if (page) {
      const k = Number(page[1]);
      const group = all.slice(k * PER_PAGE, (k + 1) * PER_PAGE);
      if (group.length === 0) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(articleHtml(group, k));
      return;
    }
    if (path === "/feed.xml")
      return void res
        .writeHead(200, { "content-type": "application/rss+xml" })
        .end(rssXml(origin, all, pages));
    if (path === "/atom.xml")
      return void res.writeHead(200, { "content-type": "application/atom+xml" }).end(atomXml(all));
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  all = payloads(origin);
  pages = Array.from({ length: Math.ceil(all.length / PER_PAGE) }, (_, k) => `/page/${k}`);
  return {
    origin,
    payloads: all,
    beacons,
    pages,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface HostileDesk {
  readonly desk: Desk;
  readonly store: Store;
  readonly token: string;
  close(): Promise<void>;
}

/** A real desk (as `lede serve` runs it) on a fresh SQLite file that may fetch from 127.0.0.1. */
export async function startHostileDesk(): Promise<HostileDesk> {
  const dir = mkdtempSync(join(tmpdir(), "lede-hostile-"));
  const config = loadConfig({ LEDE_DATA_DIR: dir, LEDE_FETCH_ALLOW: "127.0.0.1" });
  const store = openSqliteStore(join(dir, "lede.db"));
  await store.migrate();
  const { token } = await store.createToken("hostile");
  const desk = await startDesk(config, store, {}, { port: 0, announceStored: true });
  return {
    desk,
    store,
    token,
    async close() {
      await desk.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Take the hostile site into the desk every way a publisher can reach it: its feeds polled (item pages
 * fetched, or the feed's own content when the link is not fetchable), its pages by URL, its payloads
 * as pasted text and HTML, and a source whose title is hostile.
 *
 * @returns how many articles were stored
 */
export async function ingestHostile(site: HostileSite, h: HostileDesk): Promise<number> {
  const post = async (path: string, body: object) => {
    const r = await fetch(`${h.desk.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${h.token}` },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  for (const feed of ["/feed.xml", "/atom.xml"]) {
    const r = await post("/api/sources", {
      url: `${site.origin}${feed}`,
      kind: "feed",
      title: `${site.payloads[3]!.text} ${site.payloads[9]!.text}`,
    });
    if (r.status !== 201) throw new Error(`add source: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const poller = new Poller({
    store: h.store,
    ingester: h.desk.ingester,
    fetch: { allow: ["127.0.0.1"], context: createFetchContext({ concurrency: 4, minIntervalMs: 0 }) },
    maxItemsPerPoll: 200,
  });
  await poller.pollDue();
  for (const p of site.pages.slice(0, 3)) await post("/api/ingest", { url: `${site.origin}${p}` });
  const text = site.payloads.map((p) => `${p.text}\n\n${FILLER[p.n % FILLER.length]}`).join("\n\n");
  await post("/api/ingest", { text: `Pasted ${site.payloads[0]!.text}\n\n${FILLER.join(" ")}\n\n${text}` });
  await post("/api/ingest", { html: articleHtml(site.payloads.slice(-PER_PAGE), 99) });
  // A failure whose message carries a payload (the URL of a missing page).
  await post("/api/ingest", { url: `${site.origin}/missing/${encodeURIComponent(site.payloads[0]!.text)}` });
  return (await h.store.latest({ limit: 200 })).length;
}
