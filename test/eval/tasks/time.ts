/**
 * `npm run eval -- time`: time expressions on TempEval-3 TBAQ-cleaned (TimeBank 183 docs + AQUAINT 73 docs),
 * each document resolved against its creation time (DCT). The te3-platinum test set is not in ../shared.
 *
 * Metrics (TempEval-3 Task A, as its scorer reports them; fractions, not percent):
 * - `strict_p/r/f1`: exact extent matches; `relaxed_p/r/f1`: any overlap (one-to-one, in text order).
 * - `type_acc`, `value_acc`: share of relaxed matches with the gold TIMEX3 type / value (exact string).
 * - `value_f1` = relaxed F1 × value accuracy (the TE3 ranking metric; published platinum: HeidelTime 0.776,
 *   NavyTime 0.710, SUTime 0.674 — a different test set, so compare with care).
 *
 * Peer: chrono-node used plainly ("chrono"): its matches as spans, its parsed components formatted as
 * values (day known → YYYY-MM-DD, else month → YYYY-MM, else year; hour known → TIME with THH:MM).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as chrono from "chrono-node";
import { findTimes } from "../../../src/analyse/time/index.ts";
import type { EvalTask, SystemScores } from "../harness.ts";

/** A time expression as scored: span, type, value. */
export interface Timex {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string | null;
}

/** One TimeML document: plain text, creation date, gold TIMEX3s. */
export interface TimeDoc {
  readonly id: string;
  readonly set: string;
  readonly text: string;
  readonly dct: string;
  readonly gold: readonly Timex[];
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Parse a `.tml` file: the text inside `<TEXT>` with tags removed, and its TIMEX3 spans. */
export function parseTml(xml: string, id: string, set: string): TimeDoc | null {
  const dct = /<DCT>\s*<TIMEX3[^>]*value="([^"]+)"/.exec(xml)?.[1];
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1];
  if (!dct || body === undefined) return null;
  let text = "";
  const gold: Timex[] = [];
  const open: { start: number; type: string; value: string | null }[] = [];
  const re = /<(\/?)(\w+)([^>]*)>|&(\w+);|([^<&]+|[<&])/g;
  for (const m of body.matchAll(re)) {
    if (m[2]) {
      if (m[2] !== "TIMEX3") continue;
      if (m[1]) {
        const o = open.pop();
        if (o) gold.push({ start: o.start, end: text.length, type: o.type, value: o.value });
      } else {
        const attrs = m[3] ?? "";
        open.push({
          start: text.length,
          type: /type="([^"]*)"/.exec(attrs)?.[1] ?? "DATE",
          value: /value="([^"]*)"/.exec(attrs)?.[1] ?? null,
        });
      }
    } else if (m[4]) text += ENTITIES[m[4]] ?? `&${m[4]};`;
    else text += m[5] ?? "";
  }
  return { id, set, text, dct: dct.slice(0, 10), gold };
}

