/** The reader's pages other than the article: desk, search, quote finder, deadline board, entity, sources. */
import type { EntityType } from "../../core/index.ts";
import type { ArticleSummary, FailureRecord, ItemHit, SourceRecord } from "../../store/index.ts";
import { html, type SafeHtml, safeUrl } from "../html.ts";
import type { ParsedSearch } from "../search-query.ts";
import type { StoryRef } from "../stories.ts";
import { claimHit, deadlineHit, eventHit, quoteHit } from "./items.ts";
import { layout } from "./layout.ts";
import { age, articleItem, entityPath, plural } from "./parts.ts";

export { articlePage } from "./article.ts";

/** The desk: the live "Latest stories" rail, deadlines due soon, latest quotes. */
export function homePage(
  latest: readonly ArticleSummary[],
  due: readonly ItemHit<"deadline">[],
  quotes: readonly ItemHit<"quote">[],
  now: Date,
  top: readonly StoryRef[] = [],
): string {
  return layout(
    "Latest stories",
    html`<div class="desk">
<section class="rail" aria-labelledby="latest"><h1 id="latest">Latest stories</h1>
<ol id="latest-list" class="items" data-live="/api/events" aria-live="polite">${latest.length > 0 ? latest.map((a) => articleItem(a, now)) : html`<li class="empty">No articles yet. Add some with <code>lede add</code> or on the <a href="/sources">sources</a> page.</li>`}</ol>
${latest.length > 0 ? html`<p><a href="/?before=${latest[latest.length - 1]!.id}" rel="next">Older</a></p>` : ""}</section>
<div class="side">
${top.length > 0 ? html`<section aria-labelledby="top-h"><h2 id="top-h">Top stories</h2><ol class="panel-list">${top.map((s) => html`<li><a href="/stories/${encodeURIComponent(s.id)}">${s.title}</a> <span class="meta">${plural(s.outlets, "outlet")}</span></li>`)}</ol></section>` : ""}
<section aria-labelledby="due-h"><h2 id="due-h"><a href="/deadlines">Deadlines</a></h2>${due.length > 0 ? html`<ol class="panel-list">${due.map((d) => deadlineHit(d, now))}</ol>` : html`<p class="meta">None upcoming.</p>`}</section>
<section aria-labelledby="quotes-h"><h2 id="quotes-h"><a href="/quotes">Latest quotes</a></h2>${quotes.length > 0 ? html`<ol class="panel-list">${quotes.map(quoteHit)}</ol>` : html`<p class="meta">No quotes yet.</p>`}</section>
</div></div>`,
    { section: "/" },
  );
}

/** What a search found: articles or analysis items, by `type:`. */
export type SearchResults =
  | { readonly type: "article"; readonly hits: readonly ArticleSummary[] }
  | { readonly type: "quote"; readonly hits: readonly ItemHit<"quote">[] }
  | { readonly type: "claim"; readonly hits: readonly ItemHit<"claim">[] }
  | { readonly type: "deadline"; readonly hits: readonly ItemHit<"deadline">[] }
  | { readonly type: "event"; readonly hits: readonly ItemHit<"event">[] };

function resultList(r: SearchResults, now: Date): SafeHtml {
  switch (r.type) {
    case "article":
      return html`<ol class="results items">${r.hits.map((h) => articleItem(h, now, true))}</ol>`;
    case "quote":
      return html`<ol class="results items">${r.hits.map(quoteHit)}</ol>`;
    case "claim":
      return html`<ol class="results items">${r.hits.map(claimHit)}</ol>`;
    case "deadline":
      return html`<ol class="results items">${r.hits.map((h) => deadlineHit(h, now))}</ol>`;
    case "event":
      return html`<ol class="results items">${r.hits.map(eventHit)}</ol>`;
  }
}

