/**
 * `node --import tsx bench/link-scale.ts [articles]`: the cost of linking an arriving article as the
 * number already linked grows to 1M (default), with the story keeper's linker settings. Synthetic
 * articles (see tasks/link.ts) arrive one after another; every 10k the mean ms per article of the last
 * block (wall clock, and CPU time of the process, which a shared machine disturbs less), the live
 * stories and the RSS are printed. Linking cost must stay flat: every structure is
 * bounded (stories, postings, vocabulary, the duplicate index), only the article → story map grows.
 */
import { StoryLinker } from "../src/link/index.ts";
import { KEEPER_LINKER } from "../src/pipeline/stories.ts";
import { syntheticArticles } from "./tasks/link.ts";

const total = Number(process.argv[2] ?? 1_000_000);
const BLOCK = 10_000;
const linker = new StoryLinker(KEEPER_LINKER);
let n = 0;
let t = performance.now();
let cpu = process.cpuUsage();
const rows: string[] = [];
for (const a of syntheticArticles(total)) {
  linker.add(a);
  if (++n % BLOCK === 0) {
    const ms = (performance.now() - t) / BLOCK;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000 / BLOCK;
    const row = `${n}\t${ms.toFixed(3)} ms/article\t${cpuMs.toFixed(3)} CPU ms/article\t${linker.stats().stories} stories\t${Math.round(process.memoryUsage().rss / 1e6)} MB RSS`;
    rows.push(row);
    console.log(row);
    t = performance.now();
    cpu = process.cpuUsage();
  }
}
