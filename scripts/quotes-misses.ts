/**
 * Study Lede's attribution misses on a PolNeAR split (not a test; train by default, never the held-out set).
 *
 * Usage: npx tsx scripts/quotes-misses.ts [cues|fp|source|content|examples WORD] [--split train] [--limit N]
 *   [--top N] [--fine 1|0] [--known 1] [--show N] [--cls CLASS] [--exact 1]
 * - cues: gold cue texts whose cue Lede misses entirely (BOUNDARY: overlapped by a wrong span), by count;
 *   --known 1 tags whether a word of the cue is in Lede's lexicon, --fine 0 counts only the tags
 * - fp: predicted cues that match no gold cue: OVERLAP (a gold cue with another span), IN-CONTENT (inside
 *   another attribution's gold content), NONE; --fine 1 adds the cue text
 * - source / content: for attributions whose cue Lede finds exactly, the wrong spans, by kind of difference
 *   (--fine 1: with the first words of the difference; --cls KIND prints only that kind)
 *   (--frag 1: where the first of several gold fragments is missed, the fragment's place and kind; --ctx 1:
 *   the text around the gold content)
 * - fp: --rel 1 (or 2): for cues overlapping a gold cue, the words the gold cue adds (+) or lacks (-) left / right
 * - examples WORD: missed gold attributions whose cue holds WORD (--exact 1: is WORD), with context
 */
import { CUES } from "../src/analyse/quotes/cues.ts";
import { findQuotes } from "../src/analyse/quotes/index.ts";
import type { Quote, Span } from "../src/core/index.ts";
import { SHARED_DATA } from "../test/eval/harness.ts";
import { loadPolnear, loadUpstream } from "../test/eval/tasks/quotes.ts";

const args = process.argv.slice(2);
const opt = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const mode = args[0] ?? "cues";
const split = opt("split") ?? "train";
if (split === "test") throw new Error("quotes-misses: the test split is not for study");
const limit = opt("limit") ? Number(opt("limit")) : undefined;
const docs = loadPolnear(SHARED_DATA, split, limit);
const up = await loadUpstream();

