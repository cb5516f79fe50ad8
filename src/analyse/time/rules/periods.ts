/**
 * Time rules for named months and periods, anaphoric dates (that year), results-story periods, weekends.
 */
import { day, fmtMonth, fmtWeek, parseDay } from "../calendar.ts";
import { MONTH, monthNumber, ORDINALS } from "../lexicon.ts";
import { inferYear, shiftedUnit, shiftFrom } from "../resolve.ts";
import { type Rule, re } from "./shared.ts";

/** Rules for named months and periods, anaphoric dates (that year), results-story periods, weekends. */
export const PERIODS_RULES: readonly Rule[] = [
  // last November, this September, next March
  {
    name: "relative-month",
    priority: 2,
    pattern: re(
      "\\b(last|this|next|this\\s+past|this\\s+coming)\\s+(January|February|March|April|May|June|July|August|September|October|November|December)\\b",
      "g",
    ),
    make: (m, text) => {
      if (!/^[a-zA-Z]/.test(text[m.index] ?? "")) return null;
      const mo = monthNumber(m[2]!)!;
      const rel = m[1]!.toLowerCase().replace(/\s+/g, " ");
      return {
        start: m.index,
        end: m.index + m[0].length,
        kind: "other",
        resolve: (env) => {
          if (!env.ref) return { type: "DATE", value: null };
          const ry = env.ref.getUTCFullYear();
          const rm = env.ref.getUTCMonth() + 1;
          let y = ry;
          if (rel === "last" || rel === "this past") y = mo < rm ? ry : ry - 1;
          else if (rel === "next" || rel === "this coming") y = mo > rm ? ry : ry + 1;
          return { type: "DATE", value: `${y}-${String(mo).padStart(2, "0")}` };
        },
      };
    },
  },
  // the year-earlier period, the 1988 third quarter, this year's third quarter, the fiscal year, year-end
  {
    name: "period",
    priority: 3,
    pattern: re(
      "(?:\\bthe\\s+(?:comparable\\s+|corresponding\\s+|same\\s+)?)?\\b(?:(year-earlier|year-ago|(?:19|20)\\d\\d|this\\s+year's|last\\s+year's|next\\s+year's)\\s+(?:(first|second|third|fourth|fiscal)\\s+)?(period|quarter|nine\\s+months|six\\s+months|first\\s+half|second\\s+half)|(?:the\\s+)?(?:(current|latest|last|previous|full|same)\\s+)?(?<!\\ban?\\s{1,3})(fiscal|full|calendar)\\s+year(?!\\s+\\d)|(year-end|year\\s+end|year's\\s+end|the\\s+end\\s+of\\s+the\\s+(?:year|month|quarter|week)))\\b",
    ),
    make: (m, text) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: "other",
      resolve: (env) => {
        const ref = env.ref;
        const ry = ref?.getUTCFullYear() ?? null;
        if (m[6]) {
          if (ry === null) return { type: "DATE", value: null };
          if (/quarter/i.test(m[6])) return { type: "DATE", value: shiftedUnit("quarter", 0, env) };
          if (/week/i.test(m[6])) return { type: "DATE", value: shiftedUnit("week", 0, env) };
          return { type: "DATE", value: /month/i.test(m[6]) ? fmtMonth(ref!) : String(ry) };
        }
        if (m[5]) {
          // "the fiscal year ended March 31" is the span of a year, not a calendar year
          if (/^\s+(?:ended|ending)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8)))
            return { type: "DURATION", value: "P1Y" };
          if (ry === null) return { type: "DATE", value: null };
          // "the latest fiscal year" is the last one completed
          const off = /last|previous|latest/i.test(m[4] ?? "") ? -1 : 0;
          return { type: "DATE", value: String(ry + off) };
        }
        const who = m[1]!.toLowerCase();
        let y: number | null;
        if (/^\d{4}$/.test(who)) y = Number(who);
        else if (who.startsWith("this")) y = ry;
        else if (who.startsWith("last")) y = ry === null ? null : ry - 1;
        else if (who.startsWith("next")) y = ry === null ? null : ry + 1;
        else y = env.quarter ? env.quarter.year - 1 : ry === null ? null : ry - 1;
        if (y === null) return { type: "DATE", value: null };
        const ord = m[2] ? ORDINALS[m[2].toLowerCase()] : undefined;
        const what = m[3]!.toLowerCase().replace(/\s+/g, " ");
        if (what === "first half") return { type: "DATE", value: `${y}-H1` };
        if (what === "second half") return { type: "DATE", value: `${y}-H2` };
        if (what === "nine months" || what === "six months")
          return { type: "DURATION", value: what.startsWith("nine") ? "P9M" : "P6M" };
        const q = ord ?? env.quarter?.q;
        return { type: "DATE", value: q ? `${y}-Q${q}` : String(y) };
      },
    }),
  },
  // the following year, the next day, that year, later that month (counted from the last day-precise date)
  {
    name: "anaphoric",
    priority: 2,
    pattern: re(
      "\\b(?:(?:later|earlier)\\s+)?(the\\s+following|that)\\s+(day|week|month|year|quarter)\\b(?!-)",
    ),
    make: (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: "other",
      resolve: (env) => {
        const unit = m[2]!.toLowerCase();
        const n = /following/i.test(m[1]!) ? 1 : 0;
        // the last date named at least as precisely as the unit, else the last day, else the reference
        const named = env.lastDate;
        const width = unit === "year" ? 4 : unit === "month" ? 7 : 10;
        const base =
          named && named.length >= width
            ? parseDay(`${named.slice(0, 7).padEnd(7, "-01")}-01`.slice(0, 10))
            : null;
        const from = (unit === "year" || unit === "month") && base ? base : (env.anchor ?? env.ref);
        if (!from) return { type: "DATE", value: null };
        return { type: "DATE", value: shiftFrom(from, n, unit) };
      },
    }),
  },
  // the week of March 6 (the ISO week of that day; the day itself is resolved by the date rules)
  {
    name: "week-of",
    priority: 3,
    pattern: re(`\\bthe\\s+week\\s+of\\s+(?=(${MONTH})\\s+(\\d{1,2})\\b(?:,?\\s+(\\d{4}))?)`),
    make: (m) => {
      const mo = monthNumber(m[1]!);
      const d = Number(m[2]);
      if (!mo || d < 1 || d > 31 || !/^[A-Z]/.test(m[1]!)) return null;
      const tail = m[0].length + m[1]!.length + (m[2]!.length + 1) + (m[3] ? m[3].length + 2 : 0);
      return {
        start: m.index,
        end: m.index + tail,
        kind: "other",
        resolve: (env) => {
          const y = m[3] ? Number(m[3]) : inferYear(mo, d, { ...env, dir: "neutral" });
          if (y === null) return { type: "DATE", value: null };
          return { type: "DATE", value: fmtWeek(day(y, mo, d)) };
        },
      };
    },
  },
  // the year ended March 31, the year ending June 30 (a reporting year: a span, not a calendar year)
  {
    name: "year-ended",
    pattern: re("\\bthe\\s+year(?=\\s+(?:ended|ending)\\b)"),
    make: (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: "other",
      resolve: () => ({ type: "DURATION", value: "P1Y" }),
    }),
  },
  // the latest period (of a results story)
  {
    name: "latest-period",
    pattern: re("\\bthe\\s+(?:latest|most\\s+recent|current)\\s+period\\b"),
    make: (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: "other",
      resolve: (env) => ({ type: "DATE", value: shiftedUnit("quarter", -1, env) }),
    }),
  },
  // the weekend, this weekend
  {
    name: "weekend",
    pattern: re("\\bthe\\s+weekend\\b"),
    make: (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: "other",
      resolve: (env) => {
        if (!env.ref) return { type: "DATE", value: null };
        const dow = ((env.ref.getUTCDay() + 6) % 7) + 1;
        const offset = dow >= 6 || env.dir === "future" ? 0 : -1;
        return { type: "DATE", value: shiftedUnit("weekend", offset, env) };
      },
    }),
  },
];