/** Search with operators, results and the feeds of this search. */
export function searchPage(
  q: string,
  parsed: ParsedSearch | null,
  results: SearchResults | null,
  now: Date,
): string {
  const feedQ = encodeURIComponent(q);
  return layout(
    q ? `Search: ${q}` : "Search",
    html`<h1>Search</h1>
<form class="search-form" action="/search" method="get" role="search"><label for="q">Query</label>
<input id="q" type="search" name="q" value="${q}" autocomplete="off"><button type="submit">Search</button></form>
<details class="help"><summary>Operators</summary><ul>
<li><code>"exact phrase"</code>, <code>kyiv OR kiev</code>, <code>-crimea</code> (leave out)</li>
<li><code>entity:Lindqvist</code> or <code>entity:"Ada Lindqvist"</code> — articles naming someone or something</li>
<li><code>source:bbc.co.uk</code> or <code>source:"Example News"</code> — one outlet</li>
<li><code>from:2025-08-01</code> <code>to:2025-08-31</code> — publication dates (a month or a year works too)</li>
<li><code>type:quote</code>, <code>type:claim</code>, <code>type:deadline</code>, <code>type:event</code> — find those instead of articles</li></ul></details>
${parsed && parsed.problems.length > 0 ? html`<ul class="problems" role="alert">${parsed.problems.map((p) => html`<li>${p}</li>`)}</ul>` : ""}
${
  results
    ? html`<p class="result-count" role="status">${plural(results.hits.length, results.type === "article" ? "result" : results.type)} for “${q}”
· <a href="/feeds/search.xml?q=${feedQ}" class="feed">RSS</a> · <a href="/feeds/search.json?q=${feedQ}" class="feed">JSON Feed</a></p>${resultList(results, now)}`
    : ""
}`,
    {
      section: "/search",
      q,
      ...(q
        ? {
            head: html`<link rel="alternate" type="application/rss+xml" title="Lede: ${q}" href="/feeds/search.xml?q=${feedQ}">`,
          }
        : {}),
    },
  );
}

/** The quote finder: by speaker and words, or a question ("what did Lindqvist say about Nato"). */
export function quotesPage(q: string, speaker: string, hits: readonly ItemHit<"quote">[]): string {
  return layout(
    "Quotes",
    html`<h1>Quote finder</h1>
<form class="search-form" action="/quotes" method="get"><label for="qq">Ask or search</label>
<input id="qq" type="search" name="q" value="${q}" placeholder="what did Lindqvist say about Nato" autocomplete="off">
<label for="speaker">Speaker</label><input id="speaker" type="text" name="speaker" value="${speaker}" autocomplete="off">
<button type="submit">Find</button></form>
<p class="result-count" role="status">${plural(hits.length, "quote")}${speaker ? html` by ${speaker}` : ""}</p>
<ol class="results items">${hits.map(quoteHit)}</ol>`,
    { section: "/quotes" },
  );
}

/** The deadline board: upcoming (soonest first), then passed (latest first), then undated. */
export function deadlinesPage(
  upcoming: readonly ItemHit<"deadline">[],
  passed: readonly ItemHit<"deadline">[],
  now: Date,
): string {
  return layout(
    "Deadlines",
    html`<h1>Deadline board</h1>
<section aria-labelledby="up-h"><h2 id="up-h">Upcoming <span class="n">${upcoming.length}</span></h2>${upcoming.length > 0 ? html`<ol class="board items">${upcoming.map((d) => deadlineHit(d, now))}</ol>` : html`<p class="meta">Nothing due.</p>`}</section>
<section aria-labelledby="past-h"><h2 id="past-h">Passed <span class="n">${passed.length}</span></h2>${passed.length > 0 ? html`<ol class="board items">${passed.map((d) => deadlineHit(d, now))}</ol>` : html`<p class="meta">None.</p>`}</section>
<p class="meta">Whether a deadline was met comes with story linking (claim and event history across reports).</p>`,
    { section: "/deadlines" },
  );
}

/** What the entity page shows. */
export interface EntityView {
  readonly name: string;
  readonly type: EntityType | null;
  readonly titles: readonly string[];
  /** Articles mentioning it, per day (ISO date → count), oldest first. */
  readonly perDay: ReadonlyArray<readonly [string, number]>;
  readonly mentions: number;
  readonly articles: readonly ArticleSummary[];
  readonly quotes: readonly ItemHit<"quote">[];
  readonly claims: readonly ItemHit<"claim">[];
  /** Other entities in the same articles, with how many articles they share. */
  readonly related: ReadonlyArray<readonly [string, number]>;
  /** Stories of its articles, with how many of its articles each holds, most first. */
  readonly stories: ReadonlyArray<{ readonly id: string; readonly title: string; readonly articles: number }>;
}

