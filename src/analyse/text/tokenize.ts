/**
 * Tokenisation with offsets, close to the CoNLL-2003 / Penn Treebank conventions the tagger was
 * trained on: punctuation split off, "U.S." and "Gen." kept whole, "'s" and "n't" split,
 * hyphenated words and numbers ("1,200.5", "1996-08-22") kept whole.
 */
import type { Span } from "../../core/index.ts";

/** A token: a half-open range into the text and the text it covers. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * One token per match, tried in order:
 * URLs and e-mail addresses; abbreviations with inner dots (U.S., a.m.); words with inner hyphens,
 * apostrophes and dots of numbers; clitics; runs of the same punctuation ("...", "--"); any other character.
 */
const TOKEN_RE = new RegExp(
  [
    String.raw`https?:\/\/[^\s"'<>()]+[^\s"'<>().,;:!?]`,
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    String.raw`(?:\p{L}\.){2,}`,
    String.raw`(?:[A-Z]{1,3})?\$`,
    String.raw`\.\p{N}+`,
    String.raw`\p{N}+(?:[.,:/-]\p{N}+)*(?:-?\p{L}+(?:-[\p{L}\p{N}]+)*)?`,
    String.raw`[\p{L}\p{M}\p{N}]+(?:(?:-|&|\.(?=\p{L}\p{L}))[\p{L}\p{M}\p{N}]+)*(?=n['’]t\b)`,
    String.raw`n['’]t\b`,
    String.raw`['’](?:s|S|re|RE|ve|VE|ll|LL|d|D|m|M)\b`,
    String.raw`[\p{L}\p{M}\p{N}]+(?:(?:-|['’](?!(?:s|S|re|ve|ll|d|D|m|t)\b)(?=\p{L})|&)[\p{L}\p{M}\p{N}]+)*`,
    String.raw`\.{2,}|-{2,}|[!?]+`,
    String.raw`\S`,
  ].join("|"),
  "gu",
);

/** Abbreviations that keep their final dot as part of the token. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    "mr mrs ms dr prof gen sen rep gov lt col sgt capt maj adm cmdr cpl pvt st ste mt ft jr sr rev fr hon pres " +
    "inc corp co ltd llc plc bros dept univ assn est approx vs etc al fig no nos vol ed eds " +
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun " +
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa " +
    "tenn tex va vt wash wis wyo u.s a.m p.m"
  ).split(" "),
);

/**
 * Split text (or a span of it) into tokens.
 *
 * @param text the whole text
 * @param span the part to tokenise (default: all of it); offsets stay offsets into `text`
 * @returns tokens in order
 * @example tokenize("Gen. Smith's U.S. trip.").map((t) => t.text) // ["Gen.", "Smith", "'s", "U.S.", "trip", "."]
 */
export function tokenize(text: string, span?: Span): Token[] {
  const from = span?.start ?? 0;
  const to = span?.end ?? text.length;
  const part = text.slice(from, to);
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(part); m !== null; m = TOKEN_RE.exec(part)) {
    let start = m.index + from;
    let end = start + m[0].length;
    // A word followed by "." that is a known abbreviation or an initial keeps the dot.
    if (text[end] === "." && end < to && /^\p{L}+$/u.test(m[0])) {
      const lower = m[0].toLowerCase();
      if (ABBREVIATIONS.has(lower) || (m[0].length === 1 && /\p{Lu}/u.test(m[0]))) {
        end += 1;
        TOKEN_RE.lastIndex += 1;
      }
    }
    // A list number at the start of a line keeps its dot ("3. Ato Boldon"), as news tables write it.
    if (
      text[end] === "." &&
      /^\d{1,3}$/.test(m[0]) &&
      /\s/.test(text[end + 1] ?? "") &&
      /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, start - 8), start))
    ) {
      end += 1;
      TOKEN_RE.lastIndex += 1;
    }
    if (end > start) out.push({ start, end, text: text.slice(start, end) });
    start = end;
  }
  return out;
}
