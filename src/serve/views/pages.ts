import type { ArticleSummary, SourceRecord, StoredArticle } from "../../store/index.ts";
import { html, safeUrl } from "../html.ts";
import { layout } from "./layout.ts";

function railItem(a: ArticleSummary) {
  return html`<li data-id="${a.id}"><a href="/articles/${a.id}">${a.title ?? a.snippet.slice(0, 90)}</a>
<span class="meta">${a.siteName ?? hostOf(a.url) ?? a.source ?? ""} · <time class="age" datetime="${a.createdAt}">${a.createdAt}</time></span></li>`;
}

function hostOf(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, "") : null;
  } catch {
    return null;
  }
}

/** The desk: the live "Latest stories" rail and each source's health. */
export function homePage(latest: readonly ArticleSummary[], sources: readonly SourceRecord[]): string {
  const failing = sources.filter((s) => s.lastErrorCode);
  return layout(
    "Latest stories",
    html`<section class="rail" aria-labelledby="latest"><h1 id="latest">Latest stories</h1>
<ol id="latest-list" data-live="/api/events">${latest.length > 0 ? latest.map(railItem) : html`<li class="empty">No articles yet. Add some with <code>lede add</code>.</li>`}</ol></section>
<section class="sources"><h2>Sources</h2>
<p>${sources.length} subscribed${failing.length > 0 ? `, ${failing.length} failing` : ""}.</p>
<ul>${sources.map(
      (s) =>
        html`<li><span class="src">${s.title ?? s.url}</span> ${
          s.lastErrorCode
            ? html`<span class="err">error: ${s.lastErrorCode}: ${s.lastErrorMessage ?? ""}</span>`
            : s.lastSuccessAt
              ? html`<span class="ok">ok ${s.lastSuccessAt}</span>`
              : html`<span class="pending">not polled yet</span>`
        }</li>`,
    )}</ul></section>`,
  );
}

/** One article: header, clean text (escaped paragraphs, never the page's HTML), what was taken out. */
export function articlePage(a: StoredArticle): string {
  const art = a.article;
  const link = safeUrl(art.url);
  const paragraphs = art.blocks.length > 0 ? art.blocks.map((b) => ({ type: b.type, text: art.text.slice(b.start, b.end) })) : art.text.split(/\n\n+/).map((t) => ({ type: "paragraph", text: t }));
  return layout(
    art.title ?? "Article",
    html`<article class="article"><h1>${art.title ?? "(no title)"}</h1>
<p class="byline">${art.siteName ?? hostOf(art.url) ?? a.source ?? ""}${art.authors.length > 0 ? ` · ${art.authors.join(", ")}` : ""}${art.published ? ` · ${art.published}` : ""}${a.version > 1 ? ` · version ${a.version}` : ""}</p>
${link ? html`<p class="original"><a href="${link}" rel="noopener noreferrer nofollow">Original</a></p>` : ""}
<div class="text">${paragraphs.map((p) => (p.type === "heading" ? html`<h2>${p.text}</h2>` : p.type === "quote" ? html`<blockquote>${p.text}</blockquote>` : html`<p>${p.text}</p>`))}</div>
${art.related.length > 0 ? html`<aside><h2>From the page's rails</h2><ul>${art.related.map((r) => html`<li>${r.title}${r.age ? html` <span class="meta">${r.age}</span>` : ""}</li>`)}</ul></aside>` : ""}
</article>`,
  );
}

/** Search results. */
export function searchPage(q: string, hits: readonly ArticleSummary[]): string {
  return layout(
    `Search: ${q}`,
    html`<h1>Search</h1><p>${hits.length} result${hits.length === 1 ? "" : "s"} for “${q}”</p>
<ol class="results">${hits.map((h) => html`<li><a href="/articles/${h.id}">${h.title ?? "(no title)"}</a><p class="snippet">${h.snippet}</p></li>`)}</ol>`,
  );
}

export function notFoundPage(): string {
  return layout("Not found", html`<h1>Not found</h1><p><a href="/">Back to the desk</a></p>`);
}