/** An entity: titles seen, quotes by it, mentions over time, related entities, articles. */
export function entityPage(e: EntityView, now: Date): string {
  const chart = JSON.stringify({
    label: "articles mentioning",
    days: e.perDay.map(([d]) => d),
    counts: e.perDay.map(([, n]) => n),
  });
  return layout(
    e.name,
    html`<h1>${e.name}</h1>
<p class="byline">${e.type ?? ""}${e.titles.length > 0 ? html` · ${e.titles.join(" · ")}` : ""} · ${plural(e.articles.length, "article")} · ${plural(e.mentions, "mention")}</p>
<div class="entity-layout"><div>
<section aria-labelledby="over-h"><h2 id="over-h">Mentions over time</h2>
<div class="chart" id="chart" data-series="${chart}"></div>
<table class="per-day"><caption class="sr-only">Articles mentioning ${e.name} per day</caption><thead><tr><th scope="col">Day</th><th scope="col">Articles</th></tr></thead>
<tbody>${e.perDay.map(([d, n]) => html`<tr><td>${d}</td><td>${n}</td></tr>`)}</tbody></table></section>
<section aria-labelledby="eq-h"><h2 id="eq-h">Quotes <span class="n">${e.quotes.length}</span></h2>${e.quotes.length > 0 ? html`<ol class="panel-list">${e.quotes.map(quoteHit)}</ol>` : html`<p class="meta">None found.</p>`}
<p><a href="/quotes?speaker=${encodeURIComponent(e.name)}">All quotes by ${e.name}</a></p></section>
${e.claims.length > 0 ? html`<section aria-labelledby="ec-h"><h2 id="ec-h">Claims about or by ${e.name}</h2><ol class="panel-list">${e.claims.map(claimHit)}</ol></section>` : ""}
<section aria-labelledby="ea-h"><h2 id="ea-h">Articles</h2><ol class="items">${e.articles.map((a) => articleItem(a, now))}</ol></section>
</div>
<aside class="panel" aria-labelledby="rel-h">${e.stories.length > 0 ? html`<h2 id="est-h">Stories</h2><ol class="panel-list" aria-labelledby="est-h">${e.stories.map((st) => html`<li><a href="/stories/${encodeURIComponent(st.id)}">${st.title}</a> <span class="meta">${plural(st.articles, "article")}</span></li>`)}</ol>` : ""}<h2 id="rel-h">Related</h2><ol class="panel-list">${e.related.map(([n, k]) => html`<li><a href="${entityPath(n)}">${n}</a> <span class="meta">${plural(k, "article")}</span></li>`)}</ol></aside>
</div>`,
    {
      head: html`<link rel="stylesheet" href="/static/uplot.min.css"><script src="/static/uplot.min.js" defer></script>`,
    },
  );
}

/** Failures in a row after which a source is flagged as broken. */
const BROKEN_AFTER = 3;
/** Extraction failures of one source within a day after which its extraction is flagged as broken. */
const EXTRACTION_BROKEN_AFTER = 3;
const DAY_MS = 86_400_000;

/**
 * Sources: add a feed, URL or OPML (with a token), each source's health, recent failures. A source is
 * flagged when fetching fails 3 times in a row, or when its pages stop extracting (3 extraction failures
 * in the last day) although fetching works: the site changed its markup.
 */
