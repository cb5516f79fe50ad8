/** Small pieces shared by the pages: links, bylines, ages. Everything goes through `html` (escaped). */
import type { ArticleSummary } from "../../store/index.ts";
import { relativeAge } from "../dates.ts";
import { html, type SafeHtml } from "../html.ts";

/** The host of a URL without `www.`, or null. */
export function hostOf(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, "") : null;
  } catch {
    return null;
  }
}

/** The path of an entity's page. */
export function entityPath(name: string): string {
  return `/entities/${encodeURIComponent(name)}`;
}

/** A link to an entity's page. */
export function entityLink(name: string | null | undefined): SafeHtml | string {
  return name ? html`<a class="entity-link" href="${entityPath(name)}">${name}</a>` : "";
}

/** The outlet of an article as readers know it (text pasted into the API is "pasted"). */
export function outletOf(a: Pick<ArticleSummary, "siteName" | "url" | "source">): string {
  if (a.siteName) return a.siteName;
  const host = hostOf(a.url);
  if (host) return host;
  return a.source?.startsWith("api:") ? "pasted" : (a.source ?? "");
}

/** Characters of text standing in for a missing title. */
const FALLBACK_TITLE_CHARS = 90;

/**
 * The title to show: the article's, else its first words (cut at a word), else "(no title)".
 *
 * @example titleOf({ title: null, snippet: "Russian President Ada Lindqvist says he reached ..." })
 */
export function titleOf(a: {
  readonly title: string | null;
  readonly snippet?: string;
  readonly text?: string;
}): string {
  if (a.title) return a.title;
  const text = (a.snippet ?? a.text ?? "").replace(/\s+/g, " ").replace(/[[\]]/g, "").trim();
  if (text === "") return "(no title)";
  if (text.length <= FALLBACK_TITLE_CHARS) return text;
  const cut = text.slice(0, FALLBACK_TITLE_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 40))}…`;
}

/** A relative age that the page script keeps ticking (`datetime` is the ISO time). */
export function age(iso: string, now: Date): SafeHtml {
  return html`<time class="age" datetime="${iso}" title="${iso}">${relativeAge(iso, now)}</time>`;
}

/** One article in a list (rail, results): title link, outlet, age, optional snippet. */
export function articleItem(a: ArticleSummary, now: Date, snippet = false): SafeHtml {
  return html`<li data-id="${a.id}"><a class="item-link" href="/articles/${a.id}">${titleOf(a)}</a>
<span class="meta">${outletOf(a)}${a.published ? ` · ${a.published}` : ""} · ${age(a.createdAt, now)} ago</span>${snippet ? snippetOf(a.snippet) : ""}</li>`;
}

/** A search snippet with the store's `[match]` markers as <mark>, escaped. */
export function snippetOf(snippet: string): SafeHtml {
  const parts = snippet.split(/(\[[^\]]*\])/);
  return html`<p class="snippet">${parts.map((p) => (p.startsWith("[") && p.endsWith("]") ? html`<mark>${p.slice(1, -1)}</mark>` : p))}</p>`;
}

/** "1 quote" / "3 quotes". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
