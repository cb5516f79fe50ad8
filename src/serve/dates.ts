/**
 * Relative ages ("2 minutes") and deadline countdowns ("in 3 days"), computed on the server so pages
 * read right without JavaScript; `static/app.js` keeps them ticking with the same rules.
 */

const UNITS: ReadonlyArray<readonly [string, number]> = [
  ["year", 31_536_000],
  ["month", 2_592_000],
  ["week", 604_800],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

/**
 * How long ago an ISO time was, in the largest whole unit.
 *
 * @example relativeAge("2025-09-01T10:00:00Z", new Date("2025-09-01T10:02:30Z")) // "2 minutes"
 */
export function relativeAge(iso: string, now: Date): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = Math.max(0, Math.round((now.getTime() - t) / 1000));
  for (const [name, n] of UNITS) {
    if (s >= n || name === "second") {
      const k = Math.floor(s / n);
      return `${k} ${name}${k === 1 ? "" : "s"}`;
    }
  }
  return iso;
}

export type DeadlineState = "upcoming" | "today" | "passed" | "undated";

/** Where a deadline stands against today (UTC calendar days). */
export interface Countdown {
  readonly state: DeadlineState;
  /** "in 3 days", "today", "2 days ago", or the raw value when it is not a calendar date. */
  readonly label: string;
  /** Whole days from today (negative: passed); null when undated. */
  readonly days: number | null;
}

/**
 * The countdown to a due date (`2025-09-01`, or `2025-09` / `2025`, counted to the period's last day).
 *
 * @example countdown("2025-09-04", new Date("2025-09-01T12:00:00Z")) // { state: "upcoming", label: "in 3 days", days: 3 }
 */
export function countdown(due: string | null, now: Date): Countdown {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(due ?? "");
  if (!m) return { state: "undated", label: due ?? "no date", days: null };
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) - 1 : 11;
  const d = m[3] ? Number(m[3]) : new Date(Date.UTC(y, mo + 1, 0)).getUTCDate();
  const dueDay = Date.UTC(y, mo, d);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = Math.round((dueDay - today) / 86_400_000);
  if (days === 0) return { state: "today", label: "today", days };
  if (days > 0) return { state: "upcoming", label: `in ${days} day${days === 1 ? "" : "s"}`, days };
  return { state: "passed", label: `${-days} day${days === -1 ? "" : "s"} ago`, days };
}
