/**
 * Turn the chosen container into blocks (paragraphs, headings, quotes, list items, table rows) and drop
 * what is not article text inside it: link lists, captions, bylines, datelines, widget labels.
 */
import { type AnyNode, type Element, isTag, isText } from "domhandler";
import type { BlockType } from "../../core/index.ts";
import { isWidgetLine } from "../text/widgets.ts";
import { isAffiliateDisclosure, isConsentPrompt, isPaywallNotice } from "./consent.ts";
import { squash } from "./dom.ts";
import { linkDensity, type TextStats } from "./stats.ts";

/** A block's text and type before offsets are assigned. */
export interface RawBlock {
  readonly type: BlockType;
  readonly text: string;
}

const BLOCK_TAGS = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "header",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "blockquote",
  "pre",
  "figure",
  "figcaption",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "caption",
  "hr",
  "address",
  "details",
  "summary",
  "center",
  "fieldset",
  "hgroup",
]);

const TYPE_OF: Record<string, BlockType> = {
  p: "paragraph",
  h1: "heading",
  h2: "heading",
  h3: "heading",
  h4: "heading",
  h5: "heading",
  h6: "heading",
  li: "list-item",
  dt: "list-item",
  dd: "list-item",
  blockquote: "quote",
  tr: "table",
  caption: "caption",
  figcaption: "caption",
};

/** Containers dropped when most of their text is links (link lists, rails inside the article). */
const LINK_LIST_CONTAINERS = new Set([
  "div",
  "section",
  "ul",
  "ol",
  "dl",
  "table",
  "nav",
  "header",
  "span",
  "p",
]);
/** Link density above which a container is a link list. */
const LINK_LIST_DENSITY = 0.5;
/** Link density above which a short paragraph is a link ("Read more: ..."). */
const LINK_PARAGRAPH_DENSITY = 0.8;

const BYLINE =
  /^(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor|[Aa]v|[Aa]f)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4}(?:\s*(?:,|and|und|&)\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,4})*\s*$/u;
const DATELINE =
  /^(?:(?:(?:article|artikel|story|post|beitrag)\s+)?(?:published|updated|posted|last updated|last modified|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|stand)\b(?=[^\d]{0,30}\d).{0,80}|(?:\w+day,?\s+)?(?:\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4})(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*(?:uhr|[A-Z]{2,5}))?)?)$/iu;
/** A publication label glued to its date ("Publiziert17. Dezember 2024", "Updated:10:32"). */
const DATE_LABEL =
  /^(?:published|publiziert|veröffentlicht|updated|aktualisiert|posted|online seit|stand|publié|publicado|pubblicato)\s*:?\s*(?:am|on|le|el|il|heute|gestern|today|yesterday|\d)/i;
/** Reading-time notes. */
const READING_TIME =
  /\b(?:lesedauer|lesezeit|reading time|temps de lecture|tiempo de lectura|min(?:ute)?s?\s+read)\b/i;
const CREDIT =
  /^(?:photo|image|picture|foto|bild|illustration|video|graphic|credit|source|quelle)s?\s*(?::|credit|by|©)/i;
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)/i;
const PROMPT =
  /^(?:read more|read also|also read|see also|related|more:|watch:|listen:|sign up|subscribe|click here|follow us|share this|advertisement|anzeige|werbung|publicité|publicidad|continue reading|read the full|you might also like|recommended for you|more from)\b/i;
/**
 * Labels standing alone: a byline's or review's label without its name ("Written by", "Article
 * reviewed by:"), a date label without its date, a table of contents' or caption toggle's title, a
 * call to action ("No credit card required.", "Book a demo").
 */
const LABEL =
  /^(?:(?:article |post |story )?(?:written|reviewed|edited|fact[- ]checked|medically reviewed|updated|posted) by|more by (?:this )?author|last updated?|updated on|published on|table of contents?|contents|in this article|show caption|hide caption|share(?: this)?(?: article| post| story)?|no credit card required|book a demo|request a (?:demo|quote)|start (?:your )?free trial|free \d+[- ]day trial)\s*[:.!]?$/i;
