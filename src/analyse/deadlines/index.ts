/**
 * Deadlines and ultimatums: who set them (setter), on whom (target), what is demanded, and when it is due.
 * "a Monday deadline set by Berg to agree to peace talks" → due 2025-09-01; "gave Lindqvist a couple of weeks"
 * said on 22 August → due about 2025-09-05, window 2025-09-03..2025-09-07, counted from 2025-08-22.
 */
import type { Deadline, Entity, Span, TimeExpression } from "../../core/index.ts";
import type { AnalysisContext } from "../context.ts";
import { addDays, addMonths, type Day, fallbackSentences, fmtDay, parseDay } from "../time/index.ts";

const DEADLINE_WORD =
  /\b(?:deadlines?|ultimatums?|cut-?off\s+date|expires?|expiring|expiry|runs\s+out|lapses)\b/gi;
const GIVE = /\b(?:gave|give|gives|given|giving|granted|grant|grants|allowed|allow|has|have|had|within)\b/gi;
const BY_WORD = /\b(?:by|until|till|before|no\s+later\s+than)\s+$/i;
const OBLIGATION =
  /\b(?:must|has\s+to|have\s+to|had\s+to|needs?\s+to|ordered|orders|demanded|demands|told|asked|required|requires|called\s+on|urged|given|gave|has\s+until|have\s+until|had\s+until|ultimatum|deadline|due)\b/i;
const VAGUE = /\b(?:couple|few|several|some|about|around|roughly|nearly|or\s+so)\b/i;

/** Days either side of an approximate due date, per unit. */
const SLACK: Readonly<Record<string, number>> = { D: 1, W: 2, M: 7, Y: 30 };
/** A vague count ("a few weeks"): the count used and how far the window reaches either side, in units. */
const VAGUE_COUNT = 3;

interface Due {
  readonly due: string | null;
  readonly approximate: boolean;
  readonly window?: { from: string; to: string };
  readonly counted?: string;
}

function shift(d: Day, n: number, unit: string): Day {
  if (unit === "D") return addDays(d, n);
  if (unit === "W") return addDays(d, 7 * n);
  if (unit === "M") return addMonths(d, n);
  return addMonths(d, 12 * n);
}

/**
 * The due date of a duration given on a day: (P2W, "a couple of weeks", 2025-08-22) → about 2025-09-05.
 * @param value the TIMEX3 duration (P2W, PXD, P10D)
 * @param text the expression as written (vague words make it approximate)
 * @param counted the day it runs from
 */
export function dueFromDuration(value: string, text: string, counted: Day): Due | null {
  const m = /^P(\d+(?:\.\d+)?|X)(D|W|M|Y)$/.exec(value);
  if (!m) return null;
  const unit = m[2]!;
  const vague = m[1] === "X";
  const n = vague ? VAGUE_COUNT : Number(m[1]);
  const due = shift(counted, n, unit);
  if (!vague && !VAGUE.test(text)) return { due: fmtDay(due), approximate: false, counted: fmtDay(counted) };
  const from = vague ? shift(counted, n - 1, unit) : addDays(due, -SLACK[unit]!);
  const to = vague ? shift(counted, n + 1, unit) : addDays(due, SLACK[unit]!);
  return {
    due: fmtDay(due),
    approximate: true,
    window: { from: fmtDay(from), to: fmtDay(to) },
    counted: fmtDay(counted),
  };
}

/** Entity ids with a mention in [start, end), with positions. */
function mentions(
  entities: readonly Entity[],
  start: number,
  end: number,
): { id: string; type: string; at: number; end: number }[] {
  const out: { id: string; type: string; at: number; end: number }[] = [];
  for (const e of entities)
    for (const m of e.mentions)
      if (m.start >= start && m.end <= end) out.push({ id: e.id, type: e.type, at: m.start, end: m.end });
  return out.sort((a, b) => a.at - b.at);
}

