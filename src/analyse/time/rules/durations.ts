/**
 * Time rules for durations, vague durations, reference words (now, recently) and sets (daily, every week).
 */

import {
  monthNumber,
  NUM,
  numberValue,
  SEASON,
  SEASONS,
  UNIT,
  unitOf,
  WEEKDAY,
  WEEKDAYS,
} from "../lexicon.ts";
import { duration, shiftFrom } from "../resolve.ts";
import { type Rule, re } from "./shared.ts";

/** Rules for durations, vague durations, reference words (now, recently) and sets (daily, every week). */
export const DURATIONS_RULES: readonly Rule[] = [
  // two weeks, a couple of weeks, the past three months, more than 20 years, two-year, a year ago, days later
  {
    name: "duration",
    pattern: re(
      `(?:\\b(?:the\\s+)?(past|last|next|previous|coming|first|final|latest|following|preceding|better\\s+part\\s+of\\s+the)\\s+|\\bthe\\s+)?(?<![\\w$€£.,-])(${NUM})(?:(?:\\s+(?:to|or)\\s+|-)(?:\\d+|${NUM}))?(?:\\s+|-)(?:(?:trading|business|working|calendar|school)\\s+)?(${UNIT})\\b(?!-old|-long|\\s+old\\b)(\\s+and\\s+a\\s+half)?(?:\\s+or\\s+so)?(?:\\s+(ago|earlier|later|from\\s+now|hence|before|after|beforehand|afterwards))?`,
    ),
    make: (m, text) => {
      const rawNum = m[2]!;
      const n0 = numberValue(rawNum);
      if (n0 === undefined) return null;
      if (/^(the|some|many|a number of)$/i.test(rawNum) && !m[1]) return null;
      const unit = unitOf(m[3]!);
      if (unit === "quarter" && /-/.test(m[0])) return null; // "three-quarters"
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (unit === "quarter" && /^an?$/i.test(rawNum) && /^\s+of\b/i.test(after)) return null; // "a quarter of the market"
      // "a second group": an ordinal, not a duration
      if (
        unit === "second" &&
        /^an?$/i.test(rawNum) &&
        !m[1] &&
        !m[5] &&
        /^\s+[a-z]/i.test(after) &&
        !/^\s+(?:or|and|to|of|later|earlier|before|after)\b/i.test(after)
      )
        return null;
      const tail = m[5]?.toLowerCase().replace(/\s+/g, " ");
      // "a minute and a half"
      const n = m[4] && typeof n0 === "number" ? n0 + 0.5 : n0;
      let span = m[0];
      if (
        tail === "before" ||
        tail === "after" ||
        tail === "later" ||
        tail === "beforehand" ||
        tail === "afterwards"
      )
        span = span.replace(/\s+\w+$/, "");
      const end = m.index + span.trimEnd().length;
      // "a day" alone is too often not a time ("a day of mourning"); keep it only with a modifier
      if (
        /^an?$/i.test(rawNum.trim()) &&
        !m[1] &&
        !m[2] &&
        !tail &&
        unit === "day" &&
        !/\bfor\s+$/i.test(text.slice(Math.max(0, m.index - 5), m.index))
      )
        return null;
      return {
        start: m.index,
        end,
        kind: "other",
        resolve: (env) => {
          if (tail === "ago" || tail === "earlier" || tail === "from now" || tail === "hence") {
            const base = env.ref;
            if (!base) return { type: "DATE", value: null };
            if (n === null)
              return {
                type: "DATE",
                value: tail === "ago" || tail === "earlier" ? "PAST_REF" : "FUTURE_REF",
              };
            const sign = tail === "from now" || tail === "hence" ? 1 : -1;
            if (
              unit === "year" &&
              n === 1 &&
              sign < 0 &&
              env.quarter &&
              /quarter|period|profit|earnings|net income|sales|revenue/.test(env.sentence)
            ) {
              return { type: "DATE", value: `${env.quarter.year - 1}-Q${env.quarter.q}` };
            }
            if (["hour", "minute", "second"].includes(unit))
              return { type: "TIME", value: sign < 0 ? "PAST_REF" : "FUTURE_REF" };
            return { type: "DATE", value: shiftFrom(base, sign * n, unit) };
          }
          if (unit === "weekend" && n === 1) return { type: "DURATION", value: "P1WE" };
          return { type: "DURATION", value: duration(n, unit) };
        },
      };
    },
  },
  // years, days (vague durations in context: "for years", "days after", "years later")
  {
    name: "vague-duration",
    pattern: re(
      "(?:(?<=\\b(?:for|in|within|over|after|took|take|takes|lasted|lasting|spent|spend|nearly|almost)\\s{1,4})\\b(seconds|minutes|hours|days|weeks|months|years|decades|centuries)\\b|\\b(seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?=\\s+(?:later|after|before|earlier)\\b))(\\s+ago)?",
    ),
    make: (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: "other",
      resolve: () => {
        const unit = unitOf((m[1] ?? m[2])!);
        if (m[3]) return { type: "DATE", value: "PAST_REF" };
        return { type: "DURATION", value: duration(null, unit) };
      },
    }),
  },
  // over the years, in the weeks ahead, the months to come (vague durations)
  {
    name: "the-units",
    pattern: re(
      "(?:(?<=\\b(?:over|in|during|through|throughout)\\s{1,4})the\\s+(days|weeks|months|years|decades)(?=\\s+(?:that\\s+followed|since)\\b|\\s*[,.;])|\\bthe\\s+(days|weeks|months|years)\\s+(?:ahead|to\\s+come))\\b",
    ),
    make: (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: "other",
      resolve: () => ({ type: "DURATION", value: duration(null, unitOf((m[1] ?? m[2])!)) }),
    }),
  },
  // recent years, recent weeks
  {
    name: "recent",
    priority: 1,
    pattern: re("\\b(?:recent|past|coming)\\s+(days|weeks|months|years|decades)\\b"),
    make: (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: "other",
      resolve: () => {
        const unit = unitOf(m[1]!);
        if (unit === "year" || unit === "decade")
          return { type: "DATE", value: /^coming/i.test(m[0]) ? "FUTURE_REF" : "PAST_REF" };
        return { type: "DURATION", value: duration(null, unit) };
      },
    }),
  },
  // now, currently, recently, soon, the future
  {
    name: "reference",
    pattern: re(
      "\\b((?:right\\s+)?now|currently|nowadays|these\\s+days|at\\s+present|presently|recently|lately|formerly|(?<=\\b(?:in|for)\\s{1,4})the\\s+past|the\\s+(?:near\\s+|distant\\s+|foreseeable\\s+)?future|(?<=\\b(?:in|near|for)\\s{1,4})future|the\\s+(?:near|short|long)\\s+term|as\\s+soon\\s+as\\s+possible|(?<=\\bat\\s{1,4})a\\s+later\\s+date)\\b(?!-)",
    ),
    make: (m, text) => {
      const w = m[1]!.toLowerCase().replace(/\s+/g, " ");
      if (
        m[1] === "Now" &&
        /(?:^|[.!?"“”'`]\s*)$/.test(text.slice(Math.max(0, m.index - 4), m.index)) &&
        /^\s*(?:,|for\b)/.test(text.slice(m.index + 3, m.index + 8))
      )
        return null; // discourse "Now, ..." and "Now for ..."; "Now officials are ..." is a time
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
      if ((w === "now" || w === "soon") && /^\s+that\b/i.test(after) && w === "soon") return null;
      if (w === "soon" && /^\s*after\b|^\s*as\b/i.test(after)) return null;
      const start = w === "at present" ? m.index + 3 : m.index;
      return {
        start,
        end: m.index + m[0].length,
        kind: "other",
        resolve: () => {
          if (/past|recently|lately|previously|formerly/.test(w)) return { type: "DATE", value: "PAST_REF" };
          if (/future|soon|term|later/.test(w)) return { type: "DATE", value: "FUTURE_REF" };
          return { type: "DATE", value: "PRESENT_REF" };
        },
      };
    },
  },
  // year-earlier, year-ago (financial adjectives)
  {
    name: "year-earlier",
    pattern: re("\\byear-(?:earlier|ago)\\b"),
    make: (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: "other",
      resolve: (env) => {
        if (env.quarter && /quarter/.test(env.sentence))
          return { type: "DATE", value: `${env.quarter.year - 1}-Q${env.quarter.q}` };
        return { type: "DATE", value: env.ref ? String(env.ref.getUTCFullYear() - 1) : null };
      },
    }),
  },
  // daily, weekly, every day, each week, every Monday
  {
    name: "set",
    pattern: re(
      `\\b(?:(daily|weekly|monthly|yearly|hourly|nightly|biweekly)|(?:every|each)\\s+(?:other\\s+)?(?:(${NUM})\\s+)?(${UNIT}|${WEEKDAY}|${SEASON}|january|february|march|april|june|july|august|september|october|november|december))\\b`,
    ),
    make: (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: "other",
      resolve: () => {
        const adverb = m[1]?.toLowerCase();
        const map: Record<string, string> = {
          daily: "P1D",
          weekly: "P1W",
          monthly: "P1M",
          annually: "P1Y",
          yearly: "P1Y",
          hourly: "PT1H",
          quarterly: "P1Q",
          nightly: "P1D",
          biweekly: "P2W",
        };
        if (adverb) return { type: "SET", value: map[adverb] ?? null };
        const word = m[3]!.toLowerCase();
        if (word in WEEKDAYS) return { type: "SET", value: `XXXX-WXX-${WEEKDAYS[word]}` };
        if (word in SEASONS) return { type: "SET", value: `XXXX-${SEASONS[word]}` };
        const month = monthNumber(word);
        if (month) return { type: "SET", value: `XXXX-${String(month).padStart(2, "0")}` };
        const n = m[2] ? numberValue(m[2]) : 1;
        return { type: "SET", value: duration(n ?? null, unitOf(word)) };
      },
    }),
  },
];
