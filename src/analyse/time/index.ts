/**
 * Time expressions: find DATE, TIME, DURATION and SET expressions and normalise them to TIMEX3 values
 * against a reference (publication) date.
 */
import type { Span, TimeExpression } from "../../core/index.ts";
import { splitSentences } from "../text/index.ts";
import { type Day, fmtDay, parseDay } from "./calendar.ts";
import type { Env, Resolved } from "./resolve.ts";
import { type Candidate, candidates } from "./rules/index.ts";
import { direction } from "./tense.ts";

export { addDays, addMonths, type Day, daysBetween, fmtDay, fmtWeek, parseDay } from "./calendar.ts";
export { direction } from "./tense.ts";

/** How far (characters) either side of an expression its tense and sentence context are read. */
const CONTEXT = 300;

/** Between a time of day and its day: "10 p.m. Wednesday", "Friday at 3 pm", "5 p.m. EST, Nov. 9". */
const CLOCK_THEN_DAY = /^\s*,?\s*(?:on\s+)?$/i;
const DAY_THEN_CLOCK = /^\s*,?\s*(?:at\s+)?$/i;

/**
 * Sentence spans when none are given: the pipeline's splitter (which keeps "10 p.m. Sunday" and "Jan. 27" inside
 * one sentence), each part also split where a sentence end lost its space ("police.According to").
 * @example fallbackSentences("A man. He left.") // [{start: 0, end: 6}, {start: 7, end: 15}]
 */
export function fallbackSentences(text: string): Span[] {
  const out: Span[] = [];
  for (const s of splitSentences(text)) {
    let start = s.start;
    for (const m of text.slice(s.start, s.end).matchAll(/(?<=[a-z]{2}[.!?]["”’)]?)(?=[A-Z][a-z])/g)) {
      out.push({ start, end: s.start + m.index });
      start = s.start + m.index;
    }
    out.push({ start, end: s.end });
  }
  return out;
}

/** Longest candidates win; among equals, the higher priority, then the earlier. */
function select(all: readonly Candidate[]): Candidate[] {
  const sorted = [...all].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start,
  );
  const chosen: Candidate[] = [];
  for (const c of sorted) {
    if (chosen.some((x) => x.start < c.end && c.start < x.end)) continue;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Join a time of day with an adjacent day into one TIME expression. */
function mergeClocks(text: string, list: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    const next = list[i + 1];
    if (
      next &&
      c.kind !== next.kind &&
      (c.kind === "clock" || next.kind === "clock") &&
      (c.kind === "day" || next.kind === "day")
    ) {
      const gap = text.slice(c.end, next.start);
      const ok = c.kind === "clock" ? CLOCK_THEN_DAY.test(gap) : DAY_THEN_CLOCK.test(gap);
      if (ok) {
        const [dayC, clockC] = c.kind === "day" ? [c, next] : [next, c];
        out.push({
          start: c.start,
          end: next.end,
          priority: 0,
          kind: "other",
          resolve: (env) => {
            const d = dayC.resolve(env);
            const t = clockC.resolve(env);
            if (!t) return d;
            const date = d?.value && /^\d{4}-\d{2}-\d{2}$/.test(d.value) ? d.value : null;
            return { type: "TIME", value: date && t.value ? `${date}${t.value}` : null };
          },
        });
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/**
 * Find the time expressions of a text and resolve them against a reference date.
 *
 * @param text the article text; spans index it
 * @param sentences sentence spans (used for tense context); may be empty, then the text is split simply
 * @param reference ISO 8601 reference date (usually the publication date), or null: relative values are then null
 * @returns expressions in text order, with TIMEX3 type and value
 * @example
 * findTimes("Lindqvist met Berg last month.", [], "2025-09-01")
 * // [{ start: 16, end: 26, text: "last month", type: "DATE", value: "2025-08" }]
 */
export function findTimes(
  text: string,
  sentences: readonly Span[],
  reference: string | null,
): TimeExpression[] {
  const sents = sentences.length > 0 ? sentences : fallbackSentences(text);
  const ref: Day | null = parseDay(reference);
  const list = mergeClocks(text, select(candidates(text)));
  const out: TimeExpression[] = [];
  let anchor: Day | null = ref;
  let lastDate: string | null = null;
  // The reporting quarter of a results story: the last quarter completed before the reference.
  let quarter: Env["quarter"] = null as Env["quarter"];
  if (ref && /\bquarter\b/i.test(text)) {
    const m = ref.getUTCMonth() - 3;
    const y = ref.getUTCFullYear() + (m < 0 ? -1 : 0);
    quarter = { year: y, q: Math.floor(((m + 12) % 12) / 3) + 1 };
  }
  let si = 0;
  for (const c of list) {
    while (si < sents.length - 1 && sents[si]!.end <= c.start) si++;
    const s = sents[si] ?? { start: 0, end: text.length };
    // the sentence around the expression, at most CONTEXT characters either side (keeps long texts linear)
    const from = Math.max(Math.min(s.start, c.start), c.start - CONTEXT);
    const to = Math.min(Math.max(s.end, c.end), c.end + CONTEXT);
    const env: Env = {
      ref,
      dir: direction(text, c.start, c.end, from, to),
      anchor,
      lastDate,
      quarter,
      sentence: text.slice(from, to).toLowerCase(),
    };
    let r: Resolved | null;
    try {
      r = c.resolve(env);
    } catch {
      r = null;
    }
    if (!r) continue;
    if (r.type === "TIME" && r.value?.startsWith("T")) {
      const base = anchor ? fmtDay(anchor) : null;
      r = { type: "TIME", value: base ? `${base}${r.value}` : null };
    }
    const v = r.value ?? "";
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) anchor = parseDay(v);
    if (r.type === "DATE" && /^\d{4}(?:-\d{2}){0,2}$/.test(v)) lastDate = v;
    out.push({ start: c.start, end: c.end, text: text.slice(c.start, c.end), type: r.type, value: r.value });
  }
  return out;
}
