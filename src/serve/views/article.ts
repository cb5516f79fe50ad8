/** The article page: header, highlighted text, toggles, and the side panel of what it says. */
import type { Analysis, Entity, EntityType } from "../../core/index.ts";
import type { ArticleSummary, StoredArticle } from "../../store/index.ts";
import { countdown } from "../dates.ts";
import { marksOf, renderBody, toggleBar } from "../highlight.ts";
import { html, type SafeHtml, safeUrl } from "../html.ts";
import type { Lineage, LineageEntry } from "../lineage.ts";
import type { StoryRef } from "../stories.ts";
import { layout } from "./layout.ts";
import { articleItem, entityLink, outletOf, plural, titleOf } from "./parts.ts";

const GROUPS: ReadonlyArray<readonly [EntityType, string]> = [
  ["PERSON", "People"],
  ["ORG", "Organisations"],
  ["LOC", "Places"],
  ["MISC", "Other names"],
];

/** Entity ids to names, for items that refer to entities by id. */
function namer(analysis: Partial<Analysis>): (id: string | null | undefined) => string | null {
  const names = new Map((analysis.entities ?? []).map((e) => [e.id, e.name]));
  return (id) => (id ? (names.get(id) ?? null) : null);
}

function section(
  id: string,
  title: string,
  items: readonly SafeHtml[],
  empty: string | null = null,
): SafeHtml | string {
  if (items.length === 0 && empty === null) return "";
  return html`<section class="panel-section" id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${title} <span class="n">${items.length}</span></h2>
${items.length > 0 ? html`<ol class="panel-list">${items}</ol>` : html`<p class="meta">${empty ?? ""}</p>`}</section>`;
}

/**
 * The side panel: quotes, claims, deadlines (with countdowns), events, counts and the names in the text.
 *
 * @param analysis the stored analysis (any part may be missing)
 * @param now the time countdowns are counted from
 */
