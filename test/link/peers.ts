/**
 * Peers for the link evaluation and benchmark: the textbook TF-IDF single-pass clustering (every
 * article compared with every cluster centroid, joined to the best above a threshold) and trivial
 * baselines. Written here because no maintained npm package does online clustering; `natural`'s TfIdf
 * would only replace the weighting, which is the same formula.
 */
import { textHash } from "../../src/core/index.ts";
import { terms } from "../../src/link/text.ts";

/** The classic single-pass clusterer: a full scan of all centroids per article. */
export class TfidfSinglePass {
  private n = 0;
  private readonly df = new Map<string, number>();
  private readonly clusters: { id: string; centroid: Map<string, number> }[] = [];

  /** @param threshold least cosine to join a cluster */
  constructor(private readonly threshold: number) {}

  /** Assign a text to a cluster; returns the cluster id. */
  add(text: string): string {
    const ts = terms(text);
    this.n++;
    for (const t of new Set(ts)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    for (const t of ts) v.set(t, (v.get(t) ?? 0) + 1);
    let norm = 0;
    for (const [t, c] of v) {
      const w = c * (Math.log((this.n + 1) / (this.df.get(t)! + 1)) + 1);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    let best: (typeof this.clusters)[number] | undefined;
    let bestSim = this.threshold;
    for (const c of this.clusters) {
      let dot = 0;
      let cn = 0;
      for (const [t, w] of c.centroid) {
        cn += w * w;
        const x = v.get(t);
        if (x !== undefined) dot += w * x;
      }
      const sim = cn === 0 ? 0 : dot / Math.sqrt(cn);
      if (sim >= bestSim) {
        bestSim = sim;
        best = c;
      }
    }
    if (!best) {
      best = { id: `c${this.clusters.length + 1}`, centroid: new Map() };
      this.clusters.push(best);
    }
    for (const [t, w] of v) best.centroid.set(t, (best.centroid.get(t) ?? 0) + w);
    return best.id;
  }
}

/** Duplicate detection by exact hash of the whitespace-normalised text. */
export class ExactHashDuplicates {
  private readonly seen = new Map<string, string>();
  /** Returns the earlier id with the same text, or null. */
  add(id: string, text: string): string | null {
    const h = textHash(text);
    const prior = this.seen.get(h);
    if (prior === undefined) this.seen.set(h, id);
    return prior ?? null;
  }
}

/**
 * One cluster per salient keyword: the article's term of highest TF-IDF against the corpus seen so far.
 * A trivial topic grouping ("rehab", "earthquake").
 */
export class KeywordClusters {
  private n = 0;
  private readonly df = new Map<string, number>();
  /** Returns the cluster key. */
  add(text: string): string {
    const ts = terms(text);
    this.n++;
    for (const t of new Set(ts)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    const tf = new Map<string, number>();
    for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
    let best = "";
    let bestW = -1;
    for (const [t, c] of tf) {
      const w = c * Math.log((this.n + 1) / this.df.get(t)!);
      if (w > bestW || (w === bestW && t < best)) {
        bestW = w;
        best = t;
      }
    }
    return `k:${best}`;
  }
}