/** Load TBAQ-cleaned documents (at most `limit` per set). */
export function loadTimeDocs(dataDir: string, limit: number | undefined): TimeDoc[] {
  const root = join(dataDir, "temporal/tempeval3/TBAQ-cleaned");
  const docs: TimeDoc[] = [];
  for (const set of ["TimeBank", "AQUAINT"]) {
    const files = readdirSync(join(root, set))
      .filter((f) => f.endsWith(".tml"))
      .sort()
      .slice(0, limit ?? Number.POSITIVE_INFINITY);
    for (const f of files) {
      const d = parseTml(readFileSync(join(root, set, f), "utf8"), f, set);
      if (d) docs.push(d);
    }
  }
  return docs;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

/** chrono-node used plainly: its matches and parsed components as TIMEX3-like values. */
export function chronoTimes(text: string, dct: string): Timex[] {
  const ref = new Date(`${dct}T12:00:00Z`);
  return chrono.parse(text, ref).map((r) => {
    const c = r.start;
    const y = c.get("year");
    const mo = c.get("month");
    const d = c.get("day");
    const hourKnown = c.isCertain("hour");
    let value: string | null = null;
    if (
      y !== null &&
      mo !== null &&
      d !== null &&
      (c.isCertain("day") || c.isCertain("weekday") || hourKnown)
    )
      value = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
    else if (y !== null && mo !== null && c.isCertain("month")) value = `${pad(y, 4)}-${pad(mo)}`;
    else if (y !== null) value = pad(y, 4);
    if (hourKnown && value) value = `${value}T${pad(c.get("hour") ?? 0)}:${pad(c.get("minute") ?? 0)}`;
    return { start: r.index, end: r.index + r.text.length, type: hourKnown ? "TIME" : "DATE", value };
  });
}

/** Counts for one system over all documents. */
interface Tally {
  gold: number;
  sys: number;
  strict: number;
  typeOk: number;
  valueOk: number;
  matched: number;
}

/** Score one document's predictions into a tally (relaxed matches one-to-one, in text order). */
export function scoreDoc(gold: readonly Timex[], sys: readonly Timex[], t: Tally): void {
  t.gold += gold.length;
  t.sys += sys.length;
  const used = new Set<number>();
  for (const s of sys) {
    if (gold.some((g) => g.start === s.start && g.end === s.end)) t.strict++;
    const gi = gold.findIndex((g, i) => !used.has(i) && g.start < s.end && s.start < g.end);
    if (gi < 0) continue;
    used.add(gi);
    const g = gold[gi]!;
    t.matched++;
    if (g.type === s.type) t.typeOk++;
    if (g.value === s.value) t.valueOk++;
  }
}

function metrics(t: Tally): Record<string, number> {
  const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
  const sp = t.sys ? t.strict / t.sys : 0;
  const sr = t.gold ? t.strict / t.gold : 0;
  const rp = t.sys ? t.matched / t.sys : 0;
  const rr = t.gold ? t.matched / t.gold : 0;
  const rf = f1(rp, rr);
  const valueAcc = t.matched ? t.valueOk / t.matched : 0;
  return {
    strict_p: sp,
    strict_r: sr,
    strict_f1: f1(sp, sr),
    relaxed_p: rp,
    relaxed_r: rr,
    relaxed_f1: rf,
    type_acc: t.matched ? t.typeOk / t.matched : 0,
    value_acc: valueAcc,
    value_f1: rf * valueAcc,
  };
}

const newTally = (): Tally => ({
  gold: 0,
  sys: 0,
  strict: 0,
  typeOk: 0,
  valueOk: 0,
  matched: 0,
});

const task: EvalTask = {
  name: "time",
  description:
    "TIMEX3 extent, type and value on TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT), against each DCT",
  async run(ctx) {
    const docs = loadTimeDocs(ctx.dataDir, ctx.limit);
    ctx.progress(`${docs.length} documents`);
    const systems: Record<string, (d: TimeDoc) => Timex[]> = {
      lede: (d) => findTimes(d.text, [], d.dct),
      chrono: (d) => chronoTimes(d.text, d.dct),
    };
    const rows: SystemScores[] = [];
    for (const [name, run] of Object.entries(systems)) {
      const t = newTally();
      for (const d of docs) scoreDoc(d.gold, run(d), t);
      rows.push({ system: name, metrics: metrics(t) });
    }
    const items: Record<string, number> = {};
    for (const d of docs) items[d.set] = (items[d.set] ?? 0) + 1;
    items.timex = docs.reduce((n, d) => n + d.gold.length, 0);
    return {
      rows,
      items,
      notes: [
        "TBAQ-cleaned is TE3's training data; the platinum test set (where HeidelTime 0.776 / NavyTime 0.710 / SUTime 0.674 value F1 were published) is not in ../shared",
      ],
    };
  },
};

export default task;
