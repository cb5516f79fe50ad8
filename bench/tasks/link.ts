/**
 * `npm run bench -- link`: articles per second of the story linker over ECB+ (982 documents in the eval's
 * stream order), arriving into an empty linker and into linkers already holding 10k and 50k synthetic
 * articles (generated here; prefilling is not timed), to show the cost per article does not grow with the
 * store. The peer is the textbook TF-IDF single-pass clusterer, whose full scan grows with the clusters
 * held (prefilled with 2k only, as its prefill alone is quadratic).
 */

import { StoryLinker } from "../../src/link/index.ts";
import { loadEcb, rng, STREAM_SEED, shuffle } from "../../test/link/ecbplus.ts";
import { TfidfSinglePass } from "../../test/link/peers.ts";
import type { BenchInput, BenchSystem, BenchTask } from "../harness.ts";

/** Synthetic articles: Zipf-distributed filler words plus per-story topic words and capitalised names. */
export function* syntheticArticles(n: number, seed = 1): Generator<{ id: string; text: string }> {
  const rand = rng(seed);
  const VOCAB = 20_000;
  const word = (i: number) => `w${i.toString(36)}`;
  // Zipf(1) over the vocabulary by inverse CDF on a harmonic table.
  const cdf = new Float64Array(VOCAB);
  let sum = 0;
  for (let i = 0; i < VOCAB; i++) cdf[i] = sum += 1 / (i + 1);
  const zipf = () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = VOCAB - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return word(lo);
  };
  const name = () => `N${Math.floor(rand() * 1e6).toString(36)}`;
  let story: { topic: string[]; names: string[] } = { topic: [], names: [] };
  for (let i = 0; i < n; i++) {
    if (i % 5 === 0) {
      story = {
        topic: Array.from({ length: 6 }, () => word(Math.floor(rand() * VOCAB))),
        names: Array.from({ length: 3 }, () => `${name()} ${name()}`),
      };
    }
    const out: string[] = [];
    for (let w = 0; w < 120; w++) {
      const r = rand();
      out.push(
        r < 0.7
          ? zipf()
          : r < 0.9
            ? story.topic[Math.floor(rand() * 6)]!
            : story.names[Math.floor(rand() * 3)]!,
      );
      if (w % 20 === 19) out.push(".\n");
    }
    yield { id: `syn${i}`, text: out.join(" ") };
  }
}

const PREFILL: Record<string, number> = { lede: 0, "lede@10k": 10_000, "lede@50k": 50_000 };

const task: BenchTask = {
  name: "link",
  description: "story linking: ECB+ articles/s arriving into 0, 10k and 50k stored articles",
  systems: ["lede", "lede@10k", "lede@50k", "tfidf-single-pass", "tfidf-single-pass@2k"],
  async inputs(ctx): Promise<BenchInput[]> {
    const docs = shuffle(loadEcb(ctx.dataDir), STREAM_SEED);
    return docs.slice(0, ctx.limit ?? docs.length).map((d) => ({ id: d.id, data: d.text }));
  },
  async system(name): Promise<BenchSystem> {
    // The harness warms up on the first inputs and then runs them again: ids are made unique per call.
    let calls = 0;
    if (name.startsWith("tfidf-single-pass")) {
      const peer = new TfidfSinglePass(0.3);
      if (name.endsWith("@2k")) for (const a of syntheticArticles(2_000)) peer.add(a.text);
      return { name, run: (input) => peer.add(input.data as string) };
    }
    const linker = new StoryLinker();
    for (const a of syntheticArticles(PREFILL[name] ?? 0)) linker.add(a);
    return { name, run: (input) => linker.add({ id: `${input.id}#${calls++}`, text: input.data as string }) };
  },
};

export default task;
