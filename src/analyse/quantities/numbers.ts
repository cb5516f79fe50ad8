/**
 * Numbers in digits and words: "629", "1,200", "3.5 million", "twenty-three", "two dozen", "dozens".
 */

import { CARDINALS } from "../text/numbers.ts";

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  no: 0,
  none: 0,
  ...CARDINALS,
  a: 1,
  an: 1,
  single: 1,
  both: 2,
  pair: 2,
  couple: 2,
};

const SCALES: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
};

/** Vague plurals as lower bounds ("dozens" is at least 24). They are always approximate. */
export const VAGUE: Readonly<Record<string, number>> = {
  dozens: 24,
  scores: 40,
  hundreds: 200,
  thousands: 2_000,
  "tens of thousands": 20_000,
  "hundreds of thousands": 200_000,
  millions: 2_000_000,
};

const SMALL =
  "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
const TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const WORD = `(?:(?:${TENS})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|${SMALL})`;
const SCALE = "(?:hundred|thousand|million|billion|trillion|dozen)";

/** The source of a number expression (digits with an optional scale word, or number words). */
export const NUMBER_SOURCE =
  `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?:\\s+(?:${SCALE}))?` +
  `|(?:${WORD}|a|an)(?:[\\s-]+(?:and\\s+)?(?:${WORD}|${SCALE}))*(?:\\s+${SCALE})?` +
  "|tens\\s+of\\s+thousands|hundreds\\s+of\\s+thousands|dozens|scores|hundreds|thousands|millions";

/**
 * The value of a number expression, or null when it is not one.
 * @example parseNumber("twenty-three") // 23
 * @example parseNumber("1.2 million") // 1200000
 */
export function parseNumber(raw: string): number | null {
  const s = raw
    .toLowerCase()
    .replace(/,(?=\d{3})/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (s in VAGUE) return VAGUE[s]!;
  const digits = /^(\d+(?:\.\d+)?)(?: (\w+))?$/.exec(s);
  if (digits) {
    const n = Number(digits[1]);
    if (!digits[2]) return n;
    const scale = digits[2] === "dozen" ? 12 : SCALES[digits[2]];
    return scale ? Math.round(n * scale) : null;
  }
  let total = 0;
  let current = 0;
  let any = false;
  for (const w of s.split(/[\s-]+/)) {
    if (w === "and") continue;
    if (w in UNITS) {
      current += UNITS[w]!;
      any = true;
    } else if (w === "hundred") {
      current = (current || 1) * 100;
      any = true;
    } else if (w === "dozen") {
      current = (current || 1) * 12;
      any = true;
    } else if (w in SCALES) {
      total += (current || 1) * SCALES[w]!;
      current = 0;
      any = true;
    } else return null;
  }
  return any ? total + current : null;
}
