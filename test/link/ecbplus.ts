/**
 * ECB+ for the link evaluation and benchmark: documents in a fixed stream order, and synthetic
 * near-copies (cut paragraphs, changed headlines, added boilerplate) for duplicate detection.
 * The data stays in ../shared/data/clustering/ecbplus; nothing of it is committed here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** One ECB+ document (text: tokens joined by spaces, one sentence a line). */
export interface EcbDoc {
  readonly id: string;
  readonly topic: string;
  /** The gold event cluster: "<topic>_<ecb|ecbplus>". */
  readonly cluster: string;
  readonly text: string;
}

/** The path of the derived JSON Lines file under the shared data root. */
export function ecbPath(dataDir: string): string {
  return join(dataDir, "clustering/ecbplus/ecbplus_docs.jsonl");
}

/** Load the documents in file order. */
export function loadEcb(dataDir: string): EcbDoc[] {
  return readFileSync(ecbPath(dataDir), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const d = JSON.parse(l) as { doc_id: string; topic: number; cluster: string; text: string };
      return { id: d.doc_id, topic: String(d.topic), cluster: d.cluster, text: d.text };
    });
}

/** A small seeded PRNG (mulberry32), so the stream order is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded Fisher-Yates shuffle (a new array). */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const rand = rng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The stream order used by the eval and the bench: topics interleaved, as a live desk sees them. */
export const STREAM_SEED = 2014;

/** An item of the duplicate stream. */
export interface DupItem {
  readonly id: string;
  readonly text: string;
  /** The original's id for a made copy, else the item's own id. */
  readonly family: string;
  /** How the copy was made, or null for an original. */
  readonly edit: string | null;
}

const BOILERPLATE_TOP = [
  "Source: The Associated Press",
  "Advertisement",
  "Share this article",
  "By Staff Writers",
];
const BOILERPLATE_BOTTOM = [
  "Copyright 2013 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
  "Read more: Latest news from our partners",
  "Follow us on Twitter and Facebook for the latest updates.",
  "Sign up for our daily newsletter",
];

/**
 * Make near-copies of the documents with at least 4 lines (every `every`-th), each by one recipe, and
 * place each copy at a random later point of the stream than its original.
 *
 * Recipes: `cut` drops a quarter of the lines and adds boilerplate; `headline` rewrites the first line
 * and adds credit and copyright lines; `excerpt` keeps the first 60% of the lines; `restyle` keeps every
 * line but changes case and spacing and adds a "Read more" rail; `mixed` does cut + headline + boilerplate.
 *
 * @param docs originals in stream order
 * @param seed PRNG seed
 * @param every copy every n-th eligible document
 */
export function duplicateStream(docs: readonly EcbDoc[], seed: number, every = 3): DupItem[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const recipes = ["cut", "headline", "excerpt", "restyle", "mixed"] as const;
  const stream: DupItem[] = docs.map((d) => ({ id: d.id, text: d.text, family: d.id, edit: null }));
  let n = 0;
  let eligible = 0;
  for (const d of docs) {
    const lines = d.text.split("\n");
    if (lines.length < 4) continue;
    if (eligible++ % every !== 0) continue;
    const recipe = recipes[n++ % recipes.length]!;
    let out = [...lines];
    const cut = (share: number) => {
      const k = Math.max(1, Math.floor(out.length * share));
      for (let i = 0; i < k; i++) out.splice(1 + Math.floor(rand() * (out.length - 1)), 1);
    };
    if (recipe === "cut" || recipe === "mixed") cut(0.25);
    if (recipe === "headline" || recipe === "mixed") {
      const words = out[0]!.split(" ");
      out[0] = `UPDATE : ${words.slice(Math.floor(words.length / 2)).join(" ")} - ${pick(["reports", "latest", "live"])}`;
    }
    if (recipe === "excerpt") out = out.slice(0, Math.max(2, Math.ceil(out.length * 0.6)));
    if (recipe === "restyle") {
      out = out.map((l) => l.replace(/ ([,.;:]) /g, "$1 ").replace(/\s+/g, "  "));
      out.push("Read more at our partner site");
    }
    if (recipe !== "excerpt" && recipe !== "restyle") {
      out.unshift(pick(BOILERPLATE_TOP));
      out.push(pick(BOILERPLATE_BOTTOM));
    }
    const at = stream.findIndex((x) => x.id === d.id);
    const pos = at + 1 + Math.floor(rand() * (stream.length - at));
    stream.splice(pos, 0, { id: `${d.id}#copy`, text: out.join("\n"), family: d.id, edit: recipe });
  }
  return stream;
}