/** Stock agencies and "courtesy" credits set as a caption line ("Getty Images / Jane Roe", "Courtesy of brand"). */
const AGENCY_CREDIT =
  /^(?:getty images|shutterstock|istock(?:photo)?|alamy|unsplash|ap photo|afp|dpa|imago|picture alliance|courtesy(?: of)?)\b.{0,60}$/i;
/** A caption ending with its photographer's credit ("Guests pick pastries. | Photo by Jane Roe"). */
const TRAILING_CREDIT =
  /[|·•]\s*(?:[Pp]hoto|[Ii]mage|[Pp]icture|[Ff]oto|[Bb]ild)s?(?: [Cc]redit)?\s*(?::|[Bb]y|©)\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*$/u;

/**
 * Whether a block's text is page furniture rather than article text.
 *
 * @example isFurniture("By Jane Doe") // true
 * @example isFurniture("Updated 10:32 AM EDT, May 3, 2024") // true
 * @example isFurniture("The council voted on Monday.") // false
 */
export function isFurniture(raw: string): boolean {
  if (raw.length > 300) return false;
  const text = raw.replace(/^[\s·•|–—-]+|[\s·•|–—-]+$/g, "");
  if (text === "") return true;
  if (isWidgetLine(text)) return true;
  if (text.length <= 120 && (BYLINE.test(text) || DATELINE.test(text) || DATE_LABEL.test(text))) return true;
  if (text.length <= 80 && READING_TIME.test(text)) return true;
  if (text.length <= 200 && (CREDIT.test(text) || COPYRIGHT.test(text))) return true;
  if (text.length <= 150 && PROMPT.test(text)) return true;
  if (text.length <= 80 && (LABEL.test(text) || AGENCY_CREDIT.test(text))) return true;
  if (text.length <= 200 && TRAILING_CREDIT.test(text)) return true;
  return isConsentPrompt(text) || isAffiliateDisclosure(text) || isPaywallNotice(text);
}

/**
 * Emit the blocks of the chosen parts, in document order.
 *
 * @param parts the chosen container(s)
 * @param stats text statistics of the pruned tree
 */
export function collectBlocks(parts: readonly Element[], stats: ReadonlyMap<Element, TextStats>): RawBlock[] {
  const out: RawBlock[] = [];
  let buffer = "";
  let brs = 0;
  const flush = (type: BlockType) => {
    const text = squash(buffer);
    buffer = "";
    brs = 0;
    if (text === "" || !/[\p{L}\p{N}]/u.test(text)) return;
    if (isFurniture(text)) return;
    out.push({ type, text });
  };
  const skip = (el: Element, block: Element | null): boolean => {
    if (el.name === "figcaption" || el.name === "caption") return true;
    const st = stats.get(el);
    if (!st) return false;
    if (LINK_LIST_CONTAINERS.has(el.name) && !(el.name === "span" && isInSentence(el, block, stats))) {
      const ld = linkDensity(st);
      if (el.name === "p") return ld > LINK_PARAGRAPH_DENSITY && st.text < 300;
      if (ld > LINK_LIST_DENSITY && st.text < 3000 && st.para < st.text * 0.5) return true;
    }
    if (el.name === "li" && linkDensity(st) > 0.9 && st.text < 120) return true;
    return false;
  };
  const visit = (node: AnyNode, type: BlockType, block: Element | null) => {
    if (isText(node)) {
      if (brs > 0 && node.data.trim() !== "") brs = 0;
      buffer += node.data;
      return;
    }
    if (!isTag(node) || skip(node, block)) return;
    if (node.name === "br") {
      brs++;
      if (brs >= 2) flush(type);
      else buffer += " ";
      return;
    }
    if (node.name === "td" || node.name === "th") buffer += " ";
    if (!BLOCK_TAGS.has(node.name)) {
      for (const c of node.children) visit(c, type, block);
      return;
    }
    flush(type);
    const own = TYPE_OF[node.name] ?? type;
    if (node.name === "li") buffer = listNumber(node);
    for (const c of node.children) visit(c, own, node);
    flush(own);
  };
  for (const part of parts) {
    visit(part, TYPE_OF[part.name] ?? "paragraph", null);
    flush("paragraph");
  }
  return out;
}

