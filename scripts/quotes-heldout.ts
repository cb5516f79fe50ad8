/**
 * Score Lede's quotes on the held-out fifth of PolNeAR train (articles whose index mod 5 is 0, the ones
 * `scripts/train/quotes/spans.ts --holdout 5` leaves out), with the span model that LEDE_QUOTES_MODEL names
 * (train one with `--holdout 5 --out FILE`; a model trained on all of train has seen these articles) or the
 * rules alone (LEDE_QUOTES_MODEL=off). Dev is not read.
 *
 * Usage: LEDE_QUOTES_MODEL=/tmp/h5.bin.gz npx tsx scripts/quotes-heldout.ts [--unnamed N] [--fold K]
 * Prints exact P/R/F1 per role and speaker_named; --unnamed N lists the N most frequent speaker spans
 * given no name, --context REGEX prints the text before those matching REGEX (--named REGEX prints the names given to them); --lone N lists one-word predicted sources (right/wrong); --sources N lists wrong (unmatched) predicted source texts.
 */
import { findQuotes } from "../src/analyse/quotes/index.ts";
import type { Span } from "../src/core/index.ts";
import { SHARED_DATA } from "../test/eval/harness.ts";
import { loadPolnear, loadUpstream, quoteSpans, ROLES } from "../test/eval/tasks/quotes.ts";

const args = process.argv.slice(2);
const opt = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const fold = Number(opt("fold") ?? 5);
const docs = loadPolnear(SHARED_DATA, "train").filter((_, i) => i % fold === 0);
const up = await loadUpstream();
const key = (s: Span) => `${s.start}:${s.end}`;
const counts = new Map(ROLES.map((r) => [r, { tp: 0, pred: 0, gold: 0 }]));
let speakers = 0;
let named = 0;
const unnamed = new Map<string, number>();
const wrongSources = new Map<string, number>();
/** Predicted one-word sources: word → [matching a gold source, not]. */
const lone = new Map<string, [number, number]>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
let cpu = 0;
/** Quotes with a named / unnamed speaker: [speaker span matches a gold source, not]. */
const namedRight: [number, number] = [0, 0];
const unnamedRight: [number, number] = [0, 0];
for (const doc of docs) {
  const sentences = up.sentences ? up.sentences(doc.text) : [];
  const entities = up.entities ? up.entities(doc.text, sentences) : [];
  const c0 = process.cpuUsage();
  const quotes = findQuotes(doc.text, sentences, entities);
  const c1 = process.cpuUsage(c0);
  cpu += (c1.user + c1.system) / 1000;
  for (const role of ROLES) {
    const k = role === "Source" ? "source" : role === "Cue" ? "cue" : "content";
    const gold = new Set(doc.attributions.flatMap((a) => a[k]).map(key));
    const pred = quoteSpans(quotes, role);
    const c = counts.get(role)!;
    c.gold += gold.size;
    c.pred += pred.length;
    for (const s of pred) {
      const hit = gold.has(key(s));
      const t = doc.text.slice(s.start, s.end);
      if (role === "Source" && /^\S+$/.test(t)) {
        const w = t.toLowerCase();
        const v = lone.get(w) ?? [0, 0];
        v[hit ? 0 : 1]++;
        lone.set(w, v);
      }
      if (hit) c.tp++;
      else if (role === "Source") bump(wrongSources, doc.text.slice(s.start, s.end).replace(/\s+/g, " "));
    }
  }
  const goldSources = new Set(doc.attributions.flatMap((a) => a.source).map(key));
  for (const q of quotes) {
    if (!q.speaker) continue;
    const right = goldSources.has(key(q.speaker));
    if (q.speakerName) namedRight[right ? 0 : 1]++;
    else unnamedRight[right ? 0 : 1]++;
    speakers++;
    if (q.speakerName) {
      named++;
      if (opt("named") && new RegExp(opt("named")!, "i").test(q.speaker.text))
        console.log(`${doc.name.slice(0, 40)}: [${q.speaker.text}] → ${q.speakerName}`);
    } else {
      bump(unnamed, `${right ? "+" : "-"} ${q.speaker.text.replace(/\s+/g, " ").toLowerCase()}`);
      if (opt("context") && new RegExp(opt("context")!, "i").test(q.speaker.text))
        console.log(
          `--- ${doc.name}: [${q.speaker.text}]\n${doc.text.slice(Math.max(0, q.speaker.start - 1500), q.speaker.end + 40).replace(/\s+/g, " ")}`,
        );
    }
  }
}
const pct = (n: number) => (100 * n).toFixed(1);
const rows = ROLES.map((role) => {
  const c = counts.get(role)!;
  const p = c.tp / Math.max(1, c.pred);
  const r = c.tp / Math.max(1, c.gold);
  return `${role} ${pct((2 * p * r) / Math.max(1e-9, p + r))} (P ${pct(p)} R ${pct(r)})`;
});
console.log(`${docs.length} held-out train articles: ${rows.join("  ")}`);
console.log(
  `speaker_named ${(named / Math.max(1, speakers)).toFixed(4)} (${named}/${speakers}); findQuotes ${(cpu / docs.length).toFixed(2)} CPU ms/doc`,
);
console.log(`speaker span right/wrong: named ${namedRight.join("/")}, unnamed ${unnamedRight.join("/")}`);
const list = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([k, v]) => `${v} ${k}`)
    .join("\n");
if (opt("unnamed")) console.log(`unnamed speakers:\n${list(unnamed, Number(opt("unnamed")))}`);
if (opt("lone"))
  console.log(
    `one-word sources (right/wrong):\n${[...lone]
      .sort((a, b) => b[1][1] - a[1][1] || a[0].localeCompare(b[0]))
      .slice(0, Number(opt("lone")))
      .map(([w, [r, x]]) => `${w} ${r}/${x}`)
      .join("  ")}`,
  );
if (opt("sources")) console.log(`wrong sources:\n${list(wrongSources, Number(opt("sources")))}`);