export function sidePanel(analysis: Partial<Analysis>, now: Date): SafeHtml {
  const name = namer(analysis);
  const quotes = (analysis.quotes ?? []).map((q, i) => {
    const who = q.speakerName ?? name(q.speakerEntity) ?? q.speaker?.text ?? null;
    return html`<li class="quote-item"><blockquote>${q.text}</blockquote>
<p class="meta">— ${who ? entityLink(who) : "unattributed"} · ${q.kind}${q.cue ? ` · “${q.cue.text}”` : ""} · <a href="#q${i + 1}">in the text</a></p></li>`;
  });
  const claims = (analysis.claims ?? []).map(
    (c, i) => html`<li class="claim-item"><p><span class="status ${c.status}">${c.status}</span> ${c.text}</p>
<p class="meta">${c.claimant ? html`claimed by ${entityLink(name(c.claimant))} · ` : ""}${c.about.length > 0 ? html`about ${c.about.map((id, j) => html`${j > 0 ? ", " : ""}${entityLink(name(id))}`)} · ` : ""}<a href="#c${i + 1}">in the text</a></p>
${c.statusEvidence ? html`<p class="evidence">${c.statusEvidence.text}</p>` : ""}</li>`,
  );
  const deadlines = (analysis.deadlines ?? []).map((d) => {
    const due = d.due ?? d.window?.to ?? null;
    const cd = countdown(due, now);
    return html`<li class="deadline-item ${cd.state}"><p><strong>${d.demand ?? d.text}</strong></p>
<p class="meta">${d.setter ? html`set by ${entityLink(name(d.setter))}` : ""}${d.target ? html` for ${entityLink(name(d.target))}` : ""}
· due ${d.approximate ? "about " : ""}${due ?? "unknown"} · <time class="countdown ${cd.state}" datetime="${due ?? ""}">${cd.label}</time></p>
<p class="evidence">${d.text}</p></li>`;
  });
  const events = (analysis.events ?? []).map(
    (
      e,
    ) => html`<li class="event-item"><p><span class="etype">${e.type}</span>${e.date ? html` <time>${e.date}</time>` : ""} ${e.text}</p>
<p class="meta">${e.actors.length > 0 ? html`by ${e.actors.map((id, j) => html`${j > 0 ? ", " : ""}${entityLink(name(id))}`)} ` : ""}${e.targets.length > 0 ? html`against ${e.targets.map((id, j) => html`${j > 0 ? ", " : ""}${entityLink(name(id))}`)} ` : ""}${e.place ? html`in ${entityLink(name(e.place))} ` : ""}${e.killed !== null ? `· ${e.killed} killed ` : ""}${e.injured !== null ? `· ${e.injured} injured` : ""}</p></li>`,
  );
  const counts = (analysis.quantities ?? []).map(
    (q) =>
      html`<li><strong>${q.approximate ? "about " : ""}${q.value === null ? q.text : String(q.value)}</strong> ${q.counts ?? ""}${q.role !== "other" ? html` <span class="role">${q.role}</span>` : ""}</li>`,
  );
  const byType = (t: EntityType) =>
    (analysis.entities ?? [])
      .filter((e) => e.type === t)
      .sort((a, b) => b.mentions.length - a.mentions.length);
  const entityItem = (e: Entity) =>
    html`<li>${entityLink(e.name)} <span class="meta">${plural(e.mentions.length, "mention")}${e.titles.length > 0 ? ` · ${e.titles.join(", ")}` : ""}</span></li>`;
  return html`<aside class="panel" aria-label="What the article says">
${section("quotes", "Quotes", quotes)}
${section("claims", "Claims", claims)}
${section("deadlines", "Deadlines", deadlines)}
${section("events", "Events", events)}
${section("counts", "Counts", counts)}
${GROUPS.map(([t, label]) => section(`names-${t.toLowerCase()}`, label, byType(t).map(entityItem)))}
${(analysis.quotes ?? []).length + (analysis.entities ?? []).length + (analysis.claims ?? []).length + (analysis.deadlines ?? []).length + (analysis.events ?? []).length === 0 ? html`<p class="meta">No quotes, names, claims, deadlines or events found in this article yet.</p>` : ""}
</aside>`;
}

const REASONS: Record<Lineage["original"]["reason"], string> = {
  credit: "a copy credits it",
  canonical: "a copy names it as canonical",
  earliest: "published first",
  "most-complete": "the most complete text",
  "first-seen": "stored first",
};