/**
 * The number an ordered list shows before an item ("3. "), counting from the list's `start`; "" for
 * items of other lists.
 */
export function listNumber(li: Element): string {
  const ol = li.parent;
  if (!ol || !isTag(ol) || ol.name !== "ol" || "reversed" in ol.attribs) return "";
  let n = Number.parseInt(ol.attribs.start ?? "1", 10);
  if (!Number.isFinite(n)) n = 1;
  for (const c of ol.children) {
    if (c === li) break;
    if (isTag(c) && c.name === "li") n++;
  }
  const value = Number.parseInt(li.attribs.value ?? "", 10);
  return `${Number.isFinite(value) ? value : n}. `;
}

/** Share of its block's text above which an inline element is the block, not a phrase of its sentence. */
const PHRASE_SHARE = 0.5;
/** Blocks of running text (a `<div>` may be a page builder's wrapper of anything). */
const PROSE_BLOCKS = new Set(["p", "li", "dd", "blockquote", "h2", "h3", "h4"]);

/**
 * Whether an inline element is a phrase of its block's running text (a link in a sentence styled in a
 * span of its own: words next to it on the same line), not a line of links or a footnote mark.
 */
export function isInSentence(
  el: Element,
  block: Element | null,
  stats: ReadonlyMap<Element, TextStats>,
): boolean {
  const st = stats.get(el);
  const bs = block && PROSE_BLOCKS.has(block.name) ? stats.get(block) : undefined;
  if (!st || !bs || st.text >= bs.text * PHRASE_SHARE || bs.link >= bs.text * PHRASE_SHARE) return false;
  let x: Element = el;
  while (x.parent && x.parent !== block && isTag(x.parent)) x = x.parent;
  return (isPhrase(x, -1) || isPhrase(x, 1)) && /\p{L}/u.test(textOf(el)) && countLinks(el) <= 1;
}

function countLinks(node: AnyNode): number {
  if (!isTag(node)) return 0;
  let n = node.name === "a" ? 1 : 0;
  for (const c of node.children) n += countLinks(c);
  return n;
}

/** Whether the nearest non-blank sibling on one side continues the line (text or an inline element). */
function isPhrase(el: Element, dir: -1 | 1): boolean {
  let n = dir < 0 ? el.prev : el.next;
  while (n && isText(n) && n.data.trim() === "") n = dir < 0 ? n.prev : n.next;
  if (!n) return false;
  if (isText(n)) return true;
  return isTag(n) && n.name !== "br" && !BLOCK_TAGS.has(n.name);
}

function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  return isTag(node) ? node.children.map(textOf).join("") : "";
}

