/**
 * Deadlines and ultimatums: who set them (setter), on whom (target), what is demanded, and when it is due.
 * "a Monday deadline set by Berg to agree to peace talks" → due 2025-09-01; "gave Lindqvist a couple of weeks"
 * said on 22 August → due about 2025-09-05, window 2025-09-03..2025-09-07, counted from 2025-08-22.
 */
import type { Deadline, Entity, Span, TimeExpression } from "../../core/index.ts";
import type { AnalysisContext } from "../context.ts";
import {
  addDays,
  addMonths,
  type Day,
  daysBetween,
  fallbackSentences,
  fmtDay,
  parseDay,
} from "../time/index.ts";

const DEADLINE_WORD =
  /\b(?:deadlines?|ultimatums?|cut-?off\s+date|expires?|expiring|expiry|runs\s+out|lapses)\b/gi;
const GIVE = /\b(?:gave|give|gives|given|giving|granted|grant|grants|allowed|allow|has|have|had|within)\b/gi;
const BY_WORD =
  /\b(?:by|until|till|before|no\s+later\s+than)\s+(?:(?:dawn|dusk|noon|midnight|sunrise|sunset)\s+(?:on\s+)?)?$/i;
/** A deadline told as gone: "the Sunday deadline passed", "the ultimatum expired". */
const PASSED = /\b(?:passed|expired|lapsed|was\s+missed|were\s+missed|came\s+and\s+went|ran\s+out)\b/i;
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
  // "48 hours" is counted in days from the day it was given (36 hours: about two days)
  const h = /^PT(\d+)H$/.exec(value);
  if (h) {
    const hours = Number(h[1]);
    if (hours < 12) return null;
    const due = fmtDay(addDays(counted, Math.round(hours / 24)));
    if (hours % 24 === 0 && !VAGUE.test(text)) return { due, approximate: false, counted: fmtDay(counted) };
    const at = addDays(counted, Math.round(hours / 24));
    return {
      due,
      approximate: true,
      window: { from: fmtDay(addDays(at, -1)), to: fmtDay(addDays(at, 1)) },
      counted: fmtDay(counted),
    };
  }
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

/** Where a demand stops: punctuation, a quote, or the words that introduce its due date. */
const DEMAND_END =
  '(?=\\s*(?:[,.;:](?:\\s|$)|["“”()]|\\b(?:before|or|by|within|until|till|no\\s+later\\s+than|in\\s+the\\s+next)\\b|\\b(?:on|at)\\s+(?:[A-Z0-9]|the\\s+end\\b|midnight\\b|noon\\b)|$))';

/** An infinitive that states a demand: "to return to work" (not "to the union", "to Kovac"). */
const INFINITIVE = new RegExp(
  `\\bto\\s+(?!(?:the|a|an|his|her|its|their|our|this|that|these|those|be\\s+(?:sure|precise))\\b)([a-z][^,.;:"“”()]{1,90}?)${DEMAND_END}`,
);

