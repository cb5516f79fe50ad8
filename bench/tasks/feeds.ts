/**
 * Feed parsing throughput: Lede's parseFeed against rss-parser on the same real-world feeds
 * (bytes in, parsed feed out; decoding included for both).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import Parser from "rss-parser";
import { parseFeed } from "../../src/acquire/index.ts";
import type { BenchContext, BenchInput, BenchSystem, BenchTask } from "../harness.ts";

/** Suites of real feeds (not the one-behaviour synthetic cases). */
const SUITES = [
  "rss-parser/input",
  "feedjira",
  "miniflux/parser/testdata",
  "node-feedparser",
  "simplepie",
  "feed-extractor",
  "crawler-feeds-sitemaps",
];

function list(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) continue;
    if (/\.(xml|rss|atom|rdf|json)$/i.test(n)) out.push(p);
  }
  return out;
}

const task: BenchTask = {
  name: "feeds",
  description: "feed parsing (bytes to feed), real-world feeds from the fixture suites",
  systems: ["lede", "rss-parser"],
  async inputs(ctx: BenchContext): Promise<BenchInput[]> {
    const files = SUITES.flatMap((s) => list(join(ctx.dataDir, "feeds", s)));
    const inputs = files.map((f) => ({ id: f, data: new Uint8Array(readFileSync(f)) }));
    return ctx.limit === undefined ? inputs : inputs.slice(0, ctx.limit);
  },
  async system(name: string): Promise<BenchSystem> {
    if (name === "lede") {
      return {
        name,
        run: (input) => {
          const r = parseFeed(input.data as Uint8Array);
          if (!r.ok) throw r.error;
          return r.value.items.length;
        },
      };
    }
    if (name === "rss-parser") {
      const parser = new Parser();
      return {
        name,
        run: async (input) =>
          (await parser.parseString(Buffer.from(input.data as Uint8Array).toString("utf8"))).items.length,
      };
    }
    throw new Error(`bench feeds: unknown system ${name}`);
  },
};

export default task;