/** A block this long that ends a sentence anchors the article's start and end. */
const ANCHOR_LENGTH = 80;
/** Blocks shorter than this that do not end a sentence are labels when they stand at the edges. */
const EDGE_LABEL_LENGTH = 120;
/** Sentence ends, with the full-width marks of Chinese and Japanese (。！？ and closing brackets). */
const SENTENCE_END = /[.!?…"”»’)\]:;。！？」』）]$/;
/** Scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Characters of unspaced script that make about as much as three words. */
const UNSPACED_SHORT = 8;

/** Whether a line is three words or fewer (counted in characters where the script has no spaces). */
function isFewWords(text: string): boolean {
  if (!text.includes(" ") && UNSPACED.test(text)) return text.length <= UNSPACED_SHORT;
  return text.split(" ").length <= 3;
}

function isEdgeLabel(b: RawBlock): boolean {
  if (b.type === "list-item" || b.type === "table") return false;
  return b.text.length < EDGE_LABEL_LENGTH && (!SENTENCE_END.test(b.text) || isFewWords(b.text));
}

/**
 * Trim labels at the edges of the body: kickers and timestamps before the first real paragraph,
 * and "Newsletter", "30 comments", orphan headings after the last one.
 *
 * @example trimEdges([{type: "paragraph", text: "Newsletter"}, ...]) // without the label
 */
export function trimEdges(blocks: readonly RawBlock[]): RawBlock[] {
  const isAnchor = (b: RawBlock) => b.text.length >= ANCHOR_LENGTH && SENTENCE_END.test(b.text);
  let start = 0;
  while (
    start < blocks.length &&
    !isAnchor(blocks[start]!) &&
    isEdgeLabel(blocks[start]!) &&
    blocks[start]!.type !== "heading"
  )
    start++;
  let end = blocks.length;
  while (end > start && isEdgeLabel(blocks[end - 1]!)) end--;
  if (end <= start) return [...blocks];
  return blocks.slice(start, end);
}

/** "About the author" labels in the languages of the news desk's sources. */
const AUTHOR_BOX =
  /^(?:about the authors?|about the writer|über den autor(?:in)?|über die autorin|zum autor|à propos de l['’]auteur|sobre el autor|sobre la autora|sull['’]autore|over de auteur|om forfatteren|o autorze)\b\s*:?/i;
/** Longest author bio dropped with its label. */
const AUTHOR_BIO_MAX = 700;

/**
 * Drop author boxes: an "About the author" label and the short bio after it (or a bio that starts
 * with the label). Bylines are metadata; the bio is page furniture.
 *
 * @example dropAuthorBoxes([p("Text."), h("About the author"), p("Jane Doe writes about ...")]) // [p("Text.")]
 */
export function dropAuthorBoxes(blocks: readonly RawBlock[]): RawBlock[] {
  const out: RawBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const m = AUTHOR_BOX.exec(b.text);
    if (!m || b.text.length > AUTHOR_BIO_MAX) {
      out.push(b);
      continue;
    }
    if (m[0].length >= b.text.length - 1) {
      // A label alone: its bio follows.
      const next = blocks[i + 1];
      if (next && next.type !== "heading" && next.text.length <= AUTHOR_BIO_MAX) i++;
    }
  }
  return out;
}

/** Blocks at the end of the body searched for an author's bio. */
const BIO_TAIL = 4;
/** What follows an author's name in a bio ("Jane Roe is a reporter ...", "Jane Roe has covered ..."). */
const BIO_VERB = /^[^.!?]{0,40}?\b(?:is|was|has|writes|covers|joined|leads|reports)\b/;

/**
 * Drop author bios at the end of the body: a block among the last few that starts with the name of one
 * of the page's authors and goes on as a bio does ("Jane Roe is a reporter covering ..."), unless it
 * opens a section the article heads itself ("Why trust us"). Bylines are metadata; the bio is furniture.
 *
 * @example dropAuthorBios([p("Text."), p("Jane Roe is a reporter for The Daily.")], ["Jane Roe"]) // [p("Text.")]
 */
export function dropAuthorBios(blocks: readonly RawBlock[], authors: readonly string[]): RawBlock[] {
  const names = authors.filter((a) => a.trim().split(/\s+/).length >= 2);
  if (names.length === 0) return [...blocks];
  const from = Math.max(1, blocks.length - BIO_TAIL);
  return blocks.filter((b, i) => {
    if (i < from || b.text.length > AUTHOR_BIO_MAX) return true;
    // The full name, or the first name alone ("Anurag is an experienced journalist ...").
    const name =
      names.find((n) => b.text.startsWith(n)) ??
      names
        .map((n) => n.split(/\s+/)[0]!)
        .find((f) => /^\p{Lu}\p{Ll}{2,}$/u.test(f) && b.text.startsWith(`${f} `));
    if (!name || !BIO_VERB.test(b.text.slice(name.length))) return true;
    // A section the article gives its own heading ("Why trust us", "Our experts") is part of it.
    const prev = blocks[i - 1];
    return !!prev && prev.type === "heading" && !prev.text.startsWith(name);
  });
}

/** Characters of a run of blocks repeating earlier blocks in the same order from which it is a second copy. */
const REPEAT_RUN_MIN = 200;
/** Blocks of such a run. */
const REPEAT_RUN_BLOCKS = 3;

