/**
 * `npm run train -- quotes [--data DIR] [--min-count N] [--min-rate R]`: rebuild models/quotes/cues.json, the
 * learned cue lexicon, from the PolNeAR train split (../shared/data/quotes/polnear). For every lower-cased word
 * it counts how often the word is (part of) an attribution cue and how often it occurs at all; words that are
 * cues often enough are kept with both counts. Only words and counts are written: no text of the corpus.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ROOT, SHARED_DATA } from "../../test/eval/harness.ts";
import { loadPolnear } from "../../test/eval/tasks/quotes.ts";

/** Words inside cue spans that are not the cue itself (auxiliaries, adverbs, particles). */
const FILLER = new Set(
  "has have had also is was were are be been will would could may might did does do not to for on of in a the about out as that".split(
    " ",
  ),
);

export default async function train(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: "string" },
      "min-count": { type: "string", default: "4" },
      "min-rate": { type: "string", default: "0.3" },
    },
  });
  const minCount = Number(values["min-count"]);
  const minRate = Number(values["min-rate"]);
  const docs = loadPolnear(values.data ?? SHARED_DATA, "train");
  const total = new Map<string, number>();
  const cue = new Map<string, number>();
  const word = /[\p{L}]+(?:[’'-][\p{L}]+)*/gu;
  for (const d of docs) {
    const inCue = new Set<number>();
    for (const a of d.attributions) {
      for (const c of a.cue) {
        word.lastIndex = c.start;
        for (let m = word.exec(d.text); m && m.index < c.end; m = word.exec(d.text)) inCue.add(m.index);
      }
    }
    word.lastIndex = 0;
    for (let m = word.exec(d.text); m; m = word.exec(d.text)) {
      const w = m[0].toLowerCase();
      total.set(w, (total.get(w) ?? 0) + 1);
      if (inCue.has(m.index) && !FILLER.has(w)) cue.set(w, (cue.get(w) ?? 0) + 1);
    }
  }
  const words: Record<string, [number, number]> = {};
  for (const [w, c] of [...cue].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const t = total.get(w) ?? c;
    if (c >= minCount && c / t >= minRate) words[w] = [c, t];
  }
  const out = {
    description:
      "Attribution cue words learned from PolNeAR train: word -> [times part of a cue, occurrences]",
    data: "PolNeAR v1.0.0 train split (840 articles), github.com/networkdynamics/PolNeAR",
    minCount,
    minRate,
    documents: docs.length,
    words,
  };
  const file = join(ROOT, "models/quotes/cues.json");
  // One word a line, so a rebuild reviews as a small diff.
  const lines = Object.entries(words).map(([w, [c, t]]) => `  ${JSON.stringify(w)}: [${c}, ${t}]`);
  const head = JSON.stringify({ ...out, words: undefined }, null, 1).replace(/\n}$/, "");
  writeFileSync(file, `${head},\n "words": {\n${lines.join(",\n")}\n }\n}\n`);
  console.log(`quotes: ${Object.keys(words).length} cue words from ${docs.length} documents -> ${file}`);
}
