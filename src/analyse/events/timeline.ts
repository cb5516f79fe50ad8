/**
 * The pieces a story timeline needs from one article's analysis: its events, quotes, deadlines and claims,
 * each with the calendar period it happened in (or is due), where that date came from, and the span of text
 * that says it (provenance). Ordering across articles and stories is the story builder's job; this only
 * resolves and orders one article's items.
 */
import type { Analysis } from "../../core/index.ts";
import { addDays, addMonths, type Day, fmtDay, parseDay } from "../time/index.ts";

/** A calendar period: its first and last day (inclusive). */
export interface Period {
  readonly start: string;
  readonly end: string;
}

/** One dated item of an article. */
export interface TimelineItem {
  readonly kind: "event" | "quote" | "deadline" | "claim";
  /** Its index in the analysis array of its kind (`events`, `quotes`, `deadlines`, `claims`). */
  readonly index: number;
  /** The TIMEX3 calendar value it is dated by (`2025-08-28`, `2025-08`, `2025-W35`), or null. */
  readonly date: string | null;
  /** The period that value covers; null when undated. */
  readonly period: Period | null;
  /** "text" when the article's text dates it, "reference" when only the publication date does, null when undated. */
  readonly dated: "text" | "reference" | null;
  /** True when the date is a vague or computed one (a window, "a couple of weeks"). */
  readonly approximate: boolean;
  /** The text that states it (offsets into the article text). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Who: an event's first actor, a quote's speaker, a deadline's setter, a claimant (entity ids). */
  readonly who: string | null;
  /** An event's type ("attack", "meeting", ...), a claim's status; null otherwise. */
  readonly detail: string | null;
}

const SEASON_START: Readonly<Record<string, number>> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** Monday of ISO week `w` of `year`. */
function isoWeekMonday(year: number, w: number): Day {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const dow = (jan4.getUTCDay() + 6) % 7;
  return addDays(jan4, -dow + 7 * (w - 1));
}

/**
 * The period a TIMEX3 calendar value covers: a day, month, year, ISO week (and its weekend), quarter, half,
 * season, decade. Reference words (`PAST_REF`), durations and sets have none.
 *
 * @param value a TIMEX3 value, possibly with a time of day (`2025-08-28T14:00` is that day)
 * @returns first and last day, or null
 * @example periodOf("2025-Q3") // { start: "2025-07-01", end: "2025-09-30" }
 */
export function periodOf(value: string | null | undefined): Period | null {
  if (!value) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T|$)/.exec(value);
  if (m) {
    const d = parseDay(`${m[1]}-${m[2]}-${m[3]}`);
    return d ? { start: fmtDay(d), end: fmtDay(d) } : null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const first = parseDay(`${m[1]}-${m[2]}-01`);
    return first ? { start: fmtDay(first), end: fmtDay(addDays(addMonths(first, 1), -1)) } : null;
  }
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (m) {
    const monday = isoWeekMonday(Number(m[1]), Number(m[2]));
    return m[3]
      ? { start: fmtDay(addDays(monday, 5)), end: fmtDay(addDays(monday, 6)) }
      : { start: fmtDay(monday), end: fmtDay(addDays(monday, 6)) };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const first = parseDay(`${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, "0")}-01`)!;
    return { start: fmtDay(first), end: fmtDay(addDays(addMonths(first, 3), -1)) };
  }
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m)
    return m[2] === "1"
      ? { start: `${m[1]}-01-01`, end: `${m[1]}-06-30` }
      : { start: `${m[1]}-07-01`, end: `${m[1]}-12-31` };
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) {
    const first = parseDay(`${m[1]}-${String(SEASON_START[m[2]!]).padStart(2, "0")}-01`)!;
    return { start: fmtDay(first), end: fmtDay(addDays(addMonths(first, 3), -1)) };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  m = /^(\d{3})$/.exec(value);
  if (m) return { start: `${m[1]}0-01-01`, end: `${m[1]}9-12-31` };
  return null;
}

