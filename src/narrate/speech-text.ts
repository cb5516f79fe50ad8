/**
 * Speech text: what the voice should say for a piece of article text. Numbers, dates, money,
 * percentages, abbreviations, acronyms and titles are spelled out; names can be respelled through
 * a pronunciation lexicon.
 */
import { cardinal, ordinal, year } from "./numbers.ts";

/** A pronunciation lexicon: a word or name as written → how to say it (a respelling). */
export type Lexicon = Readonly<Record<string, string>>;

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const MONTHS_SHORT: Record<string, string> = {
  Jan: "January",
  Feb: "February",
  Mar: "March",
  Apr: "April",
  Jun: "June",
  Jul: "July",
  Aug: "August",
  Sep: "September",
  Sept: "September",
  Oct: "October",
  Nov: "November",
  Dec: "December",
};

/** Titles and abbreviations read in full. */
const ABBREVIATIONS: Record<string, string> = {
  "Mr.": "Mister",
  Mr: "Mister",
  "Mrs.": "Missus",
  Mrs: "Missus",
  "Ms.": "Miz",
  "Dr.": "Doctor",
  Dr: "Doctor",
  "Prof.": "Professor",
  "Gen.": "General",
  "Lt.": "Lieutenant",
  "Col.": "Colonel",
  "Capt.": "Captain",
  "Sgt.": "Sergeant",
  "Sen.": "Senator",
  "Rep.": "Representative",
  "Gov.": "Governor",
  "Pres.": "President",
  "Rev.": "Reverend",
  "St.": "Saint",
  "Jr.": "Junior",
  "Sr.": "Senior",
  "No.": "number",
  "vs.": "versus",
  vs: "versus",
  "etc.": "et cetera",
  "approx.": "approximately",
  "e.g.": "for example",
  "i.e.": "that is",
  "U.S.": "U S",
  "U.K.": "U K",
  "U.N.": "U N",
};

/** Acronyms said as words, not letters. */
const SAID_AS_WORDS = new Set([
  "NATO",
  "NASA",
  "UNESCO",
  "UNICEF",
  "OPEC",
  "AIDS",
  "COVID",
  "FIFA",
  "UEFA",
  "OPCW",
  "ASEAN",
  "SWIFT",
  "NAFTA",
  "OFCOM",
  "OFSTED",
  "SARS",
  "MERS",
  "ISIS",
  "HAMAS",
  "LASER",
  "RADAR",
  "SCUBA",
  "GIF",
  "NIMBY",
]);

const CURRENCIES: Record<string, [string, string]> = {
  $: ["dollar", "dollars"],
  "£": ["pound", "pounds"],
  "€": ["euro", "euros"],
  "¥": ["yen", "yen"],
  "₹": ["rupee", "rupees"],
};
const MAGNITUDES: Record<string, string> = {
  k: "thousand",
  m: "million",
  mn: "million",
  million: "million",
  bn: "billion",
  b: "billion",
  billion: "billion",
  tn: "trillion",
  trillion: "trillion",
};

function num(s: string): number {
  return Number(s.replace(/,/g, ""));
}

type Rule = readonly [RegExp, (...m: string[]) => string];

