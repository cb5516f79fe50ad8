/**
 * What a story's reports add up to: the figures they give (deaths, injuries, weapons fired ...) reconciled
 * across outlets and days, and the claims they carry with each report's status, in time order.
 *
 * Pure functions over the analyses of a story's articles; the reader's story page and the API show them.
 */
import type { Analysis, ClaimStatus, QuantityRole } from "../../core/index.ts";

/** One report of a story, as these functions need it. */
export interface StoryReport {
  readonly articleId: number;
  readonly outlet: string;
  /** When it was published (ISO date or time), else when it was stored. */
  readonly date: string;
  readonly analysis: Pick<Analysis, "quantities" | "events" | "claims" | "entities"> | null;
}

/** One figure as one report gave it. */
export interface FigureReport {
  readonly value: number;
  readonly approximate: boolean;
  readonly text: string;
  readonly articleId: number;
  readonly outlet: string;
  readonly date: string;
}

/** A figure across the story's reports. */
export interface ReconciledFigure {
  readonly role: QuantityRole;
  /** What is counted ("people", "drones and missiles"), or null. */
  readonly counts: string | null;
  /** The figure of the latest report (the highest when several latest reports differ). */
  readonly value: number;
  readonly approximate: boolean;
  readonly min: number;
  readonly max: number;
  /** `agreed` (all reports give one value), `rising` (later reports give more), `conflicting` (otherwise). */
  readonly agreement: "agreed" | "rising" | "conflicting";
  /** Every report of it, oldest first. */
  readonly reports: readonly FigureReport[];
}

/** A claim's status in one report. */
export interface ClaimReport {
  readonly status: ClaimStatus;
  readonly text: string;
  /** The words that show the status ("has yet to confirm"), or null. */
  readonly evidence: string | null;
  readonly articleId: number;
  readonly outlet: string;
  readonly date: string;
}

/** One claim across reports. */
export interface ClaimHistory {
  readonly text: string;
  readonly claimant: string | null;
  /** The latest report's status. */
  readonly status: ClaimStatus;
  /** The statuses it went through, in order, without repeats (["unconfirmed", "confirmed"]). */
  readonly changes: readonly ClaimStatus[];
  readonly reports: readonly ClaimReport[];
}

/** Roles worth reconciling (counts with role `other` are too varied to add up). */
const ROLES: ReadonlySet<QuantityRole> = new Set([
  "fired",
  "killed",
  "injured",
  "missing",
  "arrested",
  "displaced",
]);
/** Least word overlap (Jaccard) for two claims to be the same claim. */
const SAME_CLAIM = 0.5;
/** ... when their claimants differ (one side asserts, the other confirms or denies the same words). */
const SAME_CLAIM_OTHER_CLAIMANT = 0.8;
/** Most claims (and figures) kept per story. */
const MAX_ITEMS = 50;

const byDate = <T extends { date: string; articleId: number }>(a: T, b: T) =>
  a.date.localeCompare(b.date) || a.articleId - b.articleId;

/** Counts of people said without a noun ("41 were injured") or as "people"/"persons" are one kind. */
const PEOPLE = new Set(["", "people", "person", "persons", "individual", "individuals"]);

/**
 * What a figure counts, normalised: words lower-cased, plural s dropped ("Missiles" → "missile"); for
 * counts of people (every role but `fired`), no noun and "people" are the same.
 */
function countsKey(role: QuantityRole, counts: string | null): string {
  const plain = (counts ?? "").toLowerCase().trim();
  if (role !== "fired" && PEOPLE.has(plain)) return "people";
  if (!counts) return "";
  const words = counts.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words
    .map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w))
    .join(" ");
}

/**
 * Reconcile the figures of a story's reports. An event's `killed` and `injured` count too when its
 * report gave no such quantity of its own.
 *
 * @example reconcileFigures(reports) // [{ role: "killed", counts: "people", value: 23, min: 20, max: 23, agreement: "rising", ... }]
 */
