/**
 * The recognition rules: each a regular expression whose match becomes a candidate time expression with a
 * resolver. Spans follow TIMEX3 extent: no leading preposition; determiners and modifiers are kept.
 */
import { addDays, day, fmtDay, fmtMonth, parseDay, quarterOf } from "./calendar.ts";
import {
  DAY_PARTS,
  MONTH,
  monthNumber,
  NUM,
  numberValue,
  ORDINALS,
  SEASON,
  SEASONS,
  UNIT,
  unitOf,
  WEEKDAY,
  WEEKDAYS,
  ZONE,
} from "./lexicon.ts";
import {
  duration,
  type Env,
  inferMonthYear,
  inferYear,
  type Resolved,
  shiftedUnit,
  shiftFrom,
  weekday,
} from "./resolve.ts";

/** A candidate span and how to resolve it once the context is known. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  /** Higher wins among candidates of equal extent. */
  readonly priority: number;
  /** "clock" for a bare time of day (may merge with a neighbouring day). */
  readonly kind: "clock" | "day" | "other";
  resolve(env: Env): Resolved | null;
}

interface Rule {
  readonly name: string;
  readonly pattern: RegExp;
  readonly priority?: number;
  make(m: RegExpExecArray, text: string): Candidate | Omit<Candidate, "priority"> | null;
}

const re = (source: string, flags = "gi"): RegExp => new RegExp(source, flags);
const isCap = (s: string | undefined): boolean => !!s && /^[A-Z]/.test(s);
const PREFIX_MOD =
  "(?:(?:the\\s+)?(?:end|beginning|start|middle|turn)\\s+of\\s+(?:the\\s+)?|(?:early|late|mid)(?:\\s+|-)|mid-?)";
const PART = "(morning|afternoon|evening|night)";
const TIME_WORDS = new Set([
  "In",
  "By",
  "Since",
  "Until",
  "On",
  "Last",
  "Next",
  "This",
  "Early",
  "Late",
  "Mid",
  "From",
  "Through",
  "During",
  "Before",
  "After",
  "Of",
  "And",
  "Or",
  "To",
  "Between",
  "Each",
  "Every",
  "Since",
  "The",
  "Until",
  "Till",
  "Throughout",
]);

