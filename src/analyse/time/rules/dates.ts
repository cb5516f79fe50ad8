/**
 * Time rules for absolute dates: ISO and numeric dates, month-day, day-month, month-year, months, years, decades, centuries.
 */

import { MONTH, monthNumber, SPELLED_YEAR, spelledYear, WEEKDAY } from "../lexicon.ts";
import { inferMonthYear, inferYear } from "../resolve.ts";
import { full, isCap, PREFIX_MOD, type Rule, re, TIME_WORDS, validDay, wordBefore } from "./shared.ts";

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/**
 * The year of a date whose stated weekday contradicts its stated year but fits the year next to it: "Thursday,
 * Jan. 2, 2013" (a Wednesday in 2013) is Thursday 2 January 2014, a year typed out of habit early in January.
 */
function weekdayYear(text: string, y: number, mo: number, d: number, stated: boolean): number {
  const w = /^(\w+day)\b/i.exec(text)?.[1]?.toLowerCase();
  const want = w ? WEEKDAYS.indexOf(w) : -1;
  if (!stated || want < 0) return y;
  const day = (year: number): number => new Date(Date.UTC(year, mo - 1, d)).getUTCDay();
  if (day(y) === want) return y;
  if (day(y + 1) === want) return y + 1;
  if (day(y - 1) === want) return y - 1;
  return y;
}

/** Vehicle makes after a model year. */
const VEHICLE_MAKE =
  /^\s+(?:Chevrolet|Chevy|Ford|Honda|Toyota|Nissan|Dodge|Chrysler|Jeep|GMC|Buick|Cadillac|Lincoln\s+(?:Town|Navigator|MK)|Mercury|Pontiac|Hyundai|Kia|BMW|Mercedes|Volkswagen|VW|Audi|Mazda|Subaru|Lexus|Acura|Infiniti|Mitsubishi|Volvo|Saturn|Oldsmobile|Tesla|Plymouth|Suzuki|Harley|Kawasaki|Yamaha)\b/;

/** A street name after a number: "Corby Avenue", "N. Main St.". */
const STREET_AFTER =
  /^\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w.'-]*\s+){1,3}(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Terrace|Trail|Pike)\b/;

