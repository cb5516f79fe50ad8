/**
 * Regenerate the golden corpus: for each `test/corpus/<case>/page.html`, write `expected.json` with
 * what Lede extracts now. Review the diff before committing it.
 *
 * Usage: `npx tsx scripts/regen-corpus.ts [case...]` (all cases when none is named). A case may hold
 * `options.json` with extract options (`url`, `published`).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { extractHtml } from "../src/extract/html/index.ts";

/** The corpus folder. */
export const CORPUS = resolve(fileURLToPath(import.meta.url), "../../test/corpus");

/** Extract one case as it is stored in `expected.json`. */
export function extractCase(name: string): unknown {
  const dir = join(CORPUS, name);
  const html = readFileSync(join(dir, "page.html"), "utf8");
  const optionsFile = join(dir, "options.json");
  const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, "utf8")) : {};
  return extractHtml(html, options);
}

/** The names of all cases. */
export function caseNames(): string[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(CORPUS, d.name, "page.html")))
    .map((d) => d.name)
    .sort();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.length > 2 ? process.argv.slice(2) : caseNames();
  for (const name of names) {
    writeFileSync(join(CORPUS, name, "expected.json"), `${JSON.stringify(extractCase(name), null, 2)}\n`);
    console.log(`wrote ${name}/expected.json`);
  }
}
