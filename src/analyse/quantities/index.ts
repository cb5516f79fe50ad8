/**
 * Quantities: counts in digits and words ("412 drones and missiles", "more than 20 people", "dozens of
 * civilians"), whether they are approximate, what they count, and the role the count plays (fired, killed,
 * injured, missing, arrested, displaced, other).
 */
import type { Quantity, QuantityRole, Span, TimeExpression } from "../../core/index.ts";
import { fallbackSentences, findTimes } from "../time/index.ts";
import { NUMBER_SOURCE, parseNumber, VAGUE } from "./numbers.ts";

export { parseNumber } from "./numbers.ts";

const APPROX =
  "more\\s+than|over|at\\s+least|nearly|almost|about|around|some|roughly|approximately|up\\s+to|an\\s+estimated|as\\s+many\\s+as|fewer\\s+than|less\\s+than|close\\s+to|upwards\\s+of|well\\s+over|just\\s+over|just\\s+under|under|exactly|only";

const QUANTITY = new RegExp(`(?:\\b(${APPROX})\\s+)?(?<![\\w$€£.,-])(${NUMBER_SOURCE})\\b(?![.,]?\\d)`, "gi");

/** Words that end a counted noun phrase. */
const STOP = new Set(
  `the a an in on at to from with by for of and or but as than that which who whom whose were was are is be been being
  have has had will would could should may might must can said says say told after before during since until while
  when where into onto over under about against between among per each this these those their his her its our your
  they he she it we you i also both all more most other others such very just only still yet so not no nor if then
  there here now today yesterday tomorrow tonight overnight morning afternoon evening night last next across near
  inside outside around through including like remain remains die dies fled left lost face faces took take came come
  went got live lives stand stood seem seems appear appears dead killed wounded injured missing slain`
    .split(/\s+/)
    .filter(Boolean),
);

/** Nouns that already say the role. */
const ROLE_NOUNS: readonly [RegExp, QuantityRole][] = [
  [/\b(dead|deaths?|bodies|fatalities|killed|lives)\b/i, "killed"],
  [/\b(injur\w*|wounded|hurt)\b/i, "injured"],
  [/\b(missing)\b/i, "missing"],
  [/\b(arrests?|detainees|prisoners)\b/i, "arrested"],
  [/\b(refugees|displaced|evacuees|homeless)\b/i, "displaced"],
  [
    /\b(drones?|missiles?|rockets?|shells?|bombs?|projectiles?|munitions|shots|rounds|bullets|mortars?)\b/i,
    "fired",
  ],
];

/** Cues right after the counted phrase: "... were killed". */
const AFTER: readonly [RegExp, QuantityRole][] = [
  [
    /^[\s,]*(?:(?!not\b|never\b|no\b)\w+\s+){0,3}?(?:killed|dead|died|slain|murdered|perished|lost\s+their\s+lives|fatally|shot\s+dead)\b/i,
    "killed",
  ],
  [
    /^[\s,]*(?:(?!not\b|never\b|no\b)\w+\s+){0,3}?(?:injured|wounded|hurt|grazed|hospitali[sz]ed|treated\s+for)\b/i,
    "injured",
  ],
  [/^[\s,]*(?:(?!not\b|never\b|no\b)\w+\s+){0,3}?(?:missing|unaccounted)\b/i, "missing"],
  [
    /^[\s,]*(?:(?!not\b|never\b|no\b)\w+\s+){0,3}?(?:arrested|detained|taken\s+into\s+custody|charged|in\s+custody)\b/i,
    "arrested",
  ],
  [
    /^[\s,]*(?:(?!not\b|never\b|no\b)\w+\s+){0,3}?(?:displaced|fled|evacuated|forced\s+from|made\s+homeless|uprooted)\b/i,
    "displaced",
  ],
  [/^[\s,]*(?:(?!not\b|never\b|no\b)\w+\s+){0,3}?(?:were\s+)?(?:fired|launched)\b/i, "fired"],
];