export function reconcileFigures(reports: readonly StoryReport[]): ReconciledFigure[] {
  const groups = new Map<string, { role: QuantityRole; counts: string | null; reports: FigureReport[] }>();
  const add = (role: QuantityRole, counts: string | null, r: FigureReport) => {
    const key = `${role}\u0000${countsKey(role, counts)}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { role, counts, reports: [] }));
    // One value per report and figure: the largest it gives (a report may repeat or break a figure down).
    const same = g.reports.find((x) => x.articleId === r.articleId);
    if (!same) g.reports.push(r);
    else if (r.value > same.value) g.reports[g.reports.indexOf(same)] = r;
  };
  for (const rep of reports) {
    const a = rep.analysis;
    if (!a) continue;
    const base = { articleId: rep.articleId, outlet: rep.outlet, date: rep.date };
    const given = new Set<QuantityRole>();
    for (const q of a.quantities ?? []) {
      if (!ROLES.has(q.role) || q.value === null || !Number.isFinite(q.value) || q.value <= 0) continue;
      given.add(q.role);
      add(q.role, q.counts, { ...base, value: q.value, approximate: q.approximate, text: q.text });
    }
    for (const e of a.events ?? []) {
      for (const role of ["killed", "injured"] as const) {
        const v = e[role];
        if (v === null || v <= 0 || given.has(role)) continue;
        add(role, "people", { ...base, value: v, approximate: false, text: e.text });
      }
    }
  }
  const out: ReconciledFigure[] = [];
  for (const g of groups.values()) {
    const rs = [...g.reports].sort(byDate);
    const values = rs.map((r) => r.value);
    const lastDay = rs.at(-1)!.date.slice(0, 10);
    const latest = rs.filter((r) => r.date.slice(0, 10) === lastDay);
    const top = latest.reduce((a, b) => (b.value > a.value ? b : a));
    const min = Math.min(...values);
    const max = Math.max(...values);
    const rising = values.every((v, i) => i === 0 || v >= values[i - 1]!);
    out.push({
      role: g.role,
      counts: g.counts,
      value: top.value,
      approximate: top.approximate,
      min,
      max,
      agreement: min === max ? "agreed" : rising ? "rising" : "conflicting",
      reports: rs,
    });
  }
  return out.sort((a, b) => b.reports.length - a.reports.length || b.value - a.value).slice(0, MAX_ITEMS);
}

function wordSet(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Group a story's claims across reports (mostly the same words; nearly the same when the claimants
 * differ, as when one outlet reports a claim and a later one its confirmation) and
 * follow each one's status over time.
 *
 * @example claimHistories(reports) // [{ text: "...", status: "confirmed", changes: ["unconfirmed", "confirmed"], ... }]
 */
export function claimHistories(reports: readonly StoryReport[]): ClaimHistory[] {
  interface Group {
    claimant: string | null;
    words: Set<string>;
    reports: ClaimReport[];
    text: string;
  }
  const groups: Group[] = [];
  const ordered = [...reports].sort(byDate);
  for (const rep of ordered) {
    const a = rep.analysis;
    if (!a) continue;
    const name = (id: string | null) =>
      id ? ((a.entities ?? []).find((e) => e.id === id)?.name ?? null) : null;
    for (const c of a.claims ?? []) {
      const claimant = name(c.claimant);
      const words = wordSet(c.text);
      let best: Group | null = null;
      let bestScore = SAME_CLAIM;
      for (const g of groups) {
        const other = g.claimant && claimant && g.claimant.toLowerCase() !== claimant.toLowerCase();
        const s = jaccard(g.words, words);
        if (s >= bestScore && (!other || s >= SAME_CLAIM_OTHER_CLAIMANT)) {
          best = g;
          bestScore = s;
        }
      }
      const report: ClaimReport = {
        status: c.status,
        text: c.text,
        evidence: c.statusEvidence?.text ?? null,
        articleId: rep.articleId,
        outlet: rep.outlet,
        date: rep.date,
      };
      if (best) {
        best.reports.push(report);
        best.claimant ??= claimant;
      } else {
        groups.push({ claimant, words, reports: [report], text: c.text });
      }
    }
  }
  return groups
    .map((g): ClaimHistory => {
      const changes: ClaimStatus[] = [];
      for (const r of g.reports) if (changes.at(-1) !== r.status) changes.push(r.status);
      return {
        text: g.text,
        claimant: g.claimant,
        status: g.reports.at(-1)!.status,
        changes,
        reports: g.reports,
      };
    })
    .sort((a, b) => b.changes.length - a.changes.length || b.reports.length - a.reports.length)
    .slice(0, MAX_ITEMS);
}
