/**
 * `npm run train -- quotes [--data DIR] [--min-count N] [--min-rate R] [--spans]`: rebuild models/quotes/cues.json, the
 * learned cue lexicon, from the PolNeAR train split (../shared/data/quotes/polnear). For every lower-cased word
 * it counts how often the word is (part of) an attribution cue and how often it occurs at all; words that are
 * cues often enough are kept with both counts. --spans also trains the opt-in span model (quotes/spans.ts). Occurrences inside another attribution's content are not counted. Only words and counts are written: no text of the corpus.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
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
      "min-precision": { type: "string", default: DEFAULT_MIN_PRECISION },
      spans: { type: "boolean", default: false },
    },
  });
  const minCount = Number(values["min-count"]);
  const minRate = Number(values["min-rate"]);
  const minPrecision = Number(values["min-precision"]);
  const docs = loadPolnear(values.data ?? SHARED_DATA, "train");
  const total = new Map<string, number>();
  const cue = new Map<string, number>();
  const word = /[\p{L}]+(?:[’'-][\p{L}]+)*/gu;
  for (const d of docs) {
    const inCue = new Set<number>();
    // PolNeAR is univocal: a cue word inside another attribution's content is never annotated, and the rules
    // never look there (quotations are single tokens; nested attributions are dropped). Occurrences there
    // are not counted.
    const contents = d.attributions.flatMap((a) => a.content);
    const insideContent = (i: number) => contents.some((c) => c.start <= i && i < c.end);
    for (const a of d.attributions) {
      for (const c of a.cue) {
        word.lastIndex = c.start;
        for (let m = word.exec(d.text); m && m.index < c.end; m = word.exec(d.text)) inCue.add(m.index);
      }
    }
    word.lastIndex = 0;
    for (let m = word.exec(d.text); m; m = word.exec(d.text)) {
      const w = m[0].toLowerCase();
      if (!inCue.has(m.index) && insideContent(m.index)) continue;
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
  write(file, { ...out, pruned: [] });
  // Second pass: run the rules with the new lexicon over the same train articles and prune the learned words
  // whose attributions are seldom right (the cue span matches no gold cue): nouns and adjectives that are
  // cues only inside longer phrases ("endorsement", "confident") and verbs of action ("voted", "issued").
  const pruned = prune(minPrecision, values.data);
  write(file, { ...out, pruned });
  if (values.spans) {
    // The opt-in span model, trained in a fresh process on the rules with the new lexicon.
    const script = join(dirname(fileURLToPath(import.meta.url)), "quotes/spans.ts");
    execFileSync(process.execPath, ["--import", "tsx", script], {
      stdio: "inherit",
      env: values.data ? { ...process.env, LEDE_SHARED_DATA: values.data } : process.env,
    });
  }
  console.log(
    `quotes: ${Object.keys(words).length} cue words (${pruned.length} pruned) from ${docs.length} documents -> ${file}`,
  );
}

/** Learned words whose attributions on train have a cue precision below this are pruned. */
const DEFAULT_MIN_PRECISION = "0.25";

/**
 * Run scripts/train/quotes/prune.ts in a fresh process: the rules there load the lexicon just written (this
 * process already holds the previous one, imported with the eval task).
 */
function prune(minPrecision: number, data: string | undefined): string[] {
  const script = join(dirname(fileURLToPath(import.meta.url)), "quotes/prune.ts");
  const out = execFileSync(process.execPath, ["--import", "tsx", script, String(minPrecision)], {
    encoding: "utf8",
    env: data ? { ...process.env, LEDE_SHARED_DATA: data } : process.env,
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out) as string[];
}

/** Write the lexicon, one word a line, so that a rebuild reviews as a small diff. */
function write(
  file: string,
  out: Record<string, unknown> & { words: Record<string, [number, number]> },
): void {
  const lines = Object.entries(out.words).map(([w, [c, t]]) => `  ${JSON.stringify(w)}: [${c}, ${t}]`);
  const head = JSON.stringify({ ...out, words: undefined }, null, 1).replace(/\n}$/, "");
  writeFileSync(file, `${head},\n "words": {\n${lines.join(",\n")}\n }\n}\n`);
}
