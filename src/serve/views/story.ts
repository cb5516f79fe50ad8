/** The story page: timeline, coverage over time (uPlot), outlets, articles. */
import { html } from "../html.ts";
import type { StoryView, TimelineEntry } from "../story.ts";
import { layout } from "./layout.ts";
import { articleItem, entityLink, outletOf, plural, titleOf } from "./parts.ts";

function entry(e: TimelineEntry) {
  return html`<li class="timeline-item ${e.kind}"><p><time>${e.date ?? "undated"}</time> <span class="etype">${e.kind}</span>${e.status ? html` <span class="status ${e.status}">${e.status}</span>` : ""}${e.previous ? html` <span class="meta">was ${e.previous} in an earlier report</span>` : ""}</p>
${e.kind === "quote" ? html`<blockquote>${e.text}</blockquote>` : html`<p>${e.text}</p>`}
<p class="meta">${e.who ? html`${entityLink(e.who)} · ` : ""}<a href="/articles/${e.article.id}#${e.anchor}">${titleOf(e.article)}</a> · ${outletOf(e.article)}</p></li>`;
}

/**
 * @param s the gathered story
 * @param now the time ages are counted from
 */
export function storyPage(s: StoryView, now: Date): string {
  const chart = JSON.stringify({
    label: "articles",
    days: s.perDay.map(([d]) => d),
    counts: s.perDay.map(([, n]) => n),
  });
  return layout(
    s.title,
    html`<h1>${s.title}</h1>
<p class="byline">${plural(s.articles.length, "article")} · ${plural(s.outlets.length, "outlet")} · ${plural(s.timeline.length, "timeline entry", "timeline entries")}</p>
<div class="entity-layout"><div>
<section aria-labelledby="cov-h"><h2 id="cov-h">Coverage over time</h2>
<div class="chart" id="chart" data-series="${chart}"></div>
<table class="per-day"><caption class="sr-only">Articles per day</caption><thead><tr><th scope="col">Day</th><th scope="col">Articles</th></tr></thead>
<tbody>${s.perDay.map(([d, n]) => html`<tr><td>${d}</td><td>${n}</td></tr>`)}</tbody></table></section>
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
