/**
 * Calendar arithmetic on plain UTC dates and TIMEX3 value formatting. No time zones: a date is a day.
 */

/** A calendar day (UTC midnight). */
export type Day = Date;

/** Build a day from year, month (1-12) and day of month; months and days overflow like `Date.UTC`. */
export function day(y: number, m: number, d: number): Day {
  return new Date(Date.UTC(y, m - 1, d));
}

/** Parse the leading `YYYY-MM-DD` of an ISO string, or null. @example parseDay("2025-09-01T10:00Z") */
export function parseDay(iso: string | null): Day | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return day(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function addDays(d: Day, n: number): Day {
  return day(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate() + n);
}

/** Add months, clamping the day to the target month's length. */
export function addMonths(d: Day, n: number): Day {
  const first = day(d.getUTCFullYear(), d.getUTCMonth() + 1 + n, 1);
  const len = day(first.getUTCFullYear(), first.getUTCMonth() + 2, 0).getUTCDate();
  return day(first.getUTCFullYear(), first.getUTCMonth() + 1, Math.min(d.getUTCDate(), len));
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** `2025-09-01` */
export function fmtDay(d: Day): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `2025-09` */
export function fmtMonth(d: Day): string {
  return fmtDay(d).slice(0, 7);
}

/** `2025` */
export function fmtYear(d: Day): string {
  return fmtDay(d).slice(0, 4);
}

/** ISO 8601 week year and number of a day. */
export function isoWeek(d: Day): { year: number; week: number } {
  const dow = (d.getUTCDay() + 6) % 7; // Monday 0
  const thursday = addDays(d, 3 - dow);
  const year = thursday.getUTCFullYear();
  const jan1 = day(year, 1, 1);
  const week = 1 + Math.floor((thursday.getTime() - jan1.getTime()) / (7 * 86_400_000));
  return { year, week };
}

/** `2025-W36` */
export function fmtWeek(d: Day): string {
  const { year, week } = isoWeek(d);
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** Quarter 1-4 of a day. */
export function quarterOf(d: Day): number {
  return Math.floor(d.getUTCMonth() / 3) + 1;
}

/** ISO weekday, Monday 1 .. Sunday 7. */
export function isoDow(d: Day): number {
  return ((d.getUTCDay() + 6) % 7) + 1;
}

/** The day with ISO weekday `dow` on or before (`dir` -1) or on or after (`dir` 1) `d`. */
export function weekdayNear(d: Day, dow: number, dir: -1 | 1, strict = false): Day {
  let diff = dir === -1 ? (isoDow(d) - dow + 7) % 7 : (dow - isoDow(d) + 7) % 7;
  if (strict && diff === 0) diff = 7;
  return addDays(d, dir * diff);
}

/** Whole days from a to b. */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((b.getTime() - a.getTime()) / 86_400_000);
}
