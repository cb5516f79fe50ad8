/**
 * The capitalised-name fallback: when an article comes without analysed entities, proper names are
 * guessed from capitalisation (runs of capitalised words not explained by a sentence start or a
 * title-case headline). Crude, but names are what tell two events of the same kind apart.
 */
import { STOPWORDS } from "../text.ts";

/** Capitalised words that are not names even mid-sentence. */
const NOT_NAMES: ReadonlySet<string> = new Set(
  (
    "i january february march april june july august september october november december " +
    "monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr sir st " +
    "am pm et gmt utc edt est pdt pst bst cet updated published photo video image reuters ap afp"
  ).split(" "),
);
/** Lower-case words allowed inside a name ("Bank of England", "Leonardo da Vinci"). */
const JOINERS: ReadonlySet<string> = new Set([
  "of",
  "de",
  "da",
  "del",
  "van",
  "von",
  "der",
  "la",
  "le",
  "al",
  "bin",
]);

/** Tokens whose final period ends no sentence: initials ("U.S.") and honorifics. */
const ABBREVIATION = /^(?:(?:\p{L}\.)+|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Prof)\.)$/u;

/** Whether a token starts with an upper-case letter and has a lower-case one or is an acronym. */
function isCapitalised(token: string): boolean {
  return /^\p{Lu}/u.test(token) && (/\p{Ll}/u.test(token) || (token.length >= 2 && token.length <= 5));
}

/**
 * Guess the proper names of a text from capitalisation.
 *
 * @param text an article body (headline lines in title case are skipped; a lone word at a sentence
 *   start counts only when the text capitalises it elsewhere too)
 * @returns the names as written, in order of first mention, each once ("Tara Reid", "Promises Treatment Center")
 * @example capitalisedNames("Yesterday Tara Reid entered Promises in Malibu.") // ["Tara Reid", "Promises", "Malibu"]
 */
export function capitalisedNames(text: string): string[] {
  const found = new Set<string>();
  const midSentence = new Set<string>();
  const starts: string[] = [];
  for (const line of text.split(/\n+/)) {
    const tokens = line.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*|[.!?:;,()"“”]/gu) ?? [];
    const wordsOnly = tokens.filter((t) => /^\p{L}/u.test(t));
    const caps = wordsOnly.filter(isCapitalised).length;
    if (wordsOnly.length >= 4 && caps / wordsOnly.length > 0.6) continue; // a title-case headline
    let run: string[] = [];
    let sentenceStart = true;
    let runAtStart = false;
    const flush = () => {
      while (run.length > 0 && JOINERS.has(run[run.length - 1]!)) run.pop();
      if (run.length === 1 && runAtStart) starts.push(run[0]!);
      else if (run.length > 0) {
        found.add(run.join(" "));
        for (const w of run) midSentence.add(w);
      }
      run = [];
    };
    for (const t of tokens) {
      const clean = t.replace(/['’]s$/u, "").replace(/[.'’-]+$/u, "");
      const lower = clean.toLowerCase();
      if (/^[.!?:;,()"“”]$/u.test(t)) {
        flush();
        if (/[.!?:]/.test(t)) sentenceStart = true;
        continue;
      }
      if (clean !== "" && isCapitalised(clean) && !NOT_NAMES.has(lower)) {
        // A single capitalised stopword at a sentence start ("The", "But") is not a name.
        if (!(run.length === 0 && sentenceStart && STOPWORDS.has(lower))) {
          if (run.length === 0) runAtStart = sentenceStart;
          run.push(clean);
        }
      } else if (run.length > 0 && JOINERS.has(lower)) {
        run.push(lower);
      } else {
        flush();
      }
      sentenceStart = false;
      if (/[.!?]$/.test(t) && !ABBREVIATION.test(t)) {
        flush();
        sentenceStart = true;
      }
    }
    flush();
  }
  // A lone capitalised word at a sentence start is a name only if the text also capitalises it elsewhere.
  for (const w of starts) if (midSentence.has(w)) found.add(w);
  return [...found];
}

/**
 * The keys a name contributes to entity similarity: the whole name and, for a multi-word name, its
 * last word (so "Reid" meets "Tara Reid"), lower-cased.
 *
 * @example nameKeys("Tara Reid") // ["tara reid", "reid"]
 */
export function nameKeys(name: string): string[] {
  const parts = name
    .toLowerCase()
    .split(/\s+/)
    .filter((p) => p !== "" && !JOINERS.has(p));
  if (parts.length === 0) return [];
  const keys = [parts.join(" ")];
  const last = parts[parts.length - 1]!;
  if (parts.length > 1 && last.length > 2 && !STOPWORDS.has(last)) keys.push(last);
  return keys;
}
