/**
 * `npm run bench -- extract`: HTML extraction speed and memory on the WCXB dev pages (decompressed before
 * timing), Lede against Readability.js on linkedom and @extractus/article-extractor.
 *
 * Pages are held gzipped (26 MB for the 711 pages rather than 139 MB) and each is decompressed just
 * before its timed run (`load`, not counted), as when a directory of saved pages is extracted one file
 * after another; each system decodes its page to a string inside the timed run (the same small cost for
 * every system). Peak RSS so measures the extractor, not the whole set held at once.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { BenchInput, BenchSystem, BenchTask } from "../harness.ts";

const html = (input: BenchInput): string => (input.data as Buffer).toString("utf8");

/**
 * Decompress into one buffer of the page's size (gzip's trailer gives it), not a chain of chunks
 * copied together: the harness's 711 pages then cost their size in memory, not half as much again
 * in freed chunks, for every system alike.
 */
function gunzip(gz: Buffer): Buffer {
  const size = gz.length >= 18 ? gz.readUInt32LE(gz.length - 4) : 0;
  return gunzipSync(gz, { chunkSize: Math.min(Math.max(64 * 1024, size + 1024), 64 * 1024 * 1024) });
}

const task: BenchTask = {
  name: "extract",
  description: "HTML extraction on WCXB dev pages: pages/s, per-page ms, peak RSS",
  systems: ["lede", "readability-linkedom", "article-extractor"],
  async inputs(ctx) {
    const dir = join(ctx.dataDir, "extraction/wcxb-articles-dev/html");
    return readdirSync(dir)
      .filter((f) => f.endsWith(".html.gz"))
      .sort()
      .slice(0, ctx.limit)
      .map((f) => ({ id: f, data: readFileSync(join(dir, f)) }));
  },
  load: (input) => ({ id: input.id, data: gunzip(input.data as Buffer) }),
  async system(name): Promise<BenchSystem> {
    if (name === "lede") {
      const { extractHtml } = await import("../../src/extract/html/index.ts");
      return { name, run: (input: BenchInput) => extractHtml(html(input)) };
    }
    if (name === "readability-linkedom") {
      const { Readability } = await import("@mozilla/readability");
      const { parseHTML } = await import("linkedom");
      return {
        name,
        run: (input: BenchInput) => {
          const { document } = parseHTML(html(input));
          return new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
        },
      };
    }
    if (name === "article-extractor") {
      const mod = (await import("@extractus/article-extractor")) as {
        extractFromHtml: (html: string) => Promise<unknown>;
      };
      return { name, run: (input: BenchInput) => mod.extractFromHtml(html(input)) };
    }
    throw new Error(`bench: extract has no system ${name}`);
  },
};

export default task;
