/**
 * The reader under load: `npm run bench -- serve`, or with options
 * `node --import tsx bench/serve.ts [--duration S] [--connections N] [--articles N]`.
 *
 * A child process serves a fresh SQLite store (the summit fixture, the shared sample page through the
 * real pipeline when it is there, and N synthetic analysed articles) on a random 127.0.0.1 port, next to a
 * plain Hono "hello" route as the ceiling; this process drives each route with autocannon (100
 * connections by default) and prints requests/s and p50/p99 latency. The HTTP load does not fit the
 * per-item harness of bench/run.ts, hence its own script.
 */
import { type ChildProcess, fork } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import autocannon from "autocannon";
import { Hono } from "hono";
import { loadConfig } from "../src/core/index.ts";
import { processDocument } from "../src/pipeline/process.ts";
import { EventBus, startServer } from "../src/serve/index.ts";
import { openSqliteStore } from "../src/store/index.ts";
import { summitArticle } from "../test/serve/fixtures.ts";

const ROOT = resolve(import.meta.dirname, "..");
const SAMPLE = resolve(ROOT, "../shared/corpus/000_0910c20049f9287c.txt");

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "100" },
    articles: { type: "string", default: "2000" },
    server: { type: "boolean", default: false },
  },
});

/** The child: seed a store, serve it and a hello route, report both URLs to the parent. */
async function runServer(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "lede-bench-serve-"));
  const store = openSqliteStore(join(dir, "lede.db"));
  await store.migrate();
  const fetchedAt = new Date().toISOString();
  const summit = summitArticle();
  for (let i = 0; i < Number(values.articles); i++) {
    const text = `${summit.article.text}\n\nUpdate ${i}: officials in district ${i % 97} reported more damage.`;
    await store.putArticle({
      article: {
        ...summit.article,
        url: `https://news.example/world/${i}`,
        title: `${summit.article.title} (${i})`,
        text,
      },
      analysis: summit.analysis,
      source: "bench",
      fetchedAt,
    });
  }
  const { id: articleId } = await store.putArticle({ ...summit, source: "bench", fetchedAt });
  let sampleId = articleId;
  if (existsSync(SAMPLE)) {
    const out = processDocument({
      doc: {
        input: SAMPLE,
        url: null,
        body: readFileSync(SAMPLE),
        contentType: "text/plain; charset=utf-8",
        headers: {},
        fetchedAt,
        sourceKind: "file",
      },
      options: { published: "2025-09-01" },
      analyse: true,
    });
    if (out.ok)
      sampleId = (
        await store.putArticle({ article: out.article, analysis: out.analysis, source: SAMPLE, fetchedAt })
      ).id;
  }
  const config = loadConfig({ LEDE_DATA_DIR: dir });
  const lede = await startServer(
    {
      store,
      config,
      events: new EventBus(),
      ingest: async () => ({
        ok: false,
        error: { stage: "serve", code: "bad-input", message: "read-only bench" },
      }),
      limits: { writesPerMinute: 0, apiReadsPerMinute: 0 },
    },
    "127.0.0.1",
    0,
  );
  const hello = new Hono().get("/hello", (c) => c.text("Hello Hono!"));
  const helloUrl = await new Promise<string>((res) => {
    const s = serve({ fetch: hello.fetch, hostname: "127.0.0.1", port: 0 }, (info) =>
      res(`http://127.0.0.1:${info.port}`),
    );
    void s;
  });
  process.send?.({ lede: lede.url, hello: helloUrl, articleId, sampleId });
  process.on("disconnect", () => {
    void lede
      .close()
      .then(() => store.close())
      .then(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      });
  });
}

interface Row {
  readonly route: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly bytes: number;
}

async function load(url: string, route: string): Promise<Row> {
  const r = await autocannon({
    url,
    connections: Number(values.connections),
    duration: Number(values.duration),
  });
  return {
    route,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    bytes: r.throughput.average / Math.max(1, r.requests.average),
  };
}

function table(rows: readonly Row[]): string {
  const header = ["route", "req/s", "p50 ms", "p99 ms", "errors", "bytes/resp"];
  const cells = rows.map((r) => [
    r.route,
    r.rps.toFixed(0),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    String(r.errors),
    r.bytes.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

async function main(): Promise<void> {
  const child: ChildProcess = fork(
    import.meta.filename,
    ["--server", "--articles", String(values.articles)],
    { execArgv: ["--import", "tsx"], stdio: "inherit" },
  );
  const urls = await new Promise<{ lede: string; hello: string; articleId: number; sampleId: number }>(
    (res, rej) => {
      child.once("message", (m) => res(m as never));
      child.once("exit", (code) => rej(new Error(`bench: server exited (${code})`)));
    },
  );
  const routes: Array<[string, string]> = [
    ["hono hello (ceiling)", `${urls.hello}/hello`],
    ["home /", `${urls.lede}/`],
    ["article (fixture)", `${urls.lede}/articles/${urls.articleId}`],
    ["article (sample page)", `${urls.lede}/articles/${urls.sampleId}`],
    ["search putin", `${urls.lede}/search?q=putin`],
    [
      "search entity:putin nato -crimea",
      `${urls.lede}/search?q=${encodeURIComponent("entity:putin nato -crimea")}`,
    ],
    ["api latest", `${urls.lede}/api/latest`],
  ];
  const rows: Row[] = [];
  for (const [name, url] of routes) {
    process.stderr.write(`  ${name}...\n`);
    rows.push(await load(url, name));
  }
  console.log(
    `\n## serve: ${values.connections} connections, ${values.duration} s each, ${values.articles} articles stored\n`,
  );
  console.log(table(rows));
  child.disconnect();
}

if (values.server) await runServer();
else await main();
