/**
 * Sentence splitting for news text. Rules, not a model: a sentence ends at ".", "!", "?" or "…"
 * (with any closing quotes or brackets after it) when the next word starts a sentence, unless the
 * dot belongs to an abbreviation ("Gen.", "U.S." before a name) or an initial ("J. K. Rowling").
 * Sentences never cross a blank line, nor a line break before a list item or after a line that is
 * complete on its own (a headline, a dateline line, a caption).
 */
import type { Span } from "../../core/index.ts";
import { ABBREVIATIONS } from "./tokenize.ts";

/** Abbreviations that also often end a sentence ("... in the U.S. The ..."). */
const MAY_END = new Set([
  "u.s",
  "u.k",
  "u.n",
  "e.u",
  "etc",
  "inc",
  "co",
  "corp",
  "ltd",
  "jr",
  "sr",
  "a.m",
  "p.m",
  "al",
]);

/** Words that start sentences and rarely follow an abbreviation inside one ("U.S. The"). */
const STARTERS = new Set(
  (
    "The A An He She It They We I You This That These Those There But And Or So Yet In On At For If When While " +
    "After Before As His Her Its Their Our My Some Many Most Such Other Another No Not One Two Three Mr Mrs Ms Dr " +
    "What Who Why How Where Meanwhile However Still Also Now Then Later Earlier Last Next Since Although Though " +
    "Despite According Officials Police"
  ).split(" "),
);

/** A line that starts a list item. */
const LIST_ITEM = /^[ \t]*(?:[-*•–—·▪►]|\d{1,3}[.)]|\(?[a-z]\))[ \t]+/u;
/** How short a line without final punctuation must be to stand alone (a headline, a caption). */
const SHORT_LINE = 80;

/**
 * Split a text into sentences.
 *
 * @param text the article text
 * @returns sentence spans in order, trimmed of surrounding whitespace, never empty
 * @example splitSentences("Gen. Smith left. He won.") // [{start: 0, end: 16}, {start: 17, end: 24}]
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  for (const block of blocks(text)) splitBlock(text, block.start, block.end, out);
  return out;
}

/** Paragraph-like blocks: split at blank lines, list items and lines that stand alone. */
function blocks(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      lines.push({ start, end: i });
      start = i + 1;
    }
  }
  const out: Span[] = [];
  let cur: Span | null = null;
  for (const line of lines) {
    const s = text.slice(line.start, line.end);
    if (s.trim() === "") {
      if (cur) out.push(cur);
      cur = null;
      continue;
    }
    if (cur && breaksBefore(text.slice(cur.start, cur.end), s)) {
      out.push(cur);
      cur = null;
    }
    cur = cur ? { start: cur.start, end: line.end } : { start: line.start, end: line.end };
  }
  if (cur) out.push(cur);
  return out;
}

/** Whether a single line break between the text so far and the next line ends a sentence. */
function breaksBefore(before: string, next: string): boolean {
  if (LIST_ITEM.test(next)) return true;
  const prev = before.slice(before.lastIndexOf("\n") + 1).trimEnd();
  if (/[.!?…:;"”’')\]]$/u.test(prev)) return /^\s*["“‘'([]?[\p{Lu}\p{N}]/u.test(next);
  return prev.length < SHORT_LINE && /^\s*["“‘'([]?[\p{Lu}\p{N}]/u.test(next) && !/[,\-–]$/u.test(prev);
}

const END_RE = /([.!?…]+)(["'”’»)\]]*)(\s+)/gu;

function splitBlock(text: string, from: number, to: number, out: Span[]): void {
  const part = text.slice(from, to);
  let start = 0;
  END_RE.lastIndex = 0;
  for (let m = END_RE.exec(part); m !== null; m = END_RE.exec(part)) {
    const punct = m[1]!;
    const close = m[2]!;
    const end = m.index + punct.length + close.length;
    const rest = part.slice(end + m[3]!.length);
    if (!endsHere(part.slice(start, m.index), punct, close, rest)) continue;
    push(text, from + start, from + end, out);
    start = end + m[3]!.length;
  }
  push(text, from + start, to, out);
}

function push(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}

/** Decide whether the punctuation at the end of `before` ends a sentence, given what follows. */
function endsHere(before: string, punct: string, close: string, rest: string): boolean {
  const next = /^["“‘'([]*([\p{L}\p{N}]+)/u.exec(rest);
  if (!next) return rest.length > 0 && !/^[,;:)\]]/u.test(rest);
  const word = next[1]!;
  const upper = /^\p{Lu}/u.test(word);
  const digit = /^\p{N}/u.test(word);
  if (!upper && !digit) return false;
  if (punct !== "." || close !== "") return true;
  // A list number or letter: "1. First", "a. Second".
  if (/^\s*(?:\p{N}{1,3}|\p{L})$/u.test(before)) return false;
  const last = /([\p{L}.]+)$/u.exec(before)?.[1] ?? "";
  const key = last.toLowerCase().replace(/\.$/u, "");
  // Initials: "J. K. Rowling", "George W. Bush".
  if (/^\p{Lu}$/u.test(last)) return false;
  if (ABBREVIATIONS.has(key) || /^(?:\p{L}\.)+\p{L}$/u.test(last)) {
    if (digit) return false;
    return MAY_END.has(key) && STARTERS.has(word);
  }
  return true;
}
