/** The story page: timeline, coverage over time (uPlot), outlets, articles. */

import type { ClaimHistory, ReconciledFigure } from "../../link/index.ts";
import { html } from "../html.ts";
import type { StoryView, TimelineEntry } from "../story.ts";
import { layout } from "./layout.ts";
import { articleItem, entityLink, outletOf, plural, titleOf } from "./parts.ts";

function entry(e: TimelineEntry) {
  return html`<li class="timeline-item ${e.kind}"><p><time>${e.date ?? "undated"}</time> <span class="etype">${e.kind}</span>${e.status ? html` <span class="status ${e.status}">${e.status}</span>` : ""}${e.previous ? html` <span class="meta">was ${e.previous} in an earlier report</span>` : ""}</p>
${e.kind === "quote" ? html`<blockquote>${e.text}</blockquote>` : html`<p>${e.text}</p>`}
<p class="meta">${e.who ? html`${entityLink(e.who)} · ` : ""}<a href="/articles/${e.article.id}#${e.anchor}">${titleOf(e.article)}</a> · ${outletOf(e.article)}</p></li>`;
}

function figure(f: ReconciledFigure) {
  const range = f.min === f.max ? "" : html` · reports range ${f.min}–${f.max}`;
  return html`<li><p><span class="etype">${f.role}</span> <strong>${f.approximate ? "about " : ""}${f.value}</strong>${f.counts ? html` ${f.counts}` : ""} <span class="status ${f.agreement}">${f.agreement}</span><span class="meta">${range} · ${plural(f.reports.length, "report")}</span></p>
<ol class="meta">${f.reports.map((r) => html`<li><time>${r.date.slice(0, 10)}</time> ${r.value} · <a href="/articles/${r.articleId}">${r.outlet}</a></li>`)}</ol></li>`;
}

function claim(c: ClaimHistory) {
  return html`<li><p>${c.text}</p><p>${c.changes.map((st, i) => html`${i > 0 ? " → " : ""}<span class="status ${st}">${st}</span>`)}${c.claimant ? html` · ${entityLink(c.claimant)}` : ""}</p>
<ol class="meta">${c.reports.map((r) => html`<li><time>${r.date.slice(0, 10)}</time> <span class="status ${r.status}">${r.status}</span>${r.evidence ? html` “${r.evidence}”` : ""} · <a href="/articles/${r.articleId}">${r.outlet}</a></li>`)}</ol></li>`;
}

/** The story's "what changed since you last listened" player and its podcast (filled in by app.js). */
function listenSection(id: string) {
  const sid = encodeURIComponent(id);
  return html`<section class="story-listen" aria-labelledby="sl-h" data-playlist="/api/stories/${sid}/playlist">
<h2 id="sl-h">Listen to what changed</h2>
<p><button type="button" class="story-listen-play">Play what changed since you last listened</button> · <a class="story-listen-podcast" href="/feeds/stories/${sid}.podcast.xml">Podcast of what changed</a></p>
<p class="story-listen-status meta" role="status" aria-live="polite"></p>
<audio class="story-listen-audio" controls preload="none" hidden aria-label="What changed in this story"></audio>
<ol class="story-listen-items meta"></ol></section>`;
}

/**
 * @param s the gathered story
 * @param now the time ages are counted from
 * @param listen whether the server narrates articles (the "what changed" player and podcast)
 */
export function storyPage(s: StoryView, now: Date, listen = false): string {
  const chart = JSON.stringify({
    label: "articles",
    days: s.perDay.map(([d]) => d),
    counts: s.perDay.map(([, n]) => n),
  });
  return layout(
    s.title,
    html`<h1>${s.title}</h1>
<p class="byline">${plural(s.articles.length, "article")} · ${plural(s.outlets.length, "outlet")} · ${plural(s.timeline.length, "timeline entry", "timeline entries")}</p>
${listen ? listenSection(s.id) : ""}
<div class="entity-layout"><div>
<section aria-labelledby="cov-h"><h2 id="cov-h">Coverage over time</h2>
<div class="chart" id="chart" data-series="${chart}"></div>
<table class="per-day"><caption class="sr-only">Articles per day</caption><thead><tr><th scope="col">Day</th><th scope="col">Articles</th></tr></thead>
<tbody>${s.perDay.map(([d, n]) => html`<tr><td>${d}</td><td>${n}</td></tr>`)}</tbody></table></section>
${s.figures.length > 0 ? html`<section aria-labelledby="fig-h"><h2 id="fig-h">Figures</h2><ol class="panel-list figures">${s.figures.map(figure)}</ol></section>` : ""}
${s.claims.length > 0 ? html`<section aria-labelledby="cl-h"><h2 id="cl-h">Claims</h2><ol class="panel-list claims">${s.claims.map(claim)}</ol></section>` : ""}
<section aria-labelledby="tl-h"><h2 id="tl-h">Timeline</h2><ol class="panel-list timeline">${s.timeline.map(entry)}</ol></section>
<section aria-labelledby="sa-h"><h2 id="sa-h">Reports</h2><ol class="items">${s.articles.map((a) => articleItem(a, now))}</ol></section>
</div>
<aside class="panel" aria-labelledby="out-h"><h2 id="out-h">Outlets</h2><ol class="panel-list">${s.outlets.map(([o, n]) => html`<li>${o} <span class="meta">${plural(n, "article")}</span></li>`)}</ol></aside>
</div>`,
    {
      head: html`<link rel="stylesheet" href="/static/uplot.min.css"><script src="/static/uplot.min.js" defer></script>`,
    },
  );
}
