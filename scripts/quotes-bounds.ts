/**
 * Study content boundaries on PolNeAR train (not a test; never dev/test): for attributions whose cue Lede
 * finds exactly and whose content starts right, what follows the gold end and Lede's end.
 * Usage: npx tsx scripts/quotes-bounds.ts [--limit N] [--word REGEX] [--show N]
 */
import { findQuotes } from "../src/analyse/quotes/index.ts";
import type { Quote, Span } from "../src/core/index.ts";
import { SHARED_DATA } from "../test/eval/harness.ts";
import { loadPolnear, loadUpstream } from "../test/eval/tasks/quotes.ts";

const args = process.argv.slice(2);
const opt = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const docs = loadPolnear(SHARED_DATA, "train", opt("limit") ? Number(opt("limit")) : undefined);
const up = await loadUpstream();
const key = (s: Span) => `${s.start}:${s.end}`;
const counts = new Map<string, number>();
const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
const next = (t: string, at: number) =>
  (
    t
      .slice(at, at + 40)
      .match(opt("deep") ? /^[\s]*[,;:.—–-]*\s*[\w’']*\s*[\w’']*/ : /^[\s]*[,;:.—–-]*\s*[\w’']*/)?.[0] ?? ""
  )
    .replace(/\s+/g, " ")
    .toLowerCase();
const prev = (t: string, at: number) =>
  (t.slice(Math.max(0, at - 30), at).match(/[\w’']*[\s,;:.“"]*$/)?.[0] ?? "")
    .replace(/\s+/g, " ")
    .toLowerCase();
const re = opt("word") ? new RegExp(opt("word")!, "i") : null;
let shown = 0;
for (const doc of docs) {
  const sentences = up.sentences ? up.sentences(doc.text) : [];
  const entities = up.entities ? up.entities(doc.text, sentences) : [];
  const quotes: Quote[] = findQuotes(doc.text, sentences, entities);
  const byCue = new Map<string, Quote[]>();
  for (const q of quotes) if (q.cue) byCue.set(key(q.cue), [...(byCue.get(key(q.cue)) ?? []), q]);
  for (const a of doc.attributions) {
    const cue = a.cue[0];
    if (!cue || a.content.length !== 1) continue;
    const hits = byCue.get(key(cue));
    if (!hits) continue;
    const g = a.content[0]!;
    for (const q of hits) {
      if (q.start === g.start && q.end !== g.end) {
        const k =
          q.end > g.end
            ? `LONG  gold-end-next=[${next(doc.text, g.end)}]`
            : `SHORT lede-end-next=[${next(doc.text, q.end)}]`;
        bump(k);
        if (re?.test(k) && shown++ < Number(opt("show") ?? 10))
          console.log(
            `${k}\n  ${doc.text.slice(Math.max(0, cue.start - 80), Math.max(q.end, g.end) + 60).replace(/\s+/g, " ")}\n  gold: …${doc.text.slice(Math.max(g.start, g.end - 60), g.end)}|`,
          );
      } else if (q.start === g.start && q.end === g.end)
        bump(`EXACT lede-end-next=[${next(doc.text, q.end)}]`);
      else if (q.end === g.end && q.start !== g.start)
        bump(
          `START lede=[${prev(doc.text, q.start)}|${doc.text.slice(q.start, q.start + 12)}] gold=[${prev(doc.text, g.start)}|${doc.text.slice(g.start, g.start + 12)}]`.replace(
            /\s+/g,
            " ",
          ),
        );
    }
  }
}
const rows = [...counts].sort((a, b) => b[1] - a[1]);
for (const [k, n] of rows.slice(0, Number(opt("top") ?? 100))) console.log(`${String(n).padStart(5)}  ${k}`);
