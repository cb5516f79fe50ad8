/**
 * Acquisition throughput in one run: feed items/s (Lede's parseFeed against rss-parser, the `feeds`
 * task's inputs) and, for Lede, WARC records/s over every archive in ../shared/data/warc.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { readWarc } from "../../src/acquire/index.ts";
import type { BenchContext, BenchInput, BenchSystem, BenchTask } from "../harness.ts";
import feeds from "./feeds.ts";

function archives(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) archives(p, out);
    else if (/\.(w?arc)(\.gz)?$/i.test(n)) out.push(p);
  }
  return out;
}

function counting(name: string, inner: BenchSystem, warc: boolean): BenchSystem {
  let items = 0;
  let ms = 0;
  let records = 0;
  let warcMs = 0;
  return {
    name,
    async run(input: BenchInput) {
      const t = performance.now();
      const { kind, bytes } = input.data as { kind: "feed" | "warc"; bytes: Uint8Array };
      if (kind === "warc") {
        if (!warc) return 0;
        let n = 0;
        for await (const r of readWarc(Readable.from([Buffer.from(bytes)]), { input: input.id }))
          if (r.ok) n++;
        records += n;
        warcMs += performance.now() - t;
        return n;
      }
      const n = (await inner.run({ id: input.id, data: bytes })) as number;
      items += n;
      ms += performance.now() - t;
      return n;
    },
    report: () => ({
      "feed items/s": items / (ms / 1000),
      ...(warc ? { "WARC docs": records, "WARC docs/s": records / (warcMs / 1000) } : {}),
    }),
  };
}

const task: BenchTask = {
  name: "acquire",
  description: "feed items/s (Lede vs rss-parser) and WARC HTML documents/s (Lede) on the fixture suites",
  systems: ["lede", "rss-parser"],
  async inputs(ctx: BenchContext): Promise<BenchInput[]> {
    const feedInputs = (await feeds.inputs({ ...ctx, limit: undefined })).map((i) => ({
      id: i.id,
      data: { kind: "feed", bytes: i.data },
    }));
    const warcInputs = archives(join(ctx.dataDir, "warc")).map((f) => ({
      id: f,
      data: { kind: "warc", bytes: new Uint8Array(readFileSync(f)) },
    }));
    const all = [...feedInputs, ...warcInputs];
    return ctx.limit === undefined ? all : all.slice(0, ctx.limit);
  },
  async system(name: string): Promise<BenchSystem> {
    return counting(name, await feeds.system(name), name === "lede");
  },
};

export default task;
