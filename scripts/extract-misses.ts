/**
 * Print Lede's metadata misses on the extraction dev sets, to study failures (not a test).
 *
 * Usage: npx tsx scripts/extract-misses.ts [title|author|date|body] [--limit N] [--set wcxb|fundus]
 * Prints one line per miss: page id, gold value, Lede's value.
 */
import { join } from "node:path";
import { extractHtml } from "../src/extract/html/index.ts";
import { SHARED_DATA } from "../test/eval/harness.ts";
import {
  authorF1,
  loadFundus,
  loadWcxb,
  normTitle,
  type Page,
  sameDay,
  shingleCounts,
} from "../test/eval/tasks/extract.ts";

const args = process.argv.slice(2);
const field = args.find((a) => !a.startsWith("--")) ?? "title";
const limitAt = args.indexOf("--limit");
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : undefined;
const setAt = args.indexOf("--set");
const only = setAt >= 0 ? args[setAt + 1] : undefined;
const base = join(SHARED_DATA, "extraction");
const pages: Page[] = [
  ...(only === "fundus" ? [] : loadWcxb(join(base, "wcxb-articles-dev"), limit)),
  ...(only === "wcxb" ? [] : loadFundus(join(base, "fundus"), limit)),
];
let misses = 0;
let n = 0;
const rows: [number, string][] = [];
for (const p of pages) {
  const a = extractHtml(p.html, p.url ? { url: p.url } : {});
  const g = p.gold;
  if (field === "title" && g.title) {
    n++;
    if (!a.title || normTitle(a.title) !== normTitle(g.title)) {
      misses++;
      console.log(`${p.id}\n  gold: ${g.title}\n  lede: ${a.title}`);
    }
  } else if (field === "author" && g.authors.length > 0) {
    n++;
    const f = authorF1(a.authors, g.authors);
    if (f < 1) {
      misses++;
      console.log(
        `${p.id} f1=${f.toFixed(2)}\n  gold: ${JSON.stringify(g.authors)}\n  lede: ${JSON.stringify(a.authors)}`,
      );
    }
  } else if (field === "date" && g.published) {
    n++;
    if (!sameDay(a.published, g.published)) {
      misses++;
      console.log(
        `${p.id} ${p.url}\n  gold: ${g.published}\n  lede: ${a.published}  (modified ${a.modified})`,
      );
    }
  } else if (field === "body") {
    n++;
    const [tp, fp, fn] = shingleCounts(g.body, a.text);
    const pr = tp + fp > 0 ? tp / (tp + fp) : 0;
    const rc = tp + fn > 0 ? tp / (tp + fn) : 0;
    const f = pr + rc > 0 ? (2 * pr * rc) / (pr + rc) : 0;
    rows.push([f, `${f.toFixed(3)} p=${pr.toFixed(3)} r=${rc.toFixed(3)} ${p.id} ${p.url}`]);
  }
}
if (field === "body") {
  rows.sort((x, y) => x[0] - y[0]);
  for (const [, line] of rows.slice(0, 80)) console.log(line);
  misses = rows.filter(([f]) => f < 0.9).length;
}
console.log(`\n${field}: ${misses} misses of ${n}`);
