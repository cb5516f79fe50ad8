/**
 * Resolution helpers shared by the rules: year inference for partial dates, relative units, durations.
 */
import {
  addDays,
  addMonths,
  type Day,
  day,
  fmtDay,
  fmtMonth,
  fmtWeek,
  fmtYear,
  isoDow,
  quarterOf,
  weekdayNear,
} from "./calendar.ts";
import { UNITS } from "./lexicon.ts";
import type { Direction } from "./tense.ts";

/** What a rule sees when it resolves a match. */
export interface Env {
  /** The reference (publication) day, or null when unknown. */
  readonly ref: Day | null;
  /** The tense direction of the span being resolved. */
  readonly dir: Direction;
  /** The last day-precise date resolved earlier in the text (for "two days later"). */
  readonly anchor: Day | null;
  /** The last calendar date of any precision named earlier in the text ("2014", "1998-10", "1998-10-23"). */
  readonly lastDate: string | null;
  /** The last quarter named earlier in the text (for "the year-earlier quarter"). */
  readonly quarter: { readonly year: number; readonly q: number } | null;
  /** The sentence text around the span (lower case). */
  readonly sentence: string;
}

/** A resolved time: TIMEX3 type and value. */
export interface Resolved {
  readonly type: "DATE" | "TIME" | "DURATION" | "SET";
  readonly value: string | null;
}

/** How far ahead (days) a month-day without a year is still read as upcoming when the tense does not say. */
const AHEAD_DAYS = 90;

/** Year for month/day without one: future → next on or after ref, past → last on or before, else nearest. */
export function inferYear(month: number, dom: number, env: Env): number | null {
  const ref = env.ref;
  if (!ref) return null;
  const y = ref.getUTCFullYear();
  const options = [y - 1, y, y + 1].map((yy) => ({ yy, d: day(yy, month, dom) }));
  if (env.dir === "future") return options.find((o) => o.d >= ref)?.yy ?? y;
  // past or no tense: the last occurrence on or before the reference, unless one falls within the next weeks
  const soon = options.find((o) => o.d > ref && o.d.getTime() - ref.getTime() <= AHEAD_DAYS * 86_400_000);
  if (soon && env.dir !== "past") return soon.yy;
  return [...options].reverse().find((o) => o.d <= ref)?.yy ?? y;
}

/** Year for a month alone ("April"): future → this or next year, otherwise this or last year. */
export function inferMonthYear(month: number, env: Env): number | null {
  const ref = env.ref;
  if (!ref) return null;
  const y = ref.getUTCFullYear();
  const rm = ref.getUTCMonth() + 1;
  if (env.dir === "future") return month >= rm ? y : y + 1;
  // otherwise (past or no tense) news looks back: the month this year or last, unless it is one or two
  // months ahead, which is rarely meant as last year's ("agreed in a statement to close the sale in January")
  const ahead = (month - rm + 12) % 12;
  if (ahead >= 1 && ahead <= 2) return month < rm ? y + 1 : y;
  return month <= rm ? y : y - 1;
}

/** Resolve a weekday (ISO 1-7) with an optional "last"/"next"/"this" against the reference. */
export function weekday(dow: number, modifier: string | undefined, env: Env): string | null {
  const ref = env.ref;
  if (!ref) return null;
  const mod = modifier?.toLowerCase();
  // "last Tuesday" is the Tuesday of the week before (said on a Wednesday, not yesterday)
  if (mod === "last" || mod === "past") return fmtDay(addDays(ref, dow - isoDow(ref) - 7));
  if (mod === "next" || mod === "coming") return fmtDay(weekdayNear(ref, dow, 1, true));
  if (mod === "this") return fmtDay(addDays(ref, dow - (((ref.getUTCDay() + 6) % 7) + 1)));
  return fmtDay(weekdayNear(ref, dow, env.dir === "future" ? 1 : -1));
}

