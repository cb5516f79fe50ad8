/**
 * Highlights built on the server from analysis spans: the article text is cut at every span boundary
 * and wrapped in properly nested elements (a span that crosses another is split in two), with every
 * piece of text escaped. Works with whatever the analysis holds; a bad span is skipped, never trusted.
 */
import type { Analysis, Article, Block, EntityType } from "../core/index.ts";
import { escapeHtml, html, SafeHtml } from "./html.ts";

/** One highlighted range of the text. */
export interface Mark {
  readonly start: number;
  readonly end: number;
  /** CSS classes (our own words only). */
  readonly className: string;
  /** Shown on hover (escaped). */
  readonly title?: string;
  /** An id for the first piece (jump links from the side panel). */
  readonly id?: string;
  /** `data-*` attributes (names are ours, values escaped). */
  readonly data?: Readonly<Record<string, string>>;
}

/** The highlight toggles, in the order they are shown; each is a CSS class on its marks. */
export const TOGGLES = [
  { key: "person", label: "People", shortcut: "1" },
  { key: "org", label: "Organisations", shortcut: "2" },
  { key: "loc", label: "Places", shortcut: "3" },
  { key: "quote", label: "Quotes", shortcut: "4" },
  { key: "time", label: "Times", shortcut: "5" },
  { key: "count", label: "Counts", shortcut: "6" },
  { key: "claim", label: "Claims", shortcut: "7" },
] as const;

const ENTITY_CLASS: Record<EntityType, string> = { PERSON: "person", ORG: "org", LOC: "loc", MISC: "misc" };
const TYPE_LABEL: Record<EntityType, string> = {
  PERSON: "person",
  ORG: "organisation",
  LOC: "place",
  MISC: "other",
};

function validSpan(s: { start: unknown; end: unknown }, length: number): boolean {
  return (
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    (s.start as number) >= 0 &&
    (s.end as number) <= length &&
    (s.start as number) < (s.end as number)
  );
}

/**
 * The marks of an analysis: entity mentions, quotes (speaker on hover), times (resolved value on hover),
 * counts and claims. Items without a valid span are left out.
 *
 * @param analysis the stored analysis (any subset of its arrays may be empty or missing)
 * @param length the length of `article.text`
 */
export function marksOf(analysis: Partial<Analysis> | null, length: number): Mark[] {
  if (!analysis) return [];
  const marks: Mark[] = [];
  const add = (m: Mark) => {
    if (validSpan(m, length)) marks.push(m);
  };
  for (const e of analysis.entities ?? []) {
    const kind = ENTITY_CLASS[e.type] ?? "misc";
    const titles = e.titles?.length ? ` · ${e.titles.join(", ")}` : "";
    for (const m of e.mentions ?? []) {
      add({
        start: m.start,
        end: m.end,
        className: `hl ent ${kind}`,
        title: `${e.name} (${TYPE_LABEL[e.type] ?? "other"})${titles}`,
      });
    }
  }
  (analysis.quotes ?? []).forEach((q, i) => {
    const who = q.speakerName ?? q.speaker?.text ?? "unknown speaker";
    add({
      start: q.start,
      end: q.end,
      className: `hl quote ${q.kind}`,
      title: `${who} (${q.kind} quote)`,
      id: `q${i + 1}`,
    });
  });
  for (const t of analysis.times ?? []) {
    add({
      start: t.start,
      end: t.end,
      className: "hl time",
      title: t.value ? `${t.type}: ${t.value}` : t.type,
    });
  }
  for (const q of analysis.quantities ?? []) {
    const what = [
      q.approximate ? "about" : "",
      q.value === null ? "" : String(q.value),
      q.counts ?? "",
      q.role !== "other" ? `(${q.role})` : "",
    ];
    add({ start: q.start, end: q.end, className: "hl count", title: what.filter(Boolean).join(" ") });
  }
  (analysis.claims ?? []).forEach((c, i) => {
    add({
      start: c.start,
      end: c.end,
      className: `hl claim ${c.status}`,
      title: `claim, ${c.status}`,
      id: `c${i + 1}`,
    });
  });
  return marks;
}

function openTag(m: Mark, ids: Set<string>): string {
  let s = `<span class="${escapeHtml(m.className)}"`;
  if (m.title) s += ` title="${escapeHtml(m.title)}"`;
  if (m.id && !ids.has(m.id)) {
    ids.add(m.id);
    s += ` id="${escapeHtml(m.id)}"`;
  }
  for (const [k, v] of Object.entries(m.data ?? {}))
    if (/^[a-z][a-z0-9-]*$/.test(k)) s += ` data-${k}="${escapeHtml(v)}"`;
  return `${s}>`;
}

