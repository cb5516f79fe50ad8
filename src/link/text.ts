/**
 * Text helpers shared by dedup and stories: paragraphs, word tokens, stopwords, a light stemmer,
 * 32-bit hashing, and the boilerplate lines that copies add (credit lines, "Read more", copyright).
 */

/** Words too common in news to tell stories apart (English). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below " +
    "between both but by can could did do does doing down during each few for from further had has have having " +
    "he her here hers herself him himself his how i if in into is it its itself just me more most my myself no " +
    "nor not now of off on once only or other our ours ourselves out over own same she should so some such than " +
    "that the their theirs them themselves then there these they this those through to too under until up very " +
    "was we were what when where which while who whom why will with would you your yours yourself yourselves " +
    "said says say told according reported reports report one two three new year years last first time " +
    "week day days today yesterday monday tuesday wednesday thursday friday saturday sunday people may " +
    "mr mrs ms us get got make made like well still back even many much since way "
  )
    .trim()
    .split(/\s+/),
);

/**
 * Split a text into paragraphs: blank-line separated blocks, or lines when the text has no blank lines.
 *
 * @param text an article body
 * @returns trimmed, non-empty paragraphs in order
 * @example paragraphs("A.\n\nB.") // ["A.", "B."]
 */
export function paragraphs(text: string): string[] {
  const sep = /\n\s*\n/.test(text) ? /\n\s*\n/ : /\n/;
  return text
    .split(sep)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p !== "");
}

/**
 * Lower-cased word tokens (letters and digits, Unicode aware; apostrophes and hyphens split).
 *
 * @example words("Reid's rehab, 2013") // ["reid", "s", "rehab", "2013"]
 */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * A light English stemmer for clustering: folds plurals and the commonest verb endings so
 * "checks"/"checked"/"checking" meet. Deliberately conservative (no Porter step 2+).
 *
 * @example stem("checked") // "check"
 */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith("ies") && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ing") && word.length > 6) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 5) return word.slice(0, -2);
  if (word.endsWith("es") && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
    return word.slice(0, -1);
  }
  return word;
}

/**
 * Content terms of a text for similarity: stopwords, one-letter tokens and short numbers dropped, stemmed.
 *
 * @example terms("The star checked into rehab") // ["star", "check", "rehab"]
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    if (/^\d+$/.test(w) && w.length < 4) continue;
    out.push(stem(w));
  }
  return out;
}

/**
 * FNV-1a over UTF-16 code units, finished with a murmur3 mix: a fast, well-spread 32-bit hash.
 *
 * @example hash32("abc") // an unsigned 32-bit integer
 */
export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** The murmur3 finaliser: spreads the bits of a 32-bit integer. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Lines that republishers add around a copy and that say nothing of the story. */
const BOILERPLATE: readonly RegExp[] = [
  /^(?:source|via|credit|photo|image|picture|video|copyright|©|\(c\))\b[^.]{0,80}$/i,
  /\ball rights reserved\b/i,
  /^(?:read|see|click|tap|watch|listen)\b.{0,40}\b(?:more|here|also|full|story|article|now)\b/i,
  /^(?:share|follow|subscribe|sign up|like us|join us|download)\b/i,
  /^(?:related|recommended|advertisement|sponsored|trending|more from|you may also like)\b/i,
  /^(?:this (?:article|story|report) (?:was |is )?(?:originally |first )?(?:published|appeared))/i,
  /^(?:originally published|first published|updated|published)\b.{0,60}$/i,
  /^(?:reporting|writing|editing|additional reporting) by\b/i,
];

/**
 * Whether a paragraph is boilerplate a copy may add: credit and copyright lines, "Read more",
 * share and subscribe prompts, and similar lines of at most a few words.
 *
 * @example isBoilerplate("Source: BBC") // true
 */
export function isBoilerplate(paragraph: string): boolean {
  const p = paragraph.trim();
  if (p.length > 200) return false;
  return BOILERPLATE.some((re) => re.test(p));
}