const SEASON_MONTH: Readonly<Record<string, number>> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/**
 * A calendar unit shifted by `offset` from the reference: "last month" (month, -1) → 2025-08.
 * @returns the TIMEX3 value at the unit's granularity, or null without a reference
 */
export function shiftedUnit(unit: string, offset: number, env: Env): string | null {
  const ref = env.ref;
  if (!ref) return null;
  switch (unit) {
    case "day":
      return fmtDay(addDays(ref, offset));
    case "week":
      return fmtWeek(addDays(ref, 7 * offset));
    case "weekend":
      return `${fmtWeek(addDays(ref, 7 * offset))}-WE`;
    case "month":
      return fmtMonth(addMonths(ref, offset));
    case "quarter": {
      const d = addMonths(day(ref.getUTCFullYear(), ref.getUTCMonth() + 1, 1), 3 * offset);
      return `${fmtYear(d)}-Q${quarterOf(d)}`;
    }
    case "year":
      return String(ref.getUTCFullYear() + offset).padStart(4, "0");
    case "decade":
      return String(Math.floor(ref.getUTCFullYear() / 10) + offset).padStart(3, "0");
    case "century":
      return String(Math.floor(ref.getUTCFullYear() / 100) + offset).padStart(2, "0");
    default: {
      const code = SEASONS_BY_WORD[unit];
      if (!code) return null;
      const start = SEASON_MONTH[code]!;
      const rm = ref.getUTCMonth() + 1;
      let y = ref.getUTCFullYear();
      if (offset < 0 && rm < start + 3) y -= 1;
      if (offset > 0 && rm >= start) y += 1;
      return `${y}-${code}`;
    }
  }
}

const SEASONS_BY_WORD: Readonly<Record<string, string>> = {
  spring: "SP",
  summer: "SU",
  fall: "FA",
  autumn: "FA",
  winter: "WI",
};

/** TIMEX3 duration: (2, "week") → P2W; (null, "day") → PXD; (3, "hour") → PT3H. */
export function duration(n: number | null, unit: string): string {
  // a half unit in the next smaller one: 2.5 years → P2Y6M, 5.5 hours → PT5H30M, 1.5 minutes → PT1M30S
  if (n !== null && !Number.isInteger(n) && Number.isInteger(n * 2)) {
    const whole = Math.floor(n);
    const half: Readonly<Record<string, string>> = {
      year: "6M",
      month: "15D",
      day: "T12H",
      hour: "30M",
      minute: "30S",
    };
    const h = half[unit];
    if (h) {
      const head = whole > 0 ? `${whole}${UNITS[unit]}` : "";
      if (unit === "hour" || unit === "minute") return `PT${head}${h}`;
      return `P${head}${h}`;
    }
  }
  let count: number | null = n;
  let code = UNITS[unit] ?? "D";
  if (unit === "fortnight") count = n === null ? null : n * 2;
  if (unit === "night") code = "D";
  if (unit === "decade" && count !== null) return `P${count * 10}Y`;
  const num = count === null ? "X" : String(count);
  return ["hour", "minute", "second"].includes(unit) ? `PT${num}${code}` : `P${num}${code}`;
}

/** A day shifted by n units, at the unit's granularity: (ref, -1, "year") → "2024". */
export function shiftFrom(base: Day, n: number, unit: string): string | null {
  switch (unit) {
    case "day":
    case "night":
      return fmtDay(addDays(base, n));
    case "week":
    case "fortnight":
      return fmtWeek(addDays(base, 7 * n * (unit === "fortnight" ? 2 : 1)));
    case "month":
      return fmtMonth(addMonths(base, n));
    case "quarter": {
      const d = addMonths(base, 3 * n);
      return `${fmtYear(d)}-Q${quarterOf(d)}`;
    }
    case "year":
      return String(base.getUTCFullYear() + n).padStart(4, "0");
    case "decade":
      return String(Math.floor((base.getUTCFullYear() + 10 * n) / 10)).padStart(3, "0");
    default:
      return null;
  }
}
