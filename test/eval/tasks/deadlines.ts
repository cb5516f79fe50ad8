/**
 * `npm run eval -- deadlines`: deadlines and ultimatums on 40 invented, hand-annotated sentences
 * (`test/deadlines/cases.json`; all names fictional), each analysed in full (`analyse`) against its own
 * reference (publication) date.
 *
 * Metrics (fractions of the cases):
 * - `found`: a deadline is reported at all.
 * - `due_acc`: its due date is the annotated one (approximate cases: within two days of it).
 * - `setter_acc`, `target_acc`: the setter / target entity names the annotated party (either name contains
 *   the other, case-insensitive); a case annotated with no named party is right when none is reported.
 * - `demand_acc` (cases with an annotated demand): the reported demand contains the annotated key words,
 *   or is a part of them at least half as long.
 * - `all_acc`: due, setter, target and demand all right.
 *
 * No published system tracks deadlines (the premise), so there is no peer row.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyse } from "../../../src/analyse/analyse.ts";
import type { Analysis, Article, Deadline } from "../../../src/core/index.ts";
import type { EvalTask } from "../harness.ts";
import { ROOT } from "../harness.ts";

/** One annotated case. */
export interface DeadlineCase {
  readonly text: string;
  readonly reference: string;
  readonly setter: string | null;
  readonly target: string | null;
  readonly demand: string | null;
  readonly due: string;
  readonly approximate: boolean;
}

/** The cases of `test/deadlines/cases.json`: "cases" (development) or "check" (written after the rules). */
export function loadDeadlineCases(set: "cases" | "check" | "holdout" = "cases"): DeadlineCase[] {
  const raw = JSON.parse(readFileSync(join(ROOT, "test/deadlines/cases.json"), "utf8")) as Record<
    "cases" | "check" | "holdout",
    DeadlineCase[]
  >;
  return raw[set];
}

const days = (a: string, b: string): number => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, " ").trim();

/** Whether an entity id names the annotated party. */
function names(analysis: Analysis, id: string | null, gold: string | null): boolean {
  if (gold === null) return id === null;
  if (id === null) return false;
  const e = analysis.entities.find((x) => x.id === id);
  if (!e) return false;
  const forms = [e.name, ...e.mentions.map((m) => m.text)].map(norm);
  const g = norm(gold);
  return forms.some((f) => f.length > 0 && (f.includes(g) || g.includes(f)));
}

/** Per-case verdicts. */
export interface DeadlineVerdict {
  readonly found: boolean;
  readonly due: boolean;
  readonly setter: boolean;
  readonly target: boolean;
  readonly demand: boolean | null;
  readonly deadline: Deadline | null;
}

/** Judge one case: the reported deadline with the right due date if any, else the first. */
export function judge(c: DeadlineCase): DeadlineVerdict {
  const article: Article = {
    url: null,
    title: null,
    authors: [],
    published: c.reference,
    modified: null,
    language: "en",
    siteName: null,
    text: c.text,
    blocks: [],
    related: [],
  };
  const analysis = analyse(article, { reference: c.reference });
  const tolerance = c.approximate ? 2 : 0;
  const ok = (d: Deadline): boolean =>
    d.due !== null && /^\d{4}-\d{2}-\d{2}$/.test(d.due) && days(d.due, c.due) <= tolerance;
  const d = analysis.deadlines.find(ok) ?? analysis.deadlines[0] ?? null;
  if (!d)
    return {
      found: false,
      due: false,
      setter: false,
      target: false,
      demand: c.demand === null ? null : false,
      deadline: null,
    };
  let demand: boolean | null = null;
  if (c.demand !== null) {
    const g = norm(c.demand);
    const s = d.demand ? norm(d.demand) : "";
    demand = s.length > 0 && (s.includes(g) || (g.includes(s) && s.length * 2 >= g.length));
  }
  return {
    found: true,
    due: ok(d),
    setter: names(analysis, d.setter, c.setter),
    target: names(analysis, d.target, c.target),
    demand,
    deadline: d,
  };
}

const task: EvalTask = {
  name: "deadlines",
  description:
    "deadlines and ultimatums: due date, setter, target, demand on 40 + 15 invented annotated sentences",
  async run(ctx) {
    const dev = loadDeadlineCases("cases").slice(0, ctx.limit ?? Number.POSITIVE_INFINITY);
    const check = loadDeadlineCases("check").slice(0, ctx.limit ?? Number.POSITIVE_INFINITY);
    const holdout = loadDeadlineCases("holdout").slice(0, ctx.limit ?? Number.POSITIVE_INFINITY);
    ctx.progress(`${dev.length} development, ${check.length} check, ${holdout.length} holdout cases`);
    return {
      rows: [
        {
          system: "lede",
          metrics: { ...score(dev, ""), ...score(check, "check_"), ...score(holdout, "holdout_") },
        },
      ],
      items: { cases: dev.length, check: check.length, holdout: holdout.length },

      notes: [
        "invented sentences annotated by hand (test/deadlines/cases.json); check_* written after the first rules (then used), holdout_* written last and never used to change the rules",
        "no published system tracks deadlines, so there is no peer row",
      ],
    };
  },
};

/** The metrics of a set of cases, names prefixed. */
function score(cases: readonly DeadlineCase[], prefix: string): Record<string, number> {
  const vs = cases.map(judge);
  const n = vs.length || 1;
  const share = (f: (v: DeadlineVerdict) => boolean): number => vs.filter(f).length / n;
  const withDemand = vs.filter((v) => v.demand !== null);
  return {
    [`${prefix}found`]: share((v) => v.found),
    [`${prefix}due_acc`]: share((v) => v.due),
    [`${prefix}setter_acc`]: share((v) => v.setter),
    [`${prefix}target_acc`]: share((v) => v.target),
    [`${prefix}demand_acc`]: withDemand.filter((v) => v.demand).length / (withDemand.length || 1),
    [`${prefix}all_acc`]: share((v) => v.due && v.setter && v.target && v.demand !== false),
  };
}

export default task;