/** Cues right before the number: "killing 23 people". */
const BEFORE: readonly [RegExp, QuantityRole][] = [
  [
    /(?:killing|killed|kill|kills|(?:death|casualty)\s+toll(?:\s+\w+){0,5}?\s+(?:of|to|at|is|was|reached|hit|topped|passed|stands\s+at|rose\s+to)|number\s+of\s+(?:dead|deaths|fatalities|people\s+killed|victims\s+killed)(?:\s+\w+){0,3}?\s+(?:to|at|is|was|reached|hit)|claimed\s+the\s+lives\s+of|dead\s+(?:at|to)|deaths\s+of|bodies\s+of)\s*$/i,
    "killed",
  ],
  [/(?:injuring|wounding|injured|wounded|hurting|injures|wounds)\s*$/i, "injured"],
  [/(?:fired|launched|fires|launches|firing|launching|shot\s+down|intercepted|downed)\s*$/i, "fired"],
  [/(?:arrested|detained|arresting|detaining|arrests|detains|rounded\s+up)\s*$/i, "arrested"],
  [/(?:displacing|displaced|uprooting|forcing)\s*$/i, "displaced"],
];

/** Not counts: ages, percentages, money, scores, clock times. */
function excluded(text: string, start: number, end: number, raw: string): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 24);
  if (/[$€£#]\s?$/.test(before)) return true;
  if (/^-[A-Za-z]/.test(after) && !/^-(?:year|month|week|day)/i.test(after)) return true; // "one-sided"
  const lead = text.slice(Math.max(0, start - 16), start);
  if (/[A-Z][\w'-]+,\s*$/.test(lead) && /^\s*[,)]/.test(after)) return true; // "Gerald Roberson, 39," is an age
  if (/\(\s*$/.test(lead) && /^\s*\)/.test(after)) return true;
  if (
    /\b(?:Article|No|Number|Chapter|Section|Route|Highway|Interstate|Flight|Room|Block|Apt|Suite|Unit|Level|Category|Grade|Phase|Stage|Act|Item|Resolution|Page|Vol|Part|Channel|Gate|Terminal|Platform|Lane|Road|Street|Avenue)\.?\s+$/.test(
      lead,
    )
  )
    return true;
  if (
    /^\s*(?:%|percent|per\s+cent|-?years?-old|years?\s+old|-?year-old|:\d|(?:a|p)\.?m\b|-\d|\/\d|st\b|nd\b|rd\b|th\b)/i.test(
      after,
    )
  )
    return true;
  if (/^\s*(?:dollars|euros|pounds|cents|yuan|rupees|million\s+dollars|billion\s+dollars)/i.test(after))
    return true;
  const lower = raw.toLowerCase();
  if (lower === "911") return true;
  // street addresses: "the 100 block of", "at 4500 Main Street"
  if (/^\s+(?:block|blk)\b/i.test(after)) return true;
  if (/^\d{3,}$/.test(raw) && /^\s+(?:[NSEW]\.?\s+|North\s+|South\s+|East\s+|West\s+)?[A-Z]/.test(after))
    return true;
  if (lower === "a" || lower === "an") return true;
  if (lower === "one" && /^\s+(?:of|another|day|time|way|thing|side|more|or|in)\b/i.test(after)) return true;
  return false;
}

/** The counted noun phrase after a number: up to three content words, with one "and" ("drones and missiles"). */
function countedPhrase(text: string, from: number): { phrase: string; end: number } | null {
  const re = /^(\s+of(?:\s+the)?)?((?:\s+[A-Za-z][A-Za-z'-]*){1,6})/;
  const m = re.exec(text.slice(from, from + 80));
  if (!m) return null;
  const words = [...m[2]!.matchAll(/\s+([A-Za-z][A-Za-z'-]*)/g)];
  let consumed = m[1]?.length ?? 0;
  const kept: string[] = [];
  let usedAnd = false;
  for (let i = 0; i < words.length && kept.length < 4; i++) {
    const w = words[i]![1]!;
    const lower = w.toLowerCase();
    if (lower === "and" && !usedAnd && kept.length > 0) {
      const next = words[i + 1]?.[1];
      if (
        next &&
        !STOP.has(next.toLowerCase()) &&
        !/(?:ed|ing)$/.test(next) &&
        !/^[A-Z]/.test(next) &&
        parseNumber(next) === null
      ) {
        usedAnd = true;
        kept.push(w);
        consumed += words[i]![0].length;
        continue;
      }
      break;
    }
    if (STOP.has(lower)) break;
    if (/ly$/.test(lower)) break;
    if (/(?:ed|ing)$/.test(lower)) {
      // a participle heads the phrase only as an adjective before a noun ("two masked men")
      const next = words[i + 1]?.[1]?.toLowerCase();
      if (kept.length > 0 || !next || STOP.has(next) || /(?:ed|ing|ly)$/.test(next)) break;
    }
    if (/^[A-Z]/.test(w) && !/^[A-Z][a-z]+(?:ian|ese|ish|i|an)$/.test(w)) break; // names, not demonyms
    kept.push(w);
    consumed += words[i]![0].length;
  }
  if (kept.length === 0) return null;
  if (kept[kept.length - 1]!.toLowerCase() === "and") return null;
  return { phrase: kept.join(" "), end: from + consumed };
}

/**
 * Find the counts of a text.
 *
 * @param text the article text; spans index it
 * @param sentences sentence spans (role cues are read inside the sentence); may be empty
 * @param times the text's time expressions in text order if already found (numbers inside them are not counts); found here
 *   when absent
 * @returns quantities in text order
 * @example
 * findQuantities("Oslo fired 412 drones and missiles, killing 23 people.", [])
 * // [{ text: "412 drones and missiles", value: 629, role: "fired", ... },
 * //  { text: "23 people", value: 23, role: "killed", ... }]
 */
export function findQuantities(
  text: string,
  sentences: readonly Span[],
  times: readonly TimeExpression[] = findTimes(text, sentences, null),
): Quantity[] {
  const out: Quantity[] = [];
  const sents = sentences.length > 0 ? sentences : fallbackSentences(text);
  let si = 0;
  let ti = 0;
  for (const m of text.matchAll(QUANTITY)) {
    const raw = m[2]!;
    const numStart = m.index + m[0].length - raw.length;
    const numEnd = m.index + m[0].length;
    if (excluded(text, numStart, numEnd, raw)) continue;
    while (ti < times.length && times[ti]!.end <= numStart) ti++;
    if (times[ti] && times[ti]!.start < numEnd) continue; // inside a time expression
    const value = parseNumber(raw);
    if (value === null) continue;
    const approxWord = m[1]?.toLowerCase().replace(/\s+/g, " ");
    const vague = raw.toLowerCase().replace(/\s+/g, " ") in VAGUE;
    const counted = countedPhrase(text, numEnd);
    const start = m.index;
    const end = counted?.end ?? numEnd;
    while (si < sents.length - 1 && sents[si]!.end <= start) si++;
    const sentence = sents[si];
    const sFrom = Math.min(sentence?.start ?? 0, start);
    const sTo = Math.max(sentence?.end ?? text.length, end);
    out.push({
      start,
      end,
      text: text.slice(start, end),
      value,
      approximate: vague || (approxWord !== undefined && approxWord !== "exactly" && approxWord !== "only"),
      counts: counted?.phrase ?? null,
      role: roleOf(text.slice(sFrom, start), counted?.phrase ?? "", text.slice(end, sTo)),
    });
  }
  return out;
}

/**
 * The role of a count from its surroundings.
 * @param before the sentence text before the quantity
 * @param counted what it counts
 * @param after the sentence text after it
 */
export function roleOf(before: string, counted: string, after: string): QuantityRole {
  for (const [re, role] of BEFORE) if (re.test(before.slice(-60))) return role;
  for (const [re, role] of AFTER) if (re.test(after.slice(0, 60))) return role;
  for (const [re, role] of ROLE_NOUNS) if (re.test(counted)) return role;
  return "other";
}
