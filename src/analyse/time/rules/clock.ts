/**
 * Time rules for rates (a year), clock times with zones, holidays.
 */
import { day } from "../calendar.ts";
import { ZONE } from "../lexicon.ts";
import { duration, inferYear } from "../resolve.ts";
import { clock, full, type Rule, re } from "./shared.ts";

/** Rules for rates (a year), clock times with zones, holidays. */
export const CLOCK_RULES: readonly Rule[] = [
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