/**
 * Drop a second copy of the article: a run of consecutive blocks that repeats earlier blocks word for
 * word and in the same order (pages that carry the article, or its FAQ, twice for two layouts). A
 * block that recurs alone (a recurring note, a workout's "Warm up" line) stays.
 *
 * @example dropRepeats([p(a), p(b), p(c), p(a), p(b)]) // [p(a), p(b), p(c)]
 */
export function dropRepeats(blocks: readonly RawBlock[]): RawBlock[] {
  const first = new Map<string, number>();
  const origin = blocks.map((b, i) => {
    const j = first.get(b.text);
    if (j === undefined) first.set(b.text, i);
    return j ?? -1;
  });
  const drop = new Set<number>();
  for (let i = 0; i < blocks.length; ) {
    if (origin[i]! < 0) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < blocks.length && origin[end] === origin[end - 1]! + 1) end++;
    let chars = 0;
    for (let k = i; k < end; k++) chars += blocks[k]!.text.length;
    if (end - i >= REPEAT_RUN_BLOCKS && chars >= REPEAT_RUN_MIN) for (let k = i; k < end; k++) drop.add(k);
    i = end;
  }
  return drop.size === 0 ? [...blocks] : blocks.filter((_, i) => !drop.has(i));
}

/** Blocks at least this long are checked for being a copy of text the body has elsewhere. */
const COPY_MIN = 200;
/** Characters at each place of a block looked for elsewhere. */
const COPY_PROBE = 60;
/** Places along a block (start, end and between) whose text must all be found elsewhere. */
const COPY_PROBES = 5;

/** Without spaces: a copy may lose the spaces between its paragraphs. */
function unspaced(s: string): string {
  return s.replace(/ /g, "");
}

/**
 * Drop blocks whose text the rest of the body already has: a hidden copy of the article's paragraphs
 * run together into one block (a paywall's or a reader mode's copy), or a summary made of the first
 * paragraph's sentences, next to the paragraphs themselves. Longest first, so the copy goes and the
 * paragraphs it repeats stay; a block repeated whole (a recurring note) and a variant of one other block
 * (the same offer for another market) stay.
 *
 * @example dropCopies([p("One. Two."), p("One."), p("Two.")]) // [p("One."), p("Two.")]
 */
export function dropCopies(blocks: readonly RawBlock[]): RawBlock[] {
  const order = blocks
    .map((b, i) => [b.text.length, i] as const)
    .filter(([n]) => n >= COPY_MIN)
    .sort((a, b) => b[0] - a[0]);
  if (order.length === 0 || blocks.length < 3) return [...blocks];
  // Cheap test first (most blocks fail it): the block's opening words found a second time in the body.
  const raw = blocks.map((b) => b.text).join(" ");
  const keys: (string | undefined)[] = [];
  const key = (i: number) => (keys[i] ??= unspaced(blocks[i]!.text));
  const dropped = new Set<number>();
  for (const [, i] of order) {
    const head = blocks[i]!.text.slice(0, COPY_PROBE / 2);
    if (raw.indexOf(head, raw.indexOf(head) + 1) < 0) continue;
    const k = key(i);
    const rest: string[] = [];
    for (let j = 0; j < blocks.length; j++) if (j !== i && !dropped.has(j)) rest.push(key(j));
    // A block repeated whole is a recurring note, not a copy of several blocks run together.
    if (rest.includes(k)) continue;
    const others = rest.join("");
    const probes: string[] = [];
    for (let q = 0; q < COPY_PROBES; q++) {
      const at = Math.round(((k.length - COPY_PROBE) * q) / (COPY_PROBES - 1));
      probes.push(k.slice(at, at + COPY_PROBE));
    }
    if (!probes.every((p) => others.includes(p))) continue;
    // Several blocks run together, not a variant of one block.
    if (rest.some((r) => probes.every((p) => r.includes(p)))) continue;
    dropped.add(i);
  }
  return dropped.size === 0 ? [...blocks] : blocks.filter((_, i) => !dropped.has(i));
}