/** The word before position i, or "". */
function wordBefore(text: string, i: number): string {
  const m = /([A-Za-z][A-Za-z.'-]*)\s*$/.exec(text.slice(Math.max(0, i - 30), i));
  return m?.[1] ?? "";
}

/** Clock value "T14:05" from hour, minutes and an am/pm marker. */
function clock(h: number, min: number, ampm: string | undefined): string | null {
  let hour = h;
  const a = ampm?.toLowerCase().replace(/\./g, "");
  if (a === "pm" && hour < 12) hour += 12;
  if (a === "am" && hour === 12) hour = 0;
  if (hour > 24 || min > 59) return null;
  return `T${String(hour).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

function full(y: number | null, m: number, d: number): string {
  const yy = y === null ? "XXXX" : String(y).padStart(4, "0");
  return `${yy}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function validDay(y: number, m: number, d: number): boolean {
  const dt = day(y, m, d);
  return dt.getUTCMonth() + 1 === m && dt.getUTCDate() === d;
}

const RULES: readonly Rule[] = [
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
      `(?:\\b${WEEKDAY},?\\s+)?\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s+(\\d{4})\\b)?`,
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
          return { type: "DATE", value: full(y, mo, d) };
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
  // (early) February( of) 2022
  {
    name: "month-year",
    priority: 1,
    pattern: re(`(?:${PREFIX_MOD})?\\b(${MONTH}),?\\s+(?:of\\s+)?(\\d{4})\\b`),
    make: (m) => {
      if (!isCap(m[1])) return null;
      const mo = monthNumber(m[1]!);
      if (!mo) return null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        kind: "other",
        resolve: () => ({ type: "DATE", value: `${m[2]}-${String(mo).padStart(2, "0")}` }),
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
          const y = inferMonthYear(mo, { ...env, dir: env.dir === "past" ? "neutral" : env.dir });
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
        /^\s*(?:%|percent|people|men|women|troops|soldiers|votes|times|miles|kilometers|meters|feet|pounds|tons|dollars|euros|cases|members|employees|workers|students|jobs|homes|units|shares|points|acres|residents|deaths|children|officers|refugees)\b/i.test(
          after,
        )
      )
        return null;
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
      return {
        start: m.index,
        end: m.index + m[0].length,
        kind: m[3] ? "other" : "day",
        resolve: (env) => {
          const v = weekday(WEEKDAYS[name.toLowerCase()]!, rel, env);
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
    pattern: re("\\bthe\\s+(first|second)\\s+half(?:\\s+of\\s+(\\d{4}|this year|last year|next year))?\\b"),
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
      `(?:\\b(this|last|next|early|late|(?<=\\b(?:in|during|since|until|by|over)\\s{1,4})the)\\s+)?\\b(${SEASON})\\b(?:\\s+(?:of\\s+)?(\\d{4})\\b)?`,
    ),
    make: (m, text) => {
      const season = SEASONS[m[2]!.toLowerCase()]!;
      const rel = m[1]?.toLowerCase();
      const before = text.slice(Math.max(0, m.index - 10), m.index);
      if (!m[3] && !rel && !/\b(?:in|during|since|until|by|over)\s+$/i.test(before)) return null;
      if (m[2]!.toLowerCase() === "fall" && !m[3] && !rel) return null;
      return {
        start: rel === "the" && !m[3] ? m.index + 4 : m.index,
        end: m.index + m[0].length,
        kind: "other",
        resolve: (env) => {
          if (m[3]) return { type: "DATE", value: `${m[3]}-${season}` };
          const offset = rel === "last" ? -1 : rel === "next" ? 1 : 0;
          if (offset !== 0 || rel === "this")
            return { type: "DATE", value: shiftedUnit(m[2]!.toLowerCase(), offset, env) };
          const y = env.ref?.getUTCFullYear();
          return { type: "DATE", value: y === undefined ? null : `${y}-${season}` };
        },
      };
    },
  },
  // two weeks, a couple of weeks, the past three months, more than 20 years, two-year, a year ago, days later
  {
    name: "duration",
    pattern: re(
      `(?:\\b(?:the\\s+)?(past|last|next|previous|coming|first|final|latest|following|preceding|better\\s+part\\s+of\\s+the)\\s+|\\bthe\\s+)?(?<![\\w$€£.,-])(${NUM})(?:(?:\\s+(?:to|or)\\s+|-)(?:\\d+|${NUM}))?(?:\\s+|-)(${UNIT})\\b(?!-old|-long)(?:\\s+or\\s+so)?(?:\\s+(ago|earlier|later|from\\s+now|hence|before|after|beforehand|afterwards))?`,
    ),
    make: (m, text) => {
      const rawNum = m[2]!;
      const n = numberValue(rawNum);
      if (n === undefined) return null;
      if (/^(the|some|many|a number of)$/i.test(rawNum) && !m[1]) return null;
      const unit = unitOf(m[3]!);
      if (unit === "quarter" && /-/.test(m[0])) return null; // "three-quarters"
      const tail = m[4]?.toLowerCase().replace(/\s+/g, " ");
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
      "\\b((?:right\\s+)?now|currently|nowadays|these\\s+days|at\\s+present|presently|recently|lately|formerly|(?<=\\b(?:in|for)\\s{1,4})the\\s+past|the\\s+(?:near\\s+|distant\\s+|foreseeable\\s+)?future|(?<=\\b(?:in|near|for)\\s{1,4})future|the\\s+(?:near|short|long)\\s+term)\\b(?!-)",
    ),
    make: (m, text) => {
      const w = m[1]!.toLowerCase().replace(/\s+/g, " ");
      if (m[1] === "Now" && /(?:^|[.!?"“”'`]\s*)$/.test(text.slice(Math.max(0, m.index - 4), m.index)))
        return null; // discourse "Now, ..."
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
          if (/future|soon|term/.test(w)) return { type: "DATE", value: "FUTURE_REF" };
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
      `\\b(?:(daily|weekly|monthly|yearly|hourly|nightly|biweekly)|(?:every|each)\\s+(?:other\\s+)?(?:(${NUM})\\s+)?(${UNIT}|${WEEKDAY}|${SEASON}))\\b`,
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
        const n = m[2] ? numberValue(m[2]) : 1;
        return { type: "SET", value: duration(n ?? null, unitOf(word)) };
      },
    }),
  },
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
      "(?:\\bthe\\s+(?:comparable\\s+|corresponding\\s+|same\\s+)?)?\\b(?:(year-earlier|year-ago|(?:19|20)\\d\\d|this\\s+year's|last\\s+year's)\\s+(?:(first|second|third|fourth|fiscal)\\s+)?(period|quarter|nine\\s+months|six\\s+months|first\\s+half|second\\s+half)|(?:the\\s+)?(?:(current|latest|last|previous|full|same)\\s+)?(fiscal|full|calendar)\\s+year(?!\\s+\\d)|(year-end|year\\s+end|year's\\s+end|the\\s+end\\s+of\\s+the\\s+(?:year|month)))\\b",
    ),
    make: (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: "other",
      resolve: (env) => {
        const ref = env.ref;
        const ry = ref?.getUTCFullYear() ?? null;
        if (m[7]) {
          if (ry === null) return { type: "DATE", value: null };
          return { type: "DATE", value: /month/i.test(m[7]) ? fmtMonth(ref!) : String(ry) };
        }
        if (m[6]) {
          if (ry === null) return { type: "DATE", value: null };
          const off = /last|previous/i.test(m[5] ?? "") ? -1 : 0;
          return { type: "DATE", value: String(ry + off) };
        }
        const who = m[1]!.toLowerCase();
        let y: number | null;
        if (/^\d{4}$/.test(who)) y = Number(who);
        else if (who.startsWith("this")) y = ry;
        else if (who.startsWith("last")) y = ry === null ? null : ry - 1;
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
  // $5 million a year
  {
    name: "rate",
    priority: 3,
    pattern: re(
      "(?<=\\d\\s{0,4}(?:million|billion|trillion|percent|%)?\\s)an?\\s+(year|month|week|day|hour)\\b",
    ),
    make: (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: "other",
      resolve: () => ({ type: "SET", value: duration(1, m[1]!.toLowerCase()) }),
    }),
  },
  // 10:35 a.m. (EDT), 3 pm, 14:00 GMT, noon, midnight
  {
    name: "clock",
    priority: 1,
    pattern: re(
      `(?:\\b(?:about|around|approximately|roughly)\\s+)?(?:\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.\\s?m\\.?|p\\.\\s?m\\.?|am\\b|pm\\b)(?:\\s+(${ZONE})\\b)?|\\b(\\d{1,2}):(\\d{2})(?:\\s*(${ZONE}|hrs|h)\\b)|\\b(noon|midnight|midday)\\b(?:\\s+(${ZONE})\\b)?)`,
      "g",
    ),
    make: (m) => {
      const raw = m[0];
      if (/^(?:about|around|approximately|roughly)/i.test(raw) && !/\d|noon|midnight|midday/i.test(raw))
        return null;
      return {
        start: m.index,
        end: m.index + m[0].length,
        kind: "clock",
        resolve: () => {
          let v: string | null;
          if (m[8]) v = m[8].toLowerCase() === "midnight" ? "T24:00" : "T12:00";
          else if (m[1]) v = clock(Number(m[1]), Number(m[2] ?? 0), m[3]);
          else v = clock(Number(m[5]), Number(m[6]), undefined);
          return v === null ? null : { type: "TIME", value: v };
        },
      };
    },
  },
  // Christmas, Thanksgiving, New Year's Day
  {
    name: "holiday",
    pattern: re(
      "\\b(Christmas(?:\\s+(?:Day|Eve))?|New\\s+Year's\\s+(?:Day|Eve)|Thanksgiving(?:\\s+Day)?|Halloween|Independence\\s+Day)\\b",
      "g",
    ),
    make: (m) => ({
      start: m.index,
      end: m.index + m[0].length,
      kind: "day",
      resolve: (env) => {
        const name = m[1]!.toLowerCase().replace(/\s+/g, " ");
        const fixed: Record<string, [number, number]> = {
          christmas: [12, 25],
          "christmas day": [12, 25],
          "christmas eve": [12, 24],
          "new year's day": [1, 1],
          "new year's eve": [12, 31],
          halloween: [10, 31],
          "independence day": [7, 4],
        };
        if (name.startsWith("thanksgiving")) {
          const ry = env.ref?.getUTCFullYear() ?? null;
          if (ry === null) return { type: "DATE", value: null };
          const y = env.ref!.getUTCMonth() < 10 && env.dir !== "future" ? ry - 1 : ry;
          const nov1 = day(y, 11, 1);
          const firstThu = 1 + ((4 - nov1.getUTCDay() + 7) % 7);
          return { type: "DATE", value: full(y, 11, firstThu + 21) };
        }
        const [mo, d] = fixed[name] ?? [1, 1];
        return { type: "DATE", value: full(inferYear(mo, d, { ...env, dir: "neutral" }), mo, d) };
      },
    }),
  },
];

/**
 * Every candidate every rule proposes for `text`, unresolved and possibly overlapping.
 * @param text the text to scan
 */
export function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (const m of text.matchAll(rule.pattern)) {
      const c = rule.make(m as RegExpExecArray, text);
      if (!c || c.end <= c.start) continue;
      out.push({ priority: rule.priority ?? 0, ...c });
    }
  }
  return out;
}

/** `quarterOf` re-exported for the index (day precision dates name their quarter). */
export { fmtMonth, quarterOf };
