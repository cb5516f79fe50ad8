/**
 * Text pages: a page saved as plain text by a scraper, with widget credits, bylines and
 * "Latest stories" rails mixed into the article. The rules are about what such lines look like,
 * never about one site.
 */

import type { Article, Block, ExtractOptions, RelatedItem } from "../../core/index.ts";
import { detectLanguage } from "../language.ts";
import { isRailHeading, isRailLine, looksLikeAgedRail, parseRailItems } from "./rails.ts";
import { isWidgetLine } from "./widgets.ts";

/** Longest first line taken as a headline. */
const MAX_TITLE = 150;
/** Fewest lines a headless aged rail (headline, age, ...) has. */
const MIN_HEADLESS_RAIL_LINES = 6;

/**
 * Split a text page into paragraphs. One paragraph a line, unless the page is hard-wrapped
 * (most lines end mid-sentence and the next line goes on), where blank lines separate paragraphs.
 */
export function splitParagraphs(text: string): string[] {
  const lines = text.split("\n");
  let continued = 0;
  let nonEmpty = 0;
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i]!.trim();
    if (s === "") continue;
    nonEmpty++;
    const next = lines[i + 1]?.trim() ?? "";
    if (next !== "" && s.length >= 40 && !/[.!?:"'”’)\]]$/.test(s) && /^[a-z("'“‘]/.test(next)) continued++;
  }
  const wrapped = nonEmpty >= 4 && continued / nonEmpty > 0.3;
  if (!wrapped) return lines.map((l) => l.replace(/\s+/g, " ").trim()).filter((l) => l !== "");
  return text
    .split(/\n\s*\n/)
    .map((chunk) => chunk.replace(/\s+/g, " ").trim())
    .filter((p) => p !== "");
}

const BYLINE = /^(?:by|written by|words by|reporting by)\s+(.{2,80})$/i;
const DATE_LINE =
  /^(?:(?:published|updated|posted|last updated)\s*:?\s*)?((?:\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?)|(?:\w+day,?\s+)?(?:\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4}))(?:\s*[|,-]?\s*\d{1,2}[:.]\d\d\s*(?:am|pm)?(?:\s*[A-Z]{2,4})?)?$/i;

/** Authors named in a byline line, or null when the line is not a byline. */
export function parseByline(line: string): string[] | null {
  const m = BYLINE.exec(line.trim());
  if (!m) return null;
  const names = m[1]!
    .replace(/\s*[|,-]\s*(?:\w+\s+)?(?:correspondent|reporter|editor|writer|staff).*$/i, "")
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((s) => s.trim())
    .filter((s) => /^\p{Lu}/u.test(s));
  if (names.length === 0 || names.some((n) => n.split(/\s+/).length > 5)) return null;
  return names;
}

/** An ISO date (YYYY-MM-DD, or with time) from a line that only states a date, or null. */
export function parseDateLine(line: string): string | null {
  const m = DATE_LINE.exec(line.trim());
  if (!m) return null;
  const raw = m[1]!;
  if (/^\d{4}-\d\d-\d\d/.test(raw)) return raw.replace(" ", "T");
  const t = Date.parse(`${raw.replace(/^\w+day,?\s+/i, "")} 12:00 UTC`);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().slice(0, 10);
}

interface Sorted {
  body: string[];
  related: RelatedItem[];
  authors: string[];
  published: string | null;
}

function sortParagraphs(paragraphs: readonly string[]): Sorted {
  const body: string[] = [];
  const related: RelatedItem[] = [];
  const authors: string[] = [];
  let published: string | null = null;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (isWidgetLine(p)) continue;
    if (isRailHeading(p)) {
      let j = i + 1;
      while (j < paragraphs.length && isRailLine(paragraphs[j]!) && !isRailHeading(paragraphs[j]!)) j++;
      if (j - i - 1 >= 2) {
        related.push(...parseRailItems(paragraphs.slice(i + 1, j)));
        i = j - 1;
        continue;
      }
    }
    const early = body.length < 3;
    const byline = early ? parseByline(p) : null;
    if (byline) {
      authors.push(...byline);
      continue;
    }
    const date = early ? parseDateLine(p) : null;
    if (date) {
      published ??= date;
      continue;
    }
    body.push(p);
  }
  // A rail without a heading at the end: headline, age, headline, age...
  let k = body.length;
  while (k > 0 && isRailLine(body[k - 1]!)) k--;
  const tail = body.slice(k);
  if (tail.length >= MIN_HEADLESS_RAIL_LINES && looksLikeAgedRail(tail)) {
    related.push(...parseRailItems(tail));
    body.length = k;
  }
  return { body, related, authors, published };
}

/** Whether the first paragraph reads as a headline over the rest. */
function isHeadline(first: string, rest: readonly string[]): boolean {
  return (
    rest.length >= 2 &&
    first.length <= MAX_TITLE &&
    !/[.!?:;,"”]$/.test(first) &&
    first.split(/\s+/).length >= 3 &&
    (rest[0]?.length ?? 0) > first.length
  );
}

/**
 * Extract the article from a text page.
 *
 * @param input the decoded page
 * @param options `url` and `published` as given on the command line
 * @returns the article; `text` is its paragraphs separated by one blank line
 * @example extractTextPage("Audio By Voxly\nLindqvist said ...\nLatest Stories\n-\nHeadline\n2 hours").text
 */
export function extractTextPage(input: string, options: ExtractOptions = {}): Article {
  const normalised = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const sorted = sortParagraphs(splitParagraphs(normalised));
  let paragraphs = sorted.body;
  let title: string | null = null;
  if (paragraphs.length > 0 && isHeadline(paragraphs[0]!, paragraphs.slice(1))) {
    title = paragraphs[0]!;
    paragraphs = paragraphs.slice(1);
  }
  const blocks: Block[] = [];
  let text = "";
  for (const p of paragraphs) {
    if (text !== "") text += "\n\n";
    blocks.push({ type: "paragraph", start: text.length, end: text.length + p.length });
    text += p;
  }
  return {
    url: options.url ?? null,
    title,
    authors: sorted.authors,
    published: options.published ?? sorted.published,
    modified: null,
    language: detectLanguage(text),
    siteName: null,
    text,
    blocks,
    related: sorted.related,
  };
}