/** What a copy changed, in a few words. */
function changeLine(c: NonNullable<LineageEntry["changes"]>): string {
  const parts = [
    c.headline ? "headline changed" : "",
    c.changed ? `${plural(c.changed, "paragraph")} edited` : "",
    c.added ? `${plural(c.added, "paragraph")} added` : "",
    c.cut ? `${plural(c.cut, "paragraph")} cut` : "",
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "word for word";
}

/** The reports of a lineage: the original (and why), then each copy with what it changed. */
function lineageList(l: Lineage, self: number) {
  return html`<ol class="items lineage">${l.reports.map(
    (r) =>
      html`<li data-id="${r.article.id}">${r.article.id === self ? html`<span>${titleOf(r.article)}</span> <span class="meta">(this page)</span>` : html`<a class="item-link" href="/articles/${r.article.id}">${titleOf(r.article)}</a>`}
<span class="meta">${outletOf(r.article)}${r.article.published ? ` · ${r.article.published}` : ""}</span>
<p class="meta lineage-note">${r.original ? html`<strong>original</strong>: ${REASONS[l.original.reason]}` : changeLine(r.changes!)}</p></li>`,
  )}</ol>`;
}

/**
 * One article: title, outlet, byline, date; the clean text (escaped, never the page's HTML) with
 * highlight toggles; the side panel; the rails taken out of the page; the story it belongs to.
 *
 * @param a the stored article (current version)
 * @param story its story when linking knows it (the seam for story pages), else null
 * @param now the time ages and countdowns are counted from
 * @param copies other copies of this report (lineage), when linking knows them
 * @param listen whether the server narrates articles (the Listen player)
 * @param lineage which of the copies is the original and what each copy changed
 * @param copyCount how many copies there are in all (`copies` may be the first of them)
 */
export function articlePage(
  a: StoredArticle,
  story: StoryRef | null,
  now: Date,
  copies: readonly ArticleSummary[] = [],
  listen = false,
  lineage: Lineage | null = null,
  copyCount = copies.length,
): string {
  const art = a.article;
  const analysis: Partial<Analysis> = a.analysis ?? {};
  const marks = marksOf(analysis, art.text.length);
  const count = (cls: string) => marks.filter((m) => m.className.split(" ").includes(cls)).length;
  const link = safeUrl(art.url);
  const outlet = outletOf({ siteName: art.siteName, url: art.url, source: a.source });
  const title = titleOf({ title: art.title, text: art.text.slice(0, 400) });
  return layout(
    title,
    html`<div class="article-layout">
<article class="article" aria-labelledby="title">
<header class="article-head"><h1 id="title"${art.title ? "" : html` class="untitled"`}>${title}</h1>
<p class="byline"><span class="outlet">${outlet}</span>${art.authors.length > 0 ? html` · <span class="authors">${art.authors.join(", ")}</span>` : ""}${art.published ? html` · <time datetime="${art.published}">${art.published}</time>` : ""}${a.version > 1 ? ` · version ${a.version}` : ""}
${link ? html` · <a href="${link}" rel="noopener noreferrer nofollow">original</a>` : ""} · <a href="/api/articles/${a.id}">JSON</a></p>
${story ? html`<p class="story-link">Part of <a href="/stories/${story.id}">${story.title}</a> (${plural(story.outlets, "outlet")})</p>` : ""}
</header>
${
  listen
    ? html`<section class="listen" aria-labelledby="listen-h"><h2 id="listen-h">Listen</h2><audio controls preload="none" src="/api/articles/${a.id}/audio.mp3" data-marks="/api/articles/${a.id}/audio.json" data-article="${a.id}" data-version="${a.version}"><a href="/api/articles/${a.id}/audio.mp3">Download the narration (MP3)</a></audio>
<p class="listen-tools"><label>Speed <select class="listen-rate" aria-label="Playback speed"><option value="0.75">0.75×</option><option value="1" selected>1×</option><option value="1.25">1.25×</option><option value="1.5">1.5×</option><option value="2">2×</option></select></label> · <a href="/api/articles/${a.id}/audio.mp3" download>Download MP3</a> · <span class="listen-credit">Narrated offline on this server</span></p></section>`
    : ""
}
${marks.length > 0 ? toggleBar({ person: count("person"), org: count("org"), loc: count("loc"), quote: count("quote"), time: count("time"), count: count("count"), claim: count("claim") }) : ""}
<div class="text" id="text">${renderBody(art, marks)}</div>
${
  art.related.length > 0
    ? html`<section class="related" aria-labelledby="related-h"><h2 id="related-h">From the page's rails</h2><ul>${art.related.map(
        (r) => {
          const u = safeUrl(r.url);
          return html`<li>${u ? html`<a href="${u}" rel="noopener noreferrer nofollow">${r.title}</a>` : r.title}${r.age ? html` <span class="meta">${r.age}</span>` : ""}</li>`;
        },
      )}</ul></section>`
    : ""
}
${copies.length > 0 ? html`<section class="copies" aria-labelledby="copies-h"><h2 id="copies-h">Copies of this report <span class="n">${copyCount.toLocaleString("en")}</span></h2>${copyCount > copies.length ? html`<p class="meta">The first ${copies.length} stored are compared here.</p>` : ""}${lineage ? lineageList(lineage, a.id) : html`<ol class="items">${copies.map((x) => articleItem(x, now))}</ol>`}</section>` : ""}
</article>
${sidePanel(analysis, now)}
</div>`,
  );
}