/**
 * The text of [from, to) with the marks inside it, nested properly and escaped.
 *
 * @example renderRange("Lindqvist said", [{start: 0, end: 5, className: "hl ent person"}], 0, 10)
 * // '<span class="hl ent person">Lindqvist</span> said'
 * @param ids element ids already used (each mark's id goes on its first piece only)
 */
export function renderRange(
  text: string,
  marks: readonly Mark[],
  from: number,
  to: number,
  ids = new Set<string>(),
): string {
  const inside = marks
    .filter((m) => m.start < to && m.end > from)
    .map((m) => ({ ...m, start: Math.max(m.start, from), end: Math.min(m.end, to) }))
    // Longer first so outer marks open first; ties keep the given order.
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const cuts = [...new Set([from, to, ...inside.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const stack: Mark[] = [];
  let out = "";
  let next = 0;
  let pos = from;
  for (const cut of cuts) {
    if (cut > pos) out += escapeHtml(text.slice(pos, cut));
    pos = cut;
    // Close what ends here; marks above them on the stack are closed and reopened (split).
    const lowest = stack.findIndex((m) => m.end <= cut);
    if (lowest !== -1) {
      const popped = stack.splice(lowest);
      out += "</span>".repeat(popped.length);
      for (const m of popped) {
        if (m.end > cut) {
          stack.push(m);
          out += openTag(m, ids);
        }
      }
    }
    while (next < inside.length && inside[next]!.start === cut) {
      const m = inside[next++]!;
      stack.push(m);
      out += openTag(m, ids);
    }
  }
  out += "</span>".repeat(stack.length);
  return out;
}

/** The paragraphs of an article: its blocks, or the text split at blank lines when it has none. */
export function blocksOf(article: Pick<Article, "text" | "blocks">): Block[] {
  const valid = (article.blocks ?? []).filter((b) => validSpan(b, article.text.length));
  if (valid.length > 0) return valid;
  const blocks: Block[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  for (let m = re.exec(article.text); m; m = re.exec(article.text)) {
    if (m[0].trim() !== "") blocks.push({ type: "paragraph", start: m.index, end: m.index + m[0].length });
  }
  return blocks;
}

/**
 * The article body as HTML: one element per block (headings, block quotes, lists, paragraphs) with
 * the marks inside. Never uses the page's own HTML. Each block carries `data-start`, its offset in
 * `article.text`, so the page script can find any span of the text (the Listen player's sentence).
 *
 * @param article the stored article
 * @param marks highlights from `marksOf`
 */
export function renderBody(article: Pick<Article, "text" | "blocks">, marks: readonly Mark[]): SafeHtml {
  let out = "";
  let inList = false;
  const ids = new Set<string>();
  for (const b of blocksOf(article)) {
    const inner = renderRange(article.text, marks, b.start, b.end, ids);
    if (b.type === "list-item" && !inList) out += "<ul>";
    if (b.type !== "list-item" && inList) out += "</ul>";
    inList = b.type === "list-item";
    switch (b.type) {
      case "heading":
        out += `<h2 data-start="${b.start}">${inner}</h2>`;
        break;
      case "quote":
        out += `<blockquote><p data-start="${b.start}">${inner}</p></blockquote>`;
        break;
      case "list-item":
        out += `<li data-start="${b.start}">${inner}</li>`;
        break;
      case "caption":
        out += `<p class="caption" data-start="${b.start}">${inner}</p>`;
        break;
      default:
        out += `<p data-start="${b.start}">${inner}</p>`;
    }
  }
  if (inList) out += "</ul>";
  return new SafeHtml(out);
}

/** The toggle bar: checkboxes that show or hide each kind of highlight (pure CSS, no script needed). */
export function toggleBar(
  counts: Readonly<Partial<Record<(typeof TOGGLES)[number]["key"], number>>>,
): SafeHtml {
  return html`<fieldset class="toggles" id="toggles"><legend>Highlight</legend>${TOGGLES.map(
    (t) =>
      html`<label class="toggle t-${t.key}" title="Shortcut: ${t.shortcut}"><input type="checkbox" id="hl-${t.key}" name="${t.key}" data-shortcut="${t.shortcut}"${new SafeHtml(
        (counts[t.key] ?? 0) > 0 && t.key !== "claim" && t.key !== "count" ? " checked" : "",
      )}${new SafeHtml((counts[t.key] ?? 0) === 0 ? " disabled" : "")}> ${t.label} <span class="n">${counts[t.key] ?? 0}</span></label>`,
  )}</fieldset>`;
}
