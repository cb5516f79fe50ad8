/**
 * Words of time: months, weekdays, number words, units, and the regular-expression sources built from them.
 */

import { CARDINALS } from "../text/numbers.ts";

/** Month name or abbreviation (lower case, no dot) → 1-12. */
export const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Weekday name → ISO weekday (Monday 1). */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

/** Number words → value; null means vague (TIMEX3 `X`). */
export const NUMBER_WORDS: Readonly<Record<string, number | null>> = {
  a: 1,
  an: 1,
  ...CARDINALS,
  hundred: 100,
  "a hundred": 100,
  "one hundred": 100,
  "a dozen": 12,
  dozen: 12,
  "a couple of": 2,
  "a couple": 2,
  "couple of": 2,
  "a few": null,
  few: null,
  several: null,
  some: null,
  many: null,
  "a number of": null,
  "a half": 0.5,
  half: 0.5,
  "one and a half": 1.5,
};

/** Ordinals used with quarters and halves. */
export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
};

/** Unit word (singular, lower case) → TIMEX3 duration designator. */
export const UNITS: Readonly<Record<string, string>> = {
  second: "S",
  minute: "M",
  hour: "H",
  day: "D",
  night: "D",
  week: "W",
  weekend: "WE",
  fortnight: "W",
  month: "M",
  quarter: "Q",
  year: "Y",
  decade: "DE",
  century: "CE",
};

/** Season words → TIMEX3 season code. */
export const SEASONS: Readonly<Record<string, string>> = {
  spring: "SP",
  summer: "SU",
  fall: "FA",
  autumn: "FA",
  winter: "WI",
};

/** Parts of the day → TIMEX3 code. */
export const DAY_PARTS: Readonly<Record<string, string>> = {
  morning: "TMO",
  afternoon: "TAF",
  evening: "TEV",
  night: "TNI",
  overnight: "TNI",
};

const TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const SMALL =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";

/** A number: digits or words, including vague quantifiers. */
export const NUM = `(?:\\d+\\s+1/2|\\d+½|(?:\\d+|${SMALL}|an?)\\s+and\\s+a\\s+half|\\d+(?:\\.\\d+)?|(?:${TENS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|${SMALL}|a\\s+couple(?:\\s+of)?|couple\\s+of|a\\s+few|few|several|some|many|a\\s+number\\s+of|a\\s+dozen|dozen|a\\s+hundred|one\\s+and\\s+a\\s+half|a\\s+half|half\\s+an?|an?)`;

/** A month name (capitalisation checked by the rules). */
export const MONTH =
  "(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?\\.?|july?\\.?|aug(?:ust|\\.)?|sep(?:t(?:ember)?)?\\.?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)";

export const WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)";

export const UNIT =
  "(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|century|centuries)";

export const SEASON = "(?:spring|summer|fall|autumn|winter)";

export const ZONE =
  "(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|EET|EEST|WET|WEST|MSK|IST|JST|KST|HKT|SGT|AEST|AEDT|AWST|NZST|NZDT|WAT|EAT|CAT|SAST|PKT|Z)";

/** Value of a number match (digits, words, hyphenated tens), null when vague. */
export function numberValue(raw: string): number | null | undefined {
  const s = raw.toLowerCase().replace(/\s+/g, " ").trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s in NUMBER_WORDS) return NUMBER_WORDS[s];
  if (s === "half a" || s === "half an") return 0.5;
  const frac = /^(\d+)(?:\s+1\/2|½)$/.exec(s);
  if (frac) return Number(frac[1]) + 0.5;
  const andHalf = /^(.+?)\s+and\s+a\s+half$/.exec(s);
  if (andHalf) {
    const whole = numberValue(andHalf[1]!);
    return typeof whole === "number" ? whole + 0.5 : undefined;
  }
  const m = /^(\w+)-(\w+)$/.exec(s);
  if (m) {
    const a = NUMBER_WORDS[m[1]!];
    const b = NUMBER_WORDS[m[2]!];
    if (typeof a === "number" && typeof b === "number") return a + b;
  }
  return undefined;
}

/** Month number of a month word (with or without a trailing dot), or undefined. */
export function monthNumber(raw: string): number | undefined {
  return MONTHS[raw.toLowerCase().replace(/\.$/, "")];
}

/** Singular lower-case unit of a unit word. */
export function unitOf(raw: string): string {
  const s = raw.toLowerCase();
  if (s === "centuries") return "century";
  return s.endsWith("s") ? s.slice(0, -1) : s;
}

const YEAR_TENS =
  "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\\s](?:one|two|three|four|five|six|seven|eight|nine))?";
const YEAR_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";

/**
 * A year spelled out as broadcast transcripts write it: "nineteen ninety-six", "nineteen oh five",
 * "two thousand (and) three". Bare "two thousand" is left to counts unless "the year" precedes it (rules check).
 */
export const SPELLED_YEAR = `(?:(?:seventeen|eighteen|nineteen)\\s+(?:${YEAR_TENS}|${YEAR_TEENS}|o[h']?\\s+(?:one|two|three|four|five|six|seven|eight|nine))|two\\s+thousand(?:\\s+(?:and\\s+)?(?:${YEAR_TENS}|${YEAR_TEENS}|one|two|three|four|five|six|seven|eight|nine))?)`;

/** Value of a spelled-out year ("nineteen ninety-six" → 1996), or undefined. */
export function spelledYear(raw: string): number | undefined {
  const s = raw.toLowerCase().replace(/\s+/g, " ").trim();
  const millennium = /^two thousand(?: (?:and )?(.+))?$/.exec(s);
  if (millennium) {
    if (!millennium[1]) return 2000;
    const rest = numberValue(millennium[1].replace(" ", "-"));
    return typeof rest === "number" && rest < 100 ? 2000 + rest : undefined;
  }
  const m = /^(seventeen|eighteen|nineteen) (.+)$/.exec(s);
  if (!m) return undefined;
  const century = NUMBER_WORDS[m[1]!] as number;
  const oh = /^o[h']? (\w+)$/.exec(m[2]!);
  const rest = oh ? NUMBER_WORDS[oh[1]!] : numberValue(m[2]!.replace(" ", "-"));
  return typeof rest === "number" && rest < 100 ? century * 100 + rest : undefined;
}
