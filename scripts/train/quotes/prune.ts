/**
 * Second pass of `npm run train -- quotes` (run in its own process by scripts/train/quotes.ts): run the rules
 * with the lexicon in models/quotes/cues.json over PolNeAR train and print, as JSON, the learned cue words
 * (not hand-listed) whose attributions match a gold cue less often than the precision given as argument.
 * Usage: node --import tsx scripts/train/quotes/prune.ts 0.35
 */
import { CUES, HAND_CUES } from "../../../src/analyse/quotes/cues.ts";
import { findQuotes } from "../../../src/analyse/quotes/index.ts";
import { SHARED_DATA } from "../../../test/eval/harness.ts";
import { loadPolnear, loadUpstream } from "../../../test/eval/tasks/quotes.ts";

/** Learned words are judged only when the rules used them at least this often. */
const MIN_USES = 4;

const minPrecision = Number(process.argv[2] ?? "0.35");
const docs = loadPolnear(process.env.LEDE_SHARED_DATA ?? SHARED_DATA, "train");
const { sentences } = await loadUpstream();
const uses = new Map<string, [number, number]>();
for (const d of docs) {
  const gold = new Set(d.attributions.flatMap((a) => a.cue.map((c) => `${c.start}:${c.end}`)));
  const seen = new Set<string>();
  for (const q of findQuotes(d.text, sentences ? sentences(d.text) : [], [])) {
    if (!q.cue || q.kind === "partial") continue;
    const k = `${q.cue.start}:${q.cue.end}`;
    if (seen.has(k)) continue;
    seen.add(k);
    // The cue's last lexicon word is its verb ("has also said" -> "said").
    const w = (q.cue.text.toLowerCase().match(/[\p{L}’']+/gu) ?? []).filter((x) => CUES.has(x)).pop();
    if (!w || HAND_CUES.has(w)) continue;
    const u = uses.get(w) ?? [0, 0];
    u[0]++;
    if (gold.has(k)) u[1]++;
    uses.set(w, u);
  }
}
const pruned = [...uses]
  .filter(([, [n, tp]]) => n >= MIN_USES && tp / n < minPrecision)
  .map(([w]) => w)
  .sort();
console.log(JSON.stringify(pruned));