const RULES: readonly Rule[] = [
  // Money: $5m, £1.2bn, €30,000
  [
    /([$£€¥₹])\s?(\d[\d,]*(?:\.\d+)?)\s?(k|m|mn|bn|b|tn|million|billion|trillion)?\b/gi,
    (_, cur, n, mag) => {
      const [one, many] = CURRENCIES[cur!]!;
      const amount = cardinal(num(n!));
      if (mag) return `${amount} ${MAGNITUDES[mag.toLowerCase()]} ${many}`;
      return `${amount} ${num(n!) === 1 ? one : many}`;
    },
  ],
  // Percentages
  [/(\d[\d,]*(?:\.\d+)?)\s?(?:%|per ?cent\b)/g, (_, n) => `${cardinal(num(n!))} per cent`],
  // 22 August (2025)
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS})(?:,?\\s+(\\d{4}))?\\b`, "g"),
    (_, d, m, y) => `the ${ordinal(Number(d))} of ${m}${y ? ` ${year(Number(y))}` : ""}`,
  ],
  // August 22(, 2025)
  [
    new RegExp(`\\b(${MONTHS})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, "g"),
    (_, m, d, y) => `${m} ${ordinal(Number(d))}${y ? `, ${year(Number(y))}` : ""}`,
  ],
  // February 2022, in 2014: years after a month or a year preposition
  [
    new RegExp(
      `\\b(${MONTHS}|in|since|by|until|from|of|to|and|early|late|mid-?)\\s+(1[1-9]\\d\\d|20\\d\\d)\\b`,
      "g",
    ),
    (_, w, y) => `${w} ${year(Number(y))}`,
  ],
  // Decades: the 1990s
  [
    /\b(1[1-9]|20)(\d)0s\b/g,
    (_, c, d) =>
      `${year(Number(`${c}${d}0`))
        .replace(/ty$/, "ties")
        .replace(/hundred$/, "hundreds")}`,
  ],
  // Times: 10:30
  [
    /\b(\d{1,2}):(\d\d)\b/g,
    (_, h, mm) =>
      `${cardinal(Number(h))}${mm === "00" ? " o'clock" : ` ${Number(mm) < 10 ? `oh ${cardinal(Number(mm))}` : cardinal(Number(mm))}`}`,
  ],
  // Ordinals: 1st, 22nd
  [/\b(\d+)(?:st|nd|rd|th)\b/g, (_, n) => ordinal(Number(n))],
  // Ranges: 2014-2016, 10-12
  [/\b(\d+)\s?[-–]\s?(\d+)\b/g, (_, a, b) => `${a} to ${b}`],
  // Plain numbers with magnitude words stay; the rest to words below.
  [/\b\d[\d,]*(?:\.\d+)?\b/g, (n) => (/^(1[1-9]|20)\d\d$/.test(n) ? year(num(n)) : cardinal(num(n)))],
];

/**
 * What the voice should say for a text.
 *
 * @param text a sentence or paragraph of the article
 * @param lexicon respellings of names and words (whole words, case-sensitive)
 * @returns the speech text
 * @example speechText("On 22 August, Berg gave Lindqvist $5m.") // "On the twenty-second of August, Berg gave Lindqvist five million dollars."
 */
export function speechText(text: string, lexicon: Lexicon = {}): string {
  let s = text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
  for (const [word, say] of Object.entries(lexicon)) {
    if (!say || say === word) continue;
    s = s.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(word)}(?![\\p{L}\\p{N}])`, "gu"), say);
  }
  s = s.replace(
    /(?<![\p{L}.])([A-Z][a-z]{0,3}\.|[A-Z]\.[A-Z]\.|Mrs?|Dr|vs|e\.g\.|i\.e\.)(?=\s)/gu,
    (m) => ABBREVIATIONS[m] ?? m,
  );
  s = s.replace(
    /\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?=\s+\d)/g,
    (m) => MONTHS_SHORT[m.replace(".", "")] ?? m,
  );
  for (const [re, f] of RULES) s = s.replace(re, f as (...a: string[]) => string);
  // Acronyms: letters unless said as a word (NATO, NASA)
  s = s.replace(/\b([A-Z]{2,5})(s?)\b/g, (_m, a: string, plural: string) => {
    if (SAID_AS_WORDS.has(a)) return a.charAt(0) + a.slice(1).toLowerCase() + plural;
    return [...a].join(" ") + (plural ? "'s" : "");
  });
  return s.replace(/\s+/g, " ").trim();
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Add entity names to a lexicon so a user can respell them; existing entries are kept.
 *
 * @param names canonical names of people, organisations and places
 * @param lexicon the current lexicon
 * @returns a new lexicon with every name present (a new name maps to itself: "say as written")
 */
export function seedLexicon(names: readonly string[], lexicon: Lexicon = {}): Record<string, string> {
  const out: Record<string, string> = { ...lexicon };
  for (const n of names) {
    for (const part of n.split(/\s+/)) if (part.length > 1 && !(part in out)) out[part] = part;
  }
  return out;
}