export function sourcesPage(
  sources: readonly SourceRecord[],
  failures: readonly FailureRecord[],
  now: Date,
): string {
  const extractFailures = new Map<number, number>();
  for (const f of failures) {
    if (f.sourceId === undefined || f.stage !== "extract" || now.getTime() - Date.parse(f.at) > DAY_MS)
      continue;
    extractFailures.set(f.sourceId, (extractFailures.get(f.sourceId) ?? 0) + 1);
  }
  const extractionBroken = (s: SourceRecord) => (extractFailures.get(s.id) ?? 0) >= EXTRACTION_BROKEN_AFTER;
  const flagged = (s: SourceRecord) => s.consecutiveFailures >= BROKEN_AFTER || extractionBroken(s);
  const health = (s: SourceRecord) =>
    s.consecutiveFailures >= BROKEN_AFTER
      ? html`<span class="status denied">broken</span>`
      : extractionBroken(s)
        ? html`<span class="status denied">extraction broken</span> <span class="meta">${plural(extractFailures.get(s.id) ?? 0, "page")} failed to extract today</span>`
        : s.lastErrorCode
          ? html`<span class="status disputed">failing</span>`
          : s.lastSuccessAt
            ? html`<span class="status confirmed">ok</span>`
            : html`<span class="status asserted">not polled yet</span>`;
  return layout(
    "Sources",
    html`<h1>Sources</h1>
<p>${plural(sources.length, "source")}, ${sources.filter((s) => s.lastErrorCode).length} failing, ${sources.filter(flagged).length} flagged.</p>
<table class="sources"><caption class="sr-only">Subscribed sources and their health</caption>
<thead><tr><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">Health</th><th scope="col">Last success</th><th scope="col">Last error</th></tr></thead>
<tbody>${sources.map((s) => {
      const u = safeUrl(s.url);
      return html`<tr${flagged(s) ? html` class="flagged"` : ""}><td>${u ? html`<a href="${u}" rel="noopener noreferrer nofollow">${s.title ?? s.url}</a>` : (s.title ?? s.url)}</td><td>${s.kind}</td><td>${health(s)}${s.consecutiveFailures > 0 ? html` <span class="meta">${plural(s.consecutiveFailures, "failure")} in a row</span>` : ""}</td>
<td>${s.lastSuccessAt ? html`${age(s.lastSuccessAt, now)} ago` : "never"}</td><td>${s.lastErrorCode ? html`<code>${s.lastErrorCode}</code> ${s.lastErrorMessage ?? ""}` : ""}</td></tr>`;
    })}</tbody></table>
<section aria-labelledby="add-h"><h2 id="add-h">Add</h2>
<p>Adding needs a write token (<code>lede token create</code>). The script on this page sends it as a Bearer header; it is kept only in this tab.</p>
<form id="add-source" class="stack" data-api="/api/sources">
<label for="src-url">Feed, page or sitemap URL</label><input id="src-url" name="url" type="url" required placeholder="https://example.com/feed.xml">
<label for="src-kind">Kind</label><select id="src-kind" name="kind"><option value="feed">feed</option><option value="page">page</option><option value="sitemap">sitemap</option></select>
<label for="src-token">Token</label><input id="src-token" name="token" type="password" autocomplete="off" required>
<button type="submit">Add source</button><output id="add-source-out" role="status"></output></form>
<form id="add-opml" class="stack" data-api="/api/sources/opml">
<label for="opml-file">OPML file</label><input id="opml-file" name="file" type="file" accept=".opml,.xml,text/xml,application/xml" required>
<label for="opml-token">Token</label><input id="opml-token" name="token" type="password" autocomplete="off" required>
<button type="submit">Import OPML</button><output id="add-opml-out" role="status"></output></form>
<noscript><p>Without JavaScript, add sources with <code>curl -H "Authorization: Bearer TOKEN" -d '{"url":"…","kind":"feed"}' /api/sources</code>.</p></noscript></section>
<section aria-labelledby="fail-h"><h2 id="fail-h">Recent failures</h2><ol class="items">${failures
      .slice(0, 20)
      .map(
        (f) =>
          html`<li><code>${f.stage}/${f.code}</code> ${f.input} <span class="meta">${age(f.at, now)} ago · ${f.message}</span></li>`,
      )}</ol></section>`,
    { section: "/sources" },
  );
}

/** Not found, or another problem, as a page. */
export function messagePage(title: string, message: string): string {
  return layout(title, html`<h1>${title}</h1><p>${message}</p><p><a href="/">Back to the desk</a></p>`);
}