/** What is demanded: "to agree to peace talks with Kovac", "for Lindqvist's response". */
function demandAfter(text: string, from: number, to: number): { demand: string; end: number } | null {
  const rest = text.slice(from, to);
  const m =
    /^(?:[^.;"“”]{0,60}?)\b(to|for)\s+((?:[^,.;:"“”()]|[,.](?=\S)){3,90}?)(?=\s*(?:[,.;:](?:\s|$)|["“”()]|\bbefore\b|\bor\b|$))/.exec(
      rest,
    );
  if (!m) return null;
  const demand = m[2]!.trim();
  if (/^(?:the\s+)?(?:end|start|beginning)\b/i.test(demand)) return null;
  if (
    m[1] === "for" &&
    !/\b(?:response|answer|reply|decision|agreement|talks|ceasefire|withdrawal|release|payment|approval|deal)\b/i.test(
      demand,
    )
  )
    return null;
  return { demand, end: from + (m.index ?? 0) + m[0].length };
}

/** Resolve the due date of a time expression said in a sentence. */
function dueOf(t: TimeExpression, sentenceTimes: readonly TimeExpression[], ref: Day | null): Due | null {
  if (!t.value) return null;
  if (t.type === "DATE" || t.type === "TIME") {
    if (/_REF$/.test(t.value)) return null;
    // "by the end of the month / of June / of the year": the last day
    if (/\bend\s+of\b/i.test(t.text)) {
      const m = /^(\d{4})(?:-(\d{2}))?$/.exec(t.value);
      if (m) {
        const last = m[2]
          ? new Date(Date.UTC(Number(m[1]), Number(m[2]), 0))
          : new Date(Date.UTC(Number(m[1]), 11, 31));
        return { due: fmtDay(last), approximate: false };
      }
    }
    return {
      due: /^\d{4}-\d{2}-\d{2}/.test(t.value) ? t.value.slice(0, 10) : t.value,
      approximate: !/^\d{4}-\d{2}-\d{2}/.test(t.value),
    };
  }
  if (t.type !== "DURATION") return null;
  const said = sentenceTimes.find(
    (x) => x !== t && x.value && /^\d{4}-\d{2}-\d{2}$/.test(x.value) && x.start < t.start,
  );
  const counted = said ? parseDay(said.value) : ref;
  return counted ? dueFromDuration(t.value, t.text, counted) : null;
}

/**
 * Find the deadlines of an article.
 *
 * @param ctx the analysis context: text, sentences (may be empty), reference, entities (setter and target
 *   ids come only from here), times (already resolved against the reference)
 * @returns deadlines with a due date, in text order; the same due date with the same parties is kept once
 * @example
 * findDeadlines(ctx) // [{ text: "Monday as a deadline for Lindqvist's response", due: "2025-09-01", ... }]
 */
export function findDeadlines(ctx: AnalysisContext): Deadline[] {
  const sents: readonly Span[] = ctx.sentences.length > 0 ? ctx.sentences : fallbackSentences(ctx.text);
  const ref = parseDay(ctx.reference);
  const out: Deadline[] = [];
  for (const s of sents) {
    const text = ctx.text.slice(s.start, s.end);
    const times = ctx.times.filter((t) => t.start >= s.start && t.end <= s.end);
    if (times.length === 0) continue;
    const found: { time: TimeExpression; trigger: Span }[] = [];
    // "a Monday deadline", "Monday as a deadline", "a deadline of Friday", "an ultimatum expiring on 5 May"
    for (const m of text.matchAll(DEADLINE_WORD)) {
      const at = s.start + m.index;
      const near = times
        .filter(
          (t) =>
            t.type !== "SET" && Math.min(Math.abs(t.end - at), Math.abs(t.start - (at + m[0].length))) <= 40,
        )
        .sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
      if (near) found.push({ time: near, trigger: { start: at, end: at + m[0].length } });
    }
    // "gave Lindqvist a couple of weeks", "has until Friday"
    for (const m of text.matchAll(GIVE)) {
      const at = s.start + m.index;
      const t = times.find(
        (x) =>
          x.start > at &&
          x.start - at <= 45 &&
          ((x.type === "DURATION" &&
            !/-/.test(x.text) &&
            (/^gave|^give|^gran|^allow|^giv/i.test(m[0]) ||
              // "has 30 days to leave", "must respond within 10 days"
              (/^ha/i.test(m[0]) && /^\s+to\s+[a-z]/.test(ctx.text.slice(x.end, x.end + 12))) ||
              (/^within$/i.test(m[0]) && OBLIGATION.test(text)))) ||
            /^\s*until\s*$/i.test(ctx.text.slice(at + m[0].length, x.start))),
      );
      if (t && !found.some((f) => f.time === t))
        found.push({ time: t, trigger: { start: at, end: at + m[0].length } });
    }
    // "must withdraw by Friday"
    if (OBLIGATION.test(text)) {
      for (const t of times) {
        if (t.type !== "DATE" || found.some((f) => f.time === t)) continue;
        if (BY_WORD.test(ctx.text.slice(Math.max(s.start, t.start - 20), t.start)))
          found.push({ time: t, trigger: { start: t.start, end: t.end } });
      }
    }
    for (const { time, trigger } of found) {
      const due = dueOf(time, times, ref);
      if (!due?.due) continue;
      let start = Math.min(time.start, trigger.start);
      const det = /\b(?:a|an|the|its|his|her|their)\s+$/i.exec(
        ctx.text.slice(Math.max(s.start, start - 6), start),
      );
      if (det) start -= det[0].length;
      let end = Math.max(time.end, trigger.end);
      if (/^["”’]/.test(ctx.text.slice(end, end + 1))) end += 1;
      const setBy = /^\s+(?:set|imposed|issued|given)\s+by\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*/.exec(
        ctx.text.slice(end, s.end),
      );
      const setByAt = end;
      if (setBy) end += setBy[0].length;
      const demand = demandAfter(ctx.text, end, s.end);
      if (demand) end = demand.end;
      const ms = mentions(ctx.entities, s.start, s.end);
      const persons = ms.filter((x) => x.type !== "MISC");
      const setterM = setBy
        ? persons.find((x) => x.at >= setByAt && x.end <= setByAt + setBy[0].length)
        : persons.filter((x) => x.end <= trigger.start).pop();
      const targetM = setBy
        ? persons.filter((x) => x.end <= start).pop()
        : persons.find((x) => x.at >= trigger.end && x.at < time.start + 40 && x.id !== setterM?.id);
      const d: Deadline = {
        start,
        end,
        text: ctx.text.slice(start, end),
        setter: setterM?.id ?? null,
        target: targetM?.id ?? null,
        demand: demand?.demand ?? null,
        due: due.due,
        approximate: due.approximate,
        ...(due.window ? { window: due.window } : {}),
        ...(due.counted && time.type === "DURATION" ? { counted: due.counted } : {}),
      };
      const same = out.findIndex(
        (o) =>
          o.due === d.due &&
          (o.target === d.target || o.target === null || d.target === null) &&
          (o.setter === d.setter || o.setter === null || d.setter === null),
      );
      const prev = out[same];
      if (prev) {
        out[same] = {
          ...prev,
          setter: prev.setter ?? d.setter,
          target: prev.target ?? d.target,
          demand: prev.demand ?? d.demand,
        };
        continue;
      }
      out.push(d);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