const key = (s: Span) => `${s.start}:${s.end}`;
const counts = new Map<string, number>();
const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
let shown = 0;
for (const doc of docs) {
  const sentences = up.sentences ? up.sentences(doc.text) : [];
  const entities = up.entities ? up.entities(doc.text, sentences) : [];
  const quotes: Quote[] = findQuotes(doc.text, sentences, entities);
  const cut = (s: Span | undefined | null) => (s ? doc.text.slice(s.start, s.end).replace(/\s+/g, " ") : "∅");
  const byCue = new Map<string, Quote[]>();
  for (const q of quotes) if (q.cue) byCue.set(key(q.cue), [...(byCue.get(key(q.cue)) ?? []), q]);
  const goldCues = new Set(doc.attributions.flatMap((a) => a.cue.map(key)));
  if (mode === "fp") {
    const goldCueSpans = doc.attributions.flatMap((a) => a.cue);
    const goldContent = doc.attributions.flatMap((a) => a.content);
    for (const q of quotes) {
      if (!q.cue || goldCues.has(key(q.cue))) continue;
      const c = q.cue;
      const ov = goldCueSpans.find((g) => g.start < c.end && g.end > c.start);
      const inContent = goldContent.some((g) => g.start <= c.start && g.end >= c.end);
      let tag = ov ? `OVERLAP gold=[${cut(ov).toLowerCase()}]` : inContent ? "IN-CONTENT" : "NONE";
      if (ov && opt("rel")) {
        const left =
          ov.start < c.start
            ? `+L[${cut({ start: ov.start, end: c.start }).toLowerCase().trim()}]`
            : ov.start > c.start
              ? `-L[${cut({ start: c.start, end: ov.start }).toLowerCase().trim()}]`
              : "";
        const right =
          ov.end > c.end
            ? `+R[${cut({ start: c.end, end: ov.end }).toLowerCase().trim()}]`
            : ov.end < c.end
              ? `-R[${cut({ start: ov.end, end: c.end }).toLowerCase().trim()}]`
              : "";
        tag = `OVERLAP ${opt("rel") === "2" ? `${left.slice(0, 2)} ${right.slice(0, 2)}` : `${left} ${right}`}`;
      }
      bump(opt("fine") ? `${tag} ${cut(c).toLowerCase()}` : tag);
    }
    continue;
  }
  for (const a of doc.attributions) {
    const cue = a.cue[0];
    if (!cue) continue;
    const hits = byCue.get(key(cue));
    const cueText = a.cue.map(cut).join(" … ");
    if (mode === "cues" && !hits) {
      const overlap = quotes.some((q) => q.cue && q.cue.start < cue.end && q.cue.end > cue.start);
      const known = (cueText.toLowerCase().match(/[\p{L}’']+/gu) ?? []).some((w) => CUES.has(w));
      const tag = `${overlap ? "BOUNDARY " : ""}${opt("known") ? (known ? "KNOWN " : "UNKNOWN ") : ""}`;
      bump(opt("fine") === "0" ? tag : `${tag}${cueText.toLowerCase()}`);
    } else if (
      mode === "examples" &&
      !hits &&
      (opt("exact") ? cueText.toLowerCase() === args[1] : cueText.toLowerCase().includes(args[1] ?? ""))
    ) {
      if (shown++ < 40)
        console.log(
          `${doc.name}\n  S: ${a.source.map(cut).join(" … ")}\n  C: ${cueText}\n  X: ${a.content
            .map(cut)
            .join(" … ")
            .slice(
              0,
              200,
            )}\n  ctx: ${doc.text.slice(Math.max(0, cue.start - 150), cue.end + 150).replace(/\s+/g, " ")}`,
        );
    } else if ((mode === "source" || mode === "content") && hits) {
      const gold = mode === "source" ? a.source : a.content;
      const pred: Span[] = [];
      for (const q of hits) {
        const s = mode === "source" ? q.speaker : q;
        if (s) pred.push({ start: s.start, end: s.end });
      }
      const ok = gold.every((g) => pred.some((p) => key(p) === key(g)));
      if (ok) continue;
      const g0 = gold[0];
      const p0 = pred.find((p) => g0 && p.start < g0.end && p.end > g0.start);
      let cls = !g0
        ? "none no-gold"
        : !pred.length
          ? "none no-pred"
          : gold.length > 1
            ? pred.some((p) => gold.slice(1).some((g) => key(g) === key(p)))
              ? "none frag-later-exact"
              : "none frag-other"
            : "none single";
      if (g0 && p0) {
        if (gold.length > 1) cls = "gold-fragments";
        else if (p0.start === g0.start)
          cls =
            p0.end > g0.end
              ? `longer-end ${cut({ start: g0.end, end: p0.end }).split(" ").slice(0, 2).join(" ")}`
              : `shorter-end ${cut({ start: p0.end, end: g0.end }).split(" ").slice(0, 2).join(" ")}`;
        else if (p0.end === g0.end)
          cls =
            p0.start < g0.start
              ? `earlier-start ${cut({ start: p0.start, end: g0.start }).slice(0, 20)}`
              : `later-start ${cut({ start: g0.start, end: p0.start }).slice(0, 20)}`;
        else cls = "both";
      }
      if (opt("frag") && cls === "none frag-later-exact") {
        const f = cut(g0).toLowerCase();
        const rel = g0!.end <= cue.start ? "before-cue" : "after-cue";
        const src = a.source[0];
        const pos = src
          ? g0!.end <= src.start
            ? "before-src"
            : g0!.start >= src.end
              ? "after-src"
              : "in-src"
          : "no-src";
        cls = `frag ${rel} ${pos} ${/^(which|that|who|what|whom|where|it|he|she|they|this)$/.test(f) ? f : f.split(" ").length === 1 ? "1word" : "NP"}`;
      }
      bump(opt("fine") ? cls : cls.split(" ")[0]!);
      if (opt("cls") && !cls.startsWith(opt("cls")!)) continue;
      if (opt("ctx") && g0)
        console.log(
          `  ctx: ${doc.text.slice(Math.max(0, g0.start - 40), Math.max(cue.end, g0.end) + 120).replace(/\s+/g, " ")}`,
        );
      if (shown++ < Number(opt("show") ?? 60))
        console.log(
          `${doc.name} [${cueText}]\n  gold: ${gold.map(cut).join(" … ").slice(0, 300)}\n  lede: ${pred
            .map(cut)
            .join(" … ")
            .slice(0, 300)}`,
        );
    }
  }
}
const rows = [...counts].sort((a, b) => b[1] - a[1]);
const total = rows.reduce((n, r) => n + r[1], 0);
console.log(`total ${total}`);
for (const [k, n] of rows.slice(0, Number(opt("top") ?? 80))) console.log(`${String(n).padStart(5)}  ${k}`);
