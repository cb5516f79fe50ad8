/**
 * Bench task `quotes`: documents per second for quote (and claim) finding on PolNeAR news texts
 * (dev then train, up to --limit). Sentences and entities are computed before timing (they belong to other
 * stages), so the numbers are the cost of `findQuotes` + `findClaims` alone; "said-baseline" is the X-said-Y
 * rule peer on the same texts.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { findClaims } from "../../src/analyse/claims/index.ts";
import { findQuotes, saidBaseline } from "../../src/analyse/quotes/index.ts";
import type { Entity, Span } from "../../src/core/index.ts";
import { type BenchContext, type BenchInput, type BenchSystem, type BenchTask, ROOT } from "../harness.ts";

/** Default number of documents when no --limit is given. */
const DEFAULT_DOCS = 400;

interface Prepared {
  readonly text: string;
  readonly sentences: readonly Span[];
  readonly entities: readonly Entity[];
}

async function upstream(): Promise<{
  split: ((t: string) => Span[]) | null;
  ents: ((t: string, s: readonly Span[]) => Entity[]) | null;
}> {
  const load = async (rel: string, name: string) => {
    const file = join(ROOT, rel);
    if (!existsSync(file)) return null;
    try {
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      return typeof mod[name] === "function" ? mod[name] : null;
    } catch {
      return null;
    }
  };
  return {
    split: (await load("src/analyse/text/index.ts", "splitSentences")) as ((t: string) => Span[]) | null,
    ents: (await load("src/analyse/entities/index.ts", "findEntities")) as
      | ((t: string, s: readonly Span[]) => Entity[])
      | null,
  };
}

const task: BenchTask = {
  name: "quotes",
  description: "findQuotes + findClaims on PolNeAR news texts (sentences and entities precomputed)",
  systems: ["lede", "said-baseline"],
  async inputs(ctx: BenchContext): Promise<BenchInput[]> {
    const root = join(ctx.dataDir, "quotes/polnear/data");
    const limit = ctx.limit ?? DEFAULT_DOCS;
    const files: string[] = [];
    for (const split of ["dev", "train"]) {
      const dir = join(root, split, "text");
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).sort()) if (f.endsWith(".txt")) files.push(join(dir, f));
    }
    const { split, ents } = await upstream();
    return files.slice(0, limit).map((file, i) => {
      const text = readFileSync(file, "utf8");
      const sentences = split ? split(text) : [];
      let entities: readonly Entity[] = [];
      try {
        entities = ents ? ents(text, sentences) : [];
      } catch {}
      const data: Prepared = { text, sentences, entities };
      return { id: String(i), data };
    });
  },
  async system(name: string): Promise<BenchSystem> {
    if (name === "said-baseline")
      return { name, run: (input) => saidBaseline((input.data as Prepared).text) };
    return {
      name,
      run(input) {
        const { text, sentences, entities } = input.data as Prepared;
        const quotes = findQuotes(text, sentences, entities);
        return findClaims(text, sentences, entities, quotes);
      },
    };
  },
};

export default task;