/** Rules for absolute dates: ISO and numeric dates, month-day, day-month, month-year, months, years, decades, centuries. */
export const DATES_RULES: readonly Rule[] = [
  // 2025-08-22, optionally with a time
  {
    name: "iso",
    pattern: re("\\b(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::\\d{2})?)?\\b"),
    make: (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: m[4] ? "other" : "day",
      resolve: () => {
        const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
        if (!validDay(y, mo, d)) return null;
        const date = full(y, mo, d);
        return m[4] ? { type: "TIME", value: `${date}T${m[4]}:${m[5]}` } : { type: "DATE", value: date };
      },
    }),
  },
  // 12/05/1998 (US order)
  {
    name: "numeric",
    pattern: re("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})(?![\\d/])"),
    make: (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: "day",
      resolve: () => {
        let y = Number(m[3]);
        if (m[3]!.length === 2) y += y < 50 ? 2000 : 1900;
        const [mo, d] = [Number(m[1]), Number(m[2])];
        if (!validDay(y, mo, d)) return null;
        return { type: "DATE", value: full(y, mo, d) };
      },
    }),
  },
  // (Friday,) August 22(nd)(, 2025)
  {
    name: "month-day",
    priority: 2,
    pattern: re(
      `(?:\\b${WEEKDAY},?\\s+)?\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|:\\d)(?:,?\\s+(\\d{4})\\b)?`,
    ),
    make: (m) => {
      if (!isCap(m[1])) return null;
      const mo = monthNumber(m[1]!);
      const d = Number(m[2]);
      if (!mo || d < 1 || d > 31) return null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        kind: "day",
        resolve: (env) => {
          const y = m[3] ? Number(m[3]) : inferYear(mo, d, { ...env, dir: "neutral" });
          return {
            type: "DATE",
            value: full(y === null ? y : weekdayYear(m[0], y, mo, d, m[3] !== undefined), mo, d),
          };
        },
      };
    },
  },
  // (Friday,) 22(nd) (of) August( 2025)
  {
    name: "day-month",
    priority: 2,
    pattern: re(
      `(?:\\b${WEEKDAY},?\\s+)?(?:the\\s+)?\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})(?![a-z])(?:,?\\s+(\\d{4})\\b)?`,
    ),
    make: (m) => {
      if (!isCap(m[2])) return null;
      const mo = monthNumber(m[2]!);
      const d = Number(m[1]);
      if (!mo || d < 1 || d > 31) return null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        kind: "day",
        resolve: (env) => {
          const y = m[3] ? Number(m[3]) : inferYear(mo, d, { ...env, dir: "neutral" });
          return { type: "DATE", value: full(y, mo, d) };
        },
      };
    },
  },
  // (early) February( of) 2022, January nineteen ninety-seven, June last year, February this year
  {
    name: "month-year",
    priority: 1,
    pattern: re(
      `(?:${PREFIX_MOD})?\\b(${MONTH}),?\\s+(?:of\\s+)?(?:(\\d{4})\\b|(${SPELLED_YEAR})\\b|(last|this|next)\\s+year\\b(?!'))`,
    ),
    make: (m) => {
      if (!isCap(m[1])) return null;
      const mo = monthNumber(m[1]!);
      if (!mo) return null;
      const spelled = m[3] ? spelledYear(m[3]) : undefined;
      if (m[3] && spelled === undefined) return null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        kind: "other",
        resolve: (env) => {
          let y: number | null = m[2] ? Number(m[2]) : (spelled ?? null);
          if (m[4]) {
            if (!env.ref) return { type: "DATE", value: null };
            const rel = m[4].toLowerCase();
            y = env.ref.getUTCFullYear() + (rel === "last" ? -1 : rel === "next" ? 1 : 0);
          }
          return { type: "DATE", value: `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}` };
        },
      };
    },
  },
  // nineteen ninety-six, the year two thousand (transcripts spell years out)
  {
    name: "spelled-year",
    pattern: re(
      `(?:\\bthe\\s+year\\s+)?\\b(${SPELLED_YEAR})\\b(?![-\\s](?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand)\\b)`,
    ),
    make: (m) => {
      const y = spelledYear(m[1]!);
      if (y === undefined) return null;
      // bare "two thousand (and five)" is usually a count; keep it only after "the year" or a time preposition
      if (/^two/i.test(m[1]!) && !/^the\s+year/i.test(m[0])) return null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        kind: "other",
        resolve: () => ({ type: "DATE", value: String(y) }),
      };
    },
  },
  // (late) November
  {
    name: "month",
    pattern: re(
      `(?:${PREFIX_MOD})?\\b(january|february|march|april|may|june|july|august|september|october|november|december|sept\\.)(?![\\w-])`,
    ),
    make: (m, text) => {
      if (!isCap(m[1])) return null;
      const before = wordBefore(text, m.index);
      if (m[0] === m[1] && isCap(before) && !TIME_WORDS.has(before)) return null; // "Theresa May"
      if (
        /^(may|march)$/i.test(m[1]!) &&
        m[0] === m[1] &&
        !/\b(in|of|since|until|by|from|through|during|early|late|mid|last|next|this|and|or)\s*$/i.test(
          text.slice(Math.max(0, m.index - 12), m.index),
        )
      )
        return null;
      const mo = monthNumber(m[1]!);
      if (!mo) return null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        kind: "other",
        resolve: (env) => {
          const y = inferMonthYear(mo, env);
          return { type: "DATE", value: `${y === null ? "XXXX" : y}-${String(mo).padStart(2, "0")}` };
        },
      };
    },
  },
  // (fiscal) 1998, (early) 2014
  {
    name: "year",
    pattern: re(
      "(?:(?:the\\s+)?(?:end|beginning|start|middle|turn)\\s+of\\s+|(?:early|late|mid)(?:\\s+|-))?(?:(?:fiscal|calendar)\\s+(?:year\\s+)?|(?:the\\s+)?year\\s+)?(?<![$€£\\d.,#]|\\d-)\\b(1[6-9]\\d\\d|20\\d\\d)\\b(?![\\d%]|,\\d|\\.\\d|-\\d|s\\b|'s\\b)",
    ),
    make: (m, text) => {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
      if (
        /^\s*(?:%|percent|block|blocks|hours|people|men|women|troops|soldiers|votes|times|miles|kilometers|meters|feet|pounds|tons|dollars|euros|cases|members|employees|workers|students|jobs|homes|units|shares|points|acres|residents|deaths|children|officers|refugees)\b/i.test(
          after,
        )
      )
        return null;
      // a model year names a vehicle, not a date: "a 2008 Chevrolet Impala", "his 2012 Ford F-150"
      if (VEHICLE_MAKE.test(after)) return null;
      // a house number: "at 1779 Corby Avenue"
      if (STREET_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) return null;
      const before = text.slice(Math.max(0, m.index - 14), m.index);
      if (
        /\b(?:about|some|nearly|almost|than|over|under|least|only|approximately|roughly|No\.|number)\s*$/i.test(
          before,
        )
      )
        return null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        kind: "other",
        resolve: () => ({ type: "DATE", value: m[1]! }),
      };
    },
  },
  // the 1990s, the early '90s
  {
    name: "decade",
    priority: 1,
    pattern: re("(?:the\\s+)?(?:(?:early|late|mid)(?:\\s+|-))?(?:\\b(1[5-9]\\d|20\\d)0s|'(\\d)0s)\\b"),
    make: (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: "other",
      resolve: () => {
        if (m[1]) return { type: "DATE", value: m[1] };
        const d = Number(m[2]);
        return { type: "DATE", value: `${d <= 2 ? "20" : "19"}${d}` };
      },
    }),
  },
  // the 20th century
  {
    name: "century",
    pattern: re("(?:the\\s+)?(?:(?:early|late|mid)(?:\\s+|-))?\\b(\\d{1,2})(?:st|nd|rd|th)\\s+century\\b"),
    make: (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: "other",
      resolve: () => ({ type: "DATE", value: String(Number(m[1]) - 1).padStart(2, "0") }),
    }),
  },
];