/** What is demanded: "to agree to peace talks with Kovac", "for Lindqvist's response". */
function demandAfter(text: string, from: number, to: number): { demand: string; end: number } | null {
  const rest = text.slice(from, to);
  const m = INFINITIVE.exec(rest);
  if (m && m.index <= 80) {
    const demand = m[1]!.trim();
    if (!/^(?:the\s+)?(?:end|start|beginning)\b/i.test(demand))
      return { demand, end: from + m.index + m[0].length };
  }
  const f =
    /^(?:[^.;"“”]{0,60}?)\bfor\s+((?:[^,.;:"“”()]|[,.](?=\S)){3,90}?)(?=\s*(?:[,.;:](?:\s|$)|["“”()]|\b(?:before|or|passed|expired|lapsed|was|is|has|had|came|ran)\b|$))/.exec(
      rest,
    );
  if (
    f &&
    /\b(?:response|answer|reply|decision|agreement|talks|ceasefire|withdrawal|release|payment|approval|deal|bids?|applications?|entries|comments|submissions)\b/i.test(
      f[1]!,
    )
  )
    return { demand: f[1]!.trim(), end: from + f.index + f[0].length };
  return null;
}

/**
 * A demand told before its due date: "ordered X to pay the fine within 30 days", "must hand over the documents
 * by Wednesday", "demanded that X repay the loan by January 15", "an ultimatum to X: resign by Friday".
 */
function demandBefore(text: string, from: number, timeStart: number): string | null {
  const head = text
    .slice(from, timeStart)
    .replace(
      /\s*(?:,\s*)?(?:by|within|before|until|till|no\s+later\s+than|on|at|in|the\s+end\s+of|is|was|falls\s+on|will\s+be)?\s*$/i,
      "",
    );
  const m =
    /(?:\bto\s+(?!(?:the|a|an|his|her|its|their|our)\b)|\b(?:must|should|has\s+to|have\s+to|had\s+to|needs?\s+to)\s+|\bthat\s+|:\s+)([^:;"“”()]{2,90})$/i.exec(
      head.slice(-120),
    );
  if (!m) return null;
  const demand = m[1]!.trim();
  // "that they had until dawn" gives time, not a demand
  if (
    /^(?:the\s+)?(?:deadline|ultimatum)\b|\buntil\b|\b(?:has|have|had)\s*$/i.test(demand) ||
    demand.split(/\s+/).length > 14
  )
    return null;

  return demand;
}

/** Verbs whose subject sets a deadline and whose object is its target. */
const SETTER_VERB =
  /\b(?:gave|give|gives|given|granted|grants?|ordered|orders|told|tells|urged|demanded|demands|asked|called\s+on|warned|set|sets|issued|issues|imposed|delivered|handed)\b/gi;
/** Words after which the subject is the target: "X has until", "X faces a deadline", "X was given". */
const TARGET_VERB =
  /^\s*(?:,[^,]{0,40},\s*)?(?:has|have|had|faces|faced|face|must|was\s+given|were\s+given|was\s+ordered|were\s+ordered|was\s+told|were\s+told|is\s+due|are\s+due|needs?\s+to|will\s+have)\b/i;
/** Right after a setter verb or a deadline word, the target: "gave X", "ultimatum to X", "deadline for X". */
const TARGET_AFTER = /^\s*(?:that\s+|an?\s+ultimatum\s+to\s+|ultimatums?\s+to\s+|to\s+|for\s+|on\s+)?$/i;

/** The setter and target of a deadline from the sentence's entity mentions. */
function parties(
  text: string,
  s: Span,
  trigger: Span,
  time: TimeExpression,
  persons: readonly { id: string; at: number; end: number }[],
  setByAt: number | null,
  setByEnd: number,
): { setter: string | null; target: string | null } {
  let setter: string | null = null;
  let target: string | null = null;
  if (setByAt !== null) setter = persons.find((x) => x.at >= setByAt && x.end <= setByEnd)?.id ?? null;
  // "set by X" anywhere in the sentence: "the ceasefire deadline set by Colonel Vitez runs out on ..."
  setter ??=
    persons.find((x) =>
      /\b(?:set|imposed|issued|given|announced|delivered)\s+by\s+(?:[A-Z][\w.'-]*\s+){0,2}$/.test(
        text.slice(Math.max(s.start, x.at - 40), x.at),
      ),
    )?.id ?? null;
  // "the ultimatum from X"
  setter ??=
    persons.find((x) =>
      /\b(?:ultimatum|deadline)\s+from\s+(?:[A-Z][\w.'-]*\s+){0,2}$/.test(
        text.slice(Math.max(s.start, x.at - 40), x.at),
      ),
    )?.id ?? null;
  // the subject of "has until", "faces a deadline", "must": the target
  for (const x of persons) {
    if (x.end > Math.max(time.start, trigger.start) + 1) break;
    if (TARGET_VERB.test(text.slice(x.end, x.end + 60))) target = x.id;
  }
  // the subject and object of a setter verb: "Kallas gave Dvorin", "issued an ultimatum to Brandt"
  for (const m of text.slice(s.start, s.end).matchAll(SETTER_VERB)) {
    const at = s.start + m.index;
    const end = at + m[0].length;
    const subject = persons
      .filter((x) => x.end <= at && at - x.end <= 45 && !/[.;]/.test(text.slice(x.end, at)))
      .pop();
    // not "a court in Varna gave" (a place in a phrase) nor "Pike was given" (the one given the time)
    const isSubject =
      subject !== undefined &&
      !/\b(?:in|at|from|of|near|for|with|to)\s+(?:the\s+)?$/i.test(
        text.slice(Math.max(s.start, subject.at - 10), subject.at),
      ) &&
      !/\b(?:was|were|been|being|is|are)\s+$/i.test(text.slice(subject.end, at));
    if (subject && isSubject && setter === null && subject.id !== target) setter = subject.id;
    const object = persons.find(
      (x) =>
        x.at >= end &&
        x.at - end <= 40 &&
        (TARGET_AFTER.test(
          text.slice(end, x.at).replace(/\b(?:the|a|an)\s+(?:[a-z]+\s+){0,2}(?=ultimatum|deadline)/i, ""),
        ) ||
          /^\s*(?:an?\s+)?(?:ultimatum|deadline)\s+to\s+$/i.test(text.slice(end, x.at))),
    );
    if (object && target === null && object.id !== setter) target = object.id;
  }
  // "the deadline for X to ...", "a deadline of Wednesday for X"
  if (target === null) {
    const x = persons.find((p) =>
      /\b(?:deadline|ultimatum)\b[^;]{0,40}\bfor\s+(?:the\s+)?$/i.test(
        text.slice(Math.max(s.start, p.at - 45), p.at),
      ),
    );
    if (x && x.id !== setter) target = x.id;
  }
  // the speaker, when no one else set it: ", General Marek said", "Norberg said the agency had 90 days"
  if (setter === null) {
    const speaker = persons.find(
      (x) =>
        x.id !== target &&
        (/^\s*(?:said|says|announced|warned|insisted)\b/i.test(text.slice(x.end, x.end + 12)) ||
          /\b(?:said|says)\s+(?:[A-Z][\w.'-]*\s+){0,3}$/.test(
            text.slice(Math.max(s.start, x.at - 30), x.at),
          )),
    );
    if (speaker) setter = speaker.id;
  }
  return { setter, target };
}

/**
 * A deadline named by its weekday is the coming one unless the sentence says it passed: "had until dawn on
 * Saturday" in a warning reported on Tuesday is the next Saturday; "the Sunday deadline passed" the last one.
 */
function weekdayAhead(due: Due, t: TimeExpression, sentence: string, ref: Day | null): Due {
  if (
    !ref ||
    !due.due ||
    !/^(?:(?:dawn|noon|midnight|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?)\s+(?:on\s+)?)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i.test(
      t.text.replace(/^(?:the|a|an)\s+/i, ""),
    )
  )
    return due;
  const day = parseDay(due.due);
  if (!day) return due;
  const passed = PASSED.test(sentence);
  if (!passed && daysBetween(day, ref) > 0) return { ...due, due: fmtDay(addDays(day, 7)) };
  if (passed && daysBetween(ref, day) > 0) return { ...due, due: fmtDay(addDays(day, -7)) };
  return due;
}

/** Resolve the due date of a time expression said in a sentence. */

function dueOf(t: TimeExpression, sentenceTimes: readonly TimeExpression[], ref: Day | null): Due | null {
  if (!t.value) return null;
  if (t.type === "DATE" || t.type === "TIME") {
    if (/_REF$/.test(t.value)) return null;
    // "by the end of the month / of June / of the year": the last day
    if (/\bend\s+of\b/i.test(t.text)) {
      const q = /^(\d{4})-Q([1-4])$/.exec(t.value);
      if (q)
        return { due: fmtDay(new Date(Date.UTC(Number(q[1]), Number(q[2]) * 3, 0))), approximate: false };
      const m = /^(\d{4})(?:-(\d{2}))?$/.exec(t.value);
      if (m) {
        const last = m[2]
          ? new Date(Date.UTC(Number(m[1]), Number(m[2]), 0))
          : new Date(Date.UTC(Number(m[1]), 11, 31));
        return { due: fmtDay(last), approximate: false };
      }
    }
    // "by the end of next week": its Sunday; "by next week": about its Friday
    const w = /^(\d{4})-W(\d{2})$/.exec(t.value);
    if (w) {
      const jan4 = Date.UTC(Number(w[1]), 0, 4);
      const monday = jan4 - (((new Date(jan4).getUTCDay() + 6) % 7) - 7 * (Number(w[2]) - 1)) * 86_400_000;
      const day = new Date(monday + (/\bend\s+of\b/i.test(t.text) ? 6 : 4) * 86_400_000);
      return { due: fmtDay(day), approximate: true };
    }
    if (!/^\d{4}-\d{2}-\d{2}/.test(t.value)) return { due: t.value, approximate: true };
    let due = t.value.slice(0, 10);
    // a deadline named without its year is upcoming rather than long past: "no later than June 30" said in March
    const day = parseDay(due);
    if (ref && day && !/\b\d{4}\b/.test(t.text) && /[A-Za-z]{3}/.test(t.text) && daysBetween(day, ref) > 30) {
      const next = addMonths(day, 12);
      if (daysBetween(ref, next) <= 335) due = fmtDay(next);
    }
    return { due, approximate: false };
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
            t.type !== "SET" &&
            (Math.min(Math.abs(t.end - at), Math.abs(t.start - (at + m[0].length))) <= 40 ||
              // "the deadline for Mraz to submit her resignation is Monday"
              (t.start > at &&
                t.start - at <= 100 &&
                /\b(?:is|was|falls\s+on|remains|will\s+be)\s+(?:on\s+|at\s+)?$/i.test(
                  ctx.text.slice(at, t.start),
                ))),
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
        if ((t.type !== "DATE" && t.type !== "TIME") || found.some((f) => f.time === t)) continue;
        if (BY_WORD.test(ctx.text.slice(Math.max(s.start, t.start - 40), t.start)))
          found.push({ time: t, trigger: { start: t.start, end: t.end } });
      }
    }
    for (const { time, trigger } of found) {
      const raw = dueOf(time, times, ref);
      if (!raw?.due) continue;
      const due = weekdayAhead(raw, time, text, ref);
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

      // an obligation ("must pass the budget before Dec. 31 to avoid ...") states its demand before the date
      const obliged = trigger.start === time.start;
      const before = obliged ? demandBefore(ctx.text, s.start, time.start) : null;
      const after = before ? null : demandAfter(ctx.text, end, s.end);
      if (after) end = after.end;
      const demand = before ?? after?.demand ?? demandBefore(ctx.text, s.start, time.start);
      const persons = mentions(ctx.entities, s.start, s.end).filter((x) => x.type !== "MISC");
      const who = parties(
        ctx.text,
        s,
        trigger,
        time,
        persons,
        setBy ? setByAt : null,
        setByAt + (setBy?.[0].length ?? 0),
      );
      const d: Deadline = {
        start,
        end,
        text: ctx.text.slice(start, end),
        setter: who.setter,
        target: who.target,
        demand,
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
