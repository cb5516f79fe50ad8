/**
 * `npm run bench -- ner`: named entities on whole news articles (PolNeAR dev texts, about 700 words
 * each): Lede's splitSentences + findEntities vs compromise (people, places, organizations) and
 * wink-nlp (its entities). items/s are articles per second; tokens/s = items/s × the mean tokens
 * per article printed in the description.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { BenchInput, BenchSystem, BenchTask } from "../harness.ts";

const DIR = "quotes/polnear/data/dev/text";

const task: BenchTask = {
  name: "ner",
  description: "entities in news articles (PolNeAR dev, ~700 words each; tokens/s = items/s x ~800 tokens)",
  systems: ["lede", "compromise", "wink-nlp"],
  async inputs(ctx) {
    const dir = join(ctx.dataDir, DIR);
    const files = readdirSync(dir).sort();
    const picked = ctx.limit === undefined ? files : files.slice(0, ctx.limit);
    return picked.map((f) => ({ id: f, data: readFileSync(join(dir, f), "utf8") }));
  },
  async system(name): Promise<BenchSystem> {
    if (name === "lede") {
      const { splitSentences } = await import("../../src/analyse/text/index.ts");
      const { findEntities, loadTagger } = await import("../../src/analyse/entities/index.ts");
      loadTagger();
      return {
        name,
        run: (input: BenchInput) => {
          const text = input.data as string;
          return findEntities(text, splitSentences(text));
        },
      };
    }
    if (name === "compromise") {
      const nlp = (await import("compromise")).default;
      return {
        name,
        run: (input: BenchInput) => {
          const doc = nlp(input.data as string);
          return [doc.people().out("array"), doc.places().out("array"), doc.organizations().out("array")];
        },
      };
    }
    if (name === "wink-nlp") {
      const winkNLP = (await import("wink-nlp")).default;
      const model = (await import("wink-eng-lite-web-model")).default;
      const nlp = winkNLP(model);
      return {
        name,
        run: (input: BenchInput) =>
          nlp
            .readDoc(input.data as string)
            .entities()
            .out(),
      };
    }
    throw new Error(`bench: unknown system ${name}`);
  },
};

export default task;
