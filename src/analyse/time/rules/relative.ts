/**
 * Time rules for dates relative to the reference: weekdays, today/yesterday, last/this/next UNIT, quarters, halves, seasons.
 */
import { addDays, fmtDay } from "../calendar.ts";
import {
  DAY_PARTS,
  ORDINALS,
  SEASON,
  SEASONS,
  SPELLED_YEAR,
  spelledYear,
  WEEKDAY,
  WEEKDAYS,
} from "../lexicon.ts";
import { shiftedUnit, weekday } from "../resolve.ts";
import { isCap, PART, PREFIX_MOD, type Rule, re } from "./shared.ts";

/** Rules for dates relative to the reference: weekdays, today/yesterday, last/this/next UNIT, quarters, halves, seasons. */
export const RELATIVE_RULES: readonly Rule[] = [
  // (last|next|this) Friday (morning)
  {
    name: "weekday",
    priority: 1,
    pattern: re(
      `(?:\\b(last|next|this|coming|past|early|late|the\\s+previous|the\\s+following|this\\s+coming|this\\s+past)\\s+)?\\b(${WEEKDAY})(?:\\s+${PART}\\b)?(?![\\w-])`,
    ),
    make: (m, text) => {
      const name = m[2]!;
      if (!isCap(name)) return null;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
      if (/^[ -]?[A-Z]/.test(after) && !/^[ ,]/.test(after)) return null;
      const mod = m[1]
        ?.toLowerCase()
        .replace(/\s+/g, " ")
        .replace(/^(the|this) /, "");
      const rel =
        mod === "early" || mod === "late"
          ? undefined
          : mod === "previous"
            ? "last"
            : mod === "following"
              ? "next"
              : mod;
      // "Saturday's attack": a possessive weekday in news is nearly always one that has passed
      const possessive = /^['’]s\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
      return {
        start: m.index,
        end: m.index + m[0].length,
        kind: m[3] ? "other" : "day",
        resolve: (env) => {
          const v = weekday(WEEKDAYS[name.toLowerCase()]!, rel, possessive ? { ...env, dir: "past" } : env);
          if (m[3])
            return { type: "TIME", value: v === null ? null : `${v}${DAY_PARTS[m[3].toLowerCase()]}` };
          return { type: "DATE", value: v };
        },
      };
    },
  },
  // today, yesterday morning, tonight, last night, this morning
  {
    name: "deictic",
    priority: 2,
    pattern: re(
      `\\b(?:(?:early|late)\\s+)?(?:(today|tonight|yesterday|tomorrow)(?:\\s+${PART})?|(this|last|tomorrow|yesterday)\\s+${PART}|(overnight))\\b(?!-)`,
    ),
    make: (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: m[1] && !m[2] && m[1].toLowerCase() !== "tonight" ? "day" : "other",
      resolve: (env) => {
        if (!env.ref) return { type: m[1] && !m[2] ? "DATE" : "TIME", value: null };
        const word = (m[1] ?? m[3] ?? m[5] ?? "").toLowerCase();
        const offset =
          word === "yesterday" || word === "last" || word === "overnight" ? -1 : word === "tomorrow" ? 1 : 0;
        const date = fmtDay(addDays(env.ref, offset));
        if (m[5]) return { type: "TIME", value: `${date}TNI` };
        if (word === "tonight") return { type: "TIME", value: `${date}TNI` };
        const part = m[2] ?? m[4];
        if (part) return { type: "TIME", value: `${date}${DAY_PARTS[part.toLowerCase()]}` };
        return { type: "DATE", value: date };
      },
    }),
  },
  // last month, this week, next year, the past year (duration), earlier this year, last weekend, last fall
  {
    name: "relative-unit",
    priority: 1,
    pattern: re(
      `(?:${PREFIX_MOD})?\\b(this\\s+past|this\\s+coming|this|last|next|past|coming|previous|current|the\\s+past|the\\s+last|the\\s+next|the\\s+coming|the\\s+previous|the\\s+current|the\\s+same)\\s+(week|weekend|month|year|quarter|decade|century|${SEASON})\\b(?!-)`,
    ),
    make: (m) => {
      const rel = m[1]!.toLowerCase().replace(/\s+/g, " ");
      const unit = m[2]!.toLowerCase();
      return {
        start: m.index,
        end: m.index + m[0].length,
        kind: "other",
        resolve: (env) => {
          const base = rel.replace(/^(?:the|this) (?=past|coming|last|next|previous|current|same)/, "");
          const offset =
            base === "last" || base === "previous" || base === "past"
              ? -1
              : base === "next" || base === "coming"
                ? 1
                : 0;
          if (unit === "quarter" && base === "same" && env.quarter) {
            return { type: "DATE", value: `${env.quarter.year}-Q${env.quarter.q}` };
          }
          return { type: "DATE", value: shiftedUnit(unit, offset, env) };
        },
      };
    },
  },
  // the third quarter (of 1989), third-quarter, the latest quarter, the year-earlier quarter
  {
    name: "quarter",
    priority: 2,
    pattern: re(
      "(?:\\bthe\\s+)?(?:(?:fiscal|calendar)\\s+)?\\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)(?:\\s+|-)(?:fiscal\\s+)?quarter|(latest|current|year-earlier|year-ago|comparable|recent|fiscal)\\s+quarter|(?<=\\bthe\\s{1,4})quarter)\\b(?!-ended)(?:\\s+of\\s+(?:fiscal\\s+)?(\\d{4})\\b)?",
    ),
    make: (m) => ({
      start: /^the\s+\w+-quarter\b/i.test(m[0]) ? m.index + m[0].indexOf(" ") + 1 : m.index,
      end: m.index + m[0].length,
      kind: "other",
      resolve: (env) => {
        const ordinal = m[1] ? ORDINALS[m[1].toLowerCase()] : undefined;
        const ref = env.ref;
        if (ordinal) {
          let y: number | null = m[3] ? Number(m[3]) : null;
          if (y === null && ref) {
            y = ref.getUTCFullYear();
            const startMonth = (ordinal - 1) * 3 + 1;
            if (env.dir === "future" ? false : startMonth > ref.getUTCMonth() + 1) y -= 1;
          }
          return { type: "DATE", value: `${y === null ? "XXXX" : y}-Q${ordinal}` };
        }
        const word = m[2]?.toLowerCase();
        if (word === "year-earlier" || word === "year-ago" || word === "comparable") {
          if (env.quarter) return { type: "DATE", value: `${env.quarter.year - 1}-Q${env.quarter.q}` };
          return ref ? { type: "DATE", value: `${ref.getUTCFullYear() - 1}-QX` } : null;
        }
        if (word === "current") return { type: "DATE", value: shiftedUnit("quarter", 0, env) };
        return { type: "DATE", value: shiftedUnit("quarter", -1, env) };
      },
    }),
  },
  // the first half (of 1990)
  {
    name: "half",
    pattern: re(
      "\\bthe\\s+(first|second|last|latter)\\s+half(?:\\s+of\\s+(\\d{4}|this year|last year|next year))?\\b",
    ),
    make: (m, text) => {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
      if (!m[2] && /^\s+of\b/i.test(after)) return null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        kind: "other",
        resolve: (env) => {
          const h = m[1]!.toLowerCase() === "first" ? 1 : 2;
          let y: string | null = null;
          if (m[2] && /^\d+$/.test(m[2])) y = m[2];
          else if (env.ref) {
            const off = m[2]?.startsWith("last") ? -1 : m[2]?.startsWith("next") ? 1 : 0;
            y = String(env.ref.getUTCFullYear() + off);
          }
          return { type: "DATE", value: `${y ?? "XXXX"}-H${h}` };
        },
      };
    },
  },
  // (last|this|next|early|late) summer, summer 2020
  {
    name: "season",
    pattern: re(
      `(?:\\b(this|last|next|early|late|(?<=\\b(?:in|during|since|until|by|over)\\s{1,4})the)\\s+)?\\b(${SEASON})\\b(?:\\s+(?:of\\s+)?(\\d{4}|${SPELLED_YEAR})\\b)?`,
    ),
    make: (m, text) => {
      const season = SEASONS[m[2]!.toLowerCase()]!;
      const rel = m[1]?.toLowerCase();
      const before = text.slice(Math.max(0, m.index - 10), m.index);
      if (!m[3] && !rel && !/\b(?:in|during|since|until|by|over)\s+$/i.test(before)) return null;
      if (m[2]!.toLowerCase() === "fall" && !m[3] && !rel) return null;
      // a capitalised season before a capitalised word is a name: "in Winter Garden", "at Spring Lake Square"
      if (!m[3] && /^[A-Z]/.test(m[2]!) && /^\s+[A-Z][a-z]/.test(text.slice(m.index + m[0].length)))
        return null;
      return {
        start: rel === "the" && !m[3] ? m.index + 4 : m.index,
        end: m.index + m[0].length,
        kind: "other",
        resolve: (env) => {
          if (m[3]) {
            const y = /^\d+$/.test(m[3]) ? Number(m[3]) : spelledYear(m[3]);
            return { type: "DATE", value: y === undefined ? null : `${y}-${season}` };
          }
          const offset = rel === "last" ? -1 : rel === "next" ? 1 : 0;
          if (offset !== 0 || rel === "this")
            return { type: "DATE", value: shiftedUnit(m[2]!.toLowerCase(), offset, env) };
          const y = env.ref?.getUTCFullYear();
          return { type: "DATE", value: y === undefined ? null : `${y}-${season}` };
        },
      };
    },
  },
];
