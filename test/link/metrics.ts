/**
 * Clustering scores for the link evaluation: B-cubed and pairwise precision, recall and F1 of a
 * predicted partition against a gold one (items given as parallel label arrays).
 */

/** Precision, recall and F1. */
export interface Prf {
  readonly p: number;
  readonly r: number;
  readonly f1: number;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Group item indices by label. */
function groups(labels: readonly string[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  labels.forEach((l, i) => {
    let g = m.get(l);
    if (!g) m.set(l, (g = []));
    g.push(i);
  });
  return m;
}

/** How many items carry each (predicted, gold) label pair. */
function contingency(pred: readonly string[], gold: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  pred.forEach((p, i) => {
    const k = `${p}\u0000${gold[i]}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  });
  return m;
}

/**
 * B-cubed P/R/F1 (Bagga & Baldwin 1998): per item, the share of its predicted cluster that shares its gold
 * cluster (precision) and the share of its gold cluster found in its predicted cluster (recall), averaged.
 *
 * @example bcubed(["a", "a", "b"], ["x", "x", "x"]) // { p: 1, r: 0.555..., ... }
 */
export function bcubed(pred: readonly string[], gold: readonly string[]): Prf {
  if (pred.length !== gold.length) throw new Error("metrics: label arrays differ in length");
  if (pred.length === 0) return { p: 0, r: 0, f1: 0 };
  const ps = groups(pred);
  const gs = groups(gold);
  const both = contingency(pred, gold);
  let p = 0;
  let r = 0;
  pred.forEach((l, i) => {
    const n = both.get(`${l}\u0000${gold[i]}`)!;
    p += n / ps.get(l)!.length;
    r += n / gs.get(gold[i]!)!.length;
  });
  p /= pred.length;
  r /= pred.length;
  return { p, r, f1: f1(p, r) };
}

/**
 * Pairwise P/R/F1: over all pairs of items, precision of "same predicted cluster" for "same gold cluster".
 * Precision is 1 when no pair is predicted together.
 *
 * @example pairwise(["a", "a", "b"], ["x", "x", "y"]) // { p: 1, r: 1, f1: 1 }
 */
export function pairwise(pred: readonly string[], gold: readonly string[]): Prf {
  if (pred.length !== gold.length) throw new Error("metrics: label arrays differ in length");
  const pairs = (m: Map<string, number[]> | Map<string, number>) => {
    let n = 0;
    for (const v of m.values()) {
      const c = typeof v === "number" ? v : v.length;
      n += (c * (c - 1)) / 2;
    }
    return n;
  };
  const tp = pairs(contingency(pred, gold));
  const pp = pairs(groups(pred));
  const gp = pairs(groups(gold));
  const p = pp === 0 ? 1 : tp / pp;
  const r = gp === 0 ? 1 : tp / gp;
  return { p, r, f1: f1(p, r) };
}