/**
 * One article's timeline items in date order (undated last; ties in text order).
 *
 * @param analysis the article's analysis (its `reference` dates items the text does not)
 * @returns events, quotes, deadlines and claims with their periods and provenance
 * @example articleTimeline(analyse(article)) // [{ kind: "event", date: "2025-08-28", dated: "text", ... }, ...]
 */
export function articleTimeline(analysis: Analysis): TimelineItem[] {
  const ref = analysis.reference?.slice(0, 10) ?? null;
  const refPeriod = periodOf(ref);
  const items: TimelineItem[] = [];
  const fromText = (value: string | null): Pick<TimelineItem, "date" | "period" | "dated"> => {
    const period = periodOf(value);
    if (period) return { date: value!.replace(/T.*$/, ""), period, dated: "text" };
    return refPeriod
      ? { date: ref, period: refPeriod, dated: "reference" }
      : { date: null, period: null, dated: null };
  };
  analysis.events.forEach((e, index) => {
    if (e.type === "statement") return; // told again as its quote
    items.push({
      kind: "event",
      index,
      ...fromText(e.date),
      approximate: !/^\d{4}-\d{2}-\d{2}/.test(e.date ?? ""),
      start: e.start,
      end: e.end,
      text: e.text,
      who: e.actors[0] ?? null,
      detail: e.type,
    });
  });
  analysis.quotes.forEach((q, index) => {
    // the statement event made from this quote carries the day its sentence gives ("said on Tuesday")
    const said = analysis.events.find((e) => e.type === "statement" && e.start === q.start);
    const dated = fromText(said?.date ?? null);
    items.push({
      kind: "quote",
      index,
      ...dated,
      approximate: dated.dated === "text" && !/^\d{4}-\d{2}-\d{2}/.test(said?.date ?? ""),
      start: q.start,
      end: q.end,
      text: q.text,
      who: q.speakerEntity,
      detail: null,
    });
  });
  analysis.deadlines.forEach((d, index) => {
    const period = periodOf(d.due);
    items.push({
      kind: "deadline",
      index,
      date: period ? d.due : null,
      period: d.window && period ? { start: d.window.from, end: d.window.to } : period,
      dated: period ? "text" : null,
      approximate: d.approximate,
      start: d.start,
      end: d.end,
      text: d.text,
      who: d.setter,
      detail: null,
    });
  });
  analysis.claims.forEach((c, index) => {
    items.push({
      kind: "claim",
      index,
      date: refPeriod ? ref : null,
      period: refPeriod,
      dated: refPeriod ? "reference" : null,
      approximate: false,
      start: c.start,
      end: c.end,
      text: c.text,
      who: c.claimant,
      detail: c.status,
    });
  });
  return items.sort((a, b) => {
    if (!a.period || !b.period) return a.period ? -1 : b.period ? 1 : a.start - b.start;
    return (
      (a.period.start < b.period.start ? -1 : a.period.start > b.period.start ? 1 : 0) ||
      (a.period.end < b.period.end ? -1 : a.period.end > b.period.end ? 1 : 0) ||
      a.start - b.start
    );
  });
}

/**
 * Where a deadline stands on a given day, from one article: "upcoming" until its due day (its window's end
 * when approximate), "passed" after. Whether it was met or extended needs later reports (the story linker).
 *
 * @param due the deadline's due value (`2025-09-05`, `2025-09`)
 * @param today the day to judge on (ISO)
 * @param windowEnd the last day of an approximate due date's window, if any
 */
export function deadlineStanding(
  due: string | null,
  today: string,
  windowEnd?: string,
): "upcoming" | "passed" | "unknown" {
  const period = periodOf(due);
  if (!period) return "unknown";
  const last = windowEnd && windowEnd > period.end ? windowEnd : period.end;
  return today.slice(0, 10) > last ? "passed" : "upcoming";
}
