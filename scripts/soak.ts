/**
 * Load and soak: `npm run soak [-- --duration S --connections N --articles N --json FILE]`.
 *
 * Starts a real `lede serve` (a child process, fresh SQLite data dir seeded with N analysed articles) on
 * 127.0.0.1 and drives it with N concurrent connections (default 100) for S seconds (default 600):
 * reader pages (home, article, search, quotes, story, sources), API reads and searches, and ingests through
 * the real pipeline. API reads and ingests are paced just under the server's per-client rate limits, so
 * the steady phase expects no 429 at all. Then a burst well over the limits checks that the excess gets
 * 429 with a sane Retry-After. Reports p50/p99 per route, errors, and the server's RSS over time.
 * `--profile DIR` writes a CPU profile of the server there. Exit status 1 when any request failed, memory grew, or the rate limit misbehaved.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Pool } from "undici";
import { openSqliteStore } from "../src/store/index.ts";
import { summitArticle } from "../test/serve/fixtures.ts";

const ROOT = resolve(import.meta.dirname, "..");
const LEDE = join(ROOT, "bin/lede.js");

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "600" },
    connections: { type: "string", default: "100" },
    articles: { type: "string", default: "2000" },
    json: { type: "string" },
    /** Write a CPU profile of the server to this directory (for finding what is slow). */
    profile: { type: "string" },
  },
});
const DURATION_S = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const ARTICLES = Number(values.articles);

/** The server's default limits (src/serve/app.ts), per client and minute; the soak stays just under. */
const WRITES_PER_MINUTE = 60;
const API_READS_PER_MINUTE = 1200;

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20_260_301);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const PLACES = ["Varnholm", "Ostrel", "Kessary", "Dunmere", "Thalbrook", "Marrow Bay"];
const PEOPLE = ["Idris Quell", "Ama Sorvik", "Teodor Brann", "Lise Okonkwo-Hart", "Paavo Reyes"];
const SUBJECTS = [
  "the harbour board",
  "the council",
  "the water authority",
  "the ferry company",
  "rail unions",
];
const VERBS = ["agreed", "rejected", "delayed", "approved", "questioned"];
const THINGS = ["the quay repairs", "a new budget", "the flood barrier", "night ferries", "the bridge tolls"];

/** An invented news report (a different one each call). */
function report(n: number): string {
  const place = pick(PLACES);
  const person = pick(PEOPLE);
  const paragraphs = [
    `${place} ${n}: ${pick(SUBJECTS)} ${pick(VERBS)} ${pick(THINGS)} on Tuesday after a meeting that lasted ${2 + (n % 7)} hours.`,
    `"We cannot wait another winter," ${person} said, adding that ${100 + (n % 900)} households were affected and that a decision was due by 1 March.`,
    `Critics said ${pick(SUBJECTS)} had ${pick(VERBS)} ${pick(THINGS)} twice before, and that the cost had risen to ${3 + (n % 20)} million crowns.`,
    `${person} will meet ${pick(PEOPLE)} in ${pick(PLACES)} next week, officials said.`,
  ];
  return paragraphs.join("\n\n");
}

const SEARCHES = [
  "harbour",
  "quay OR barrier",
  '"flood barrier"',
  "budget -ferry",
  "Varnholm",
  "deadline",
  "type:quote winter",
  "Putin",
  "damage district",
  "entity:Putin",
];

/** Seed the data dir before the server starts: N analysed articles straight into the store. */
async function seed(dir: string): Promise<void> {
  const store = openSqliteStore(join(dir, "lede.db"));
  await store.migrate();
  const summit = summitArticle();
  const fetchedAt = new Date().toISOString();
  for (let i = 0; i < ARTICLES; i++) {
    await store.putArticle({
      article: {
        ...summit.article,
        url: `https://news.example/soak/${i}`,
        title: `${summit.article.title} (${i})`,
        text: `${summit.article.text}\n\nUpdate ${i}: officials in district ${i % 97} reported more damage.`,
      },
      analysis: summit.analysis,
      source: "soak-seed",
      fetchedAt,
    });
  }
  await store.close();
}

/** RSS of a process in MB, from /proc. */
function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds (user + system) a process has used, from /proc (its threads included). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface RouteStats {
  latencies: number[];
  statuses: Map<number, number>;
  errors: number;
}

async function startLede(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const profile = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${resolve(values.profile)}`] : [];
  const child = spawn(process.execPath, [...profile, LEDE, "serve", "--port", "0"], {
    env: { ...process.env, LEDE_DATA_DIR: dir, LEDE_HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (b: Buffer) => {
    stderr += b.toString();
    if (stderr.length > 100_000) stderr = stderr.slice(-50_000);
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = "";
    const timer = setTimeout(() => fail(new Error(`lede serve did not start: ${stderr}`)), 60_000);
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /serving at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.once("exit", (code) => fail(new Error(`lede serve exited ${code}: ${stderr}`)));
  });
  child.on("exit", (code, signal) => {
    if (signal !== "SIGTERM" && code !== 0) console.error(`lede serve exited (${code ?? signal}): ${stderr}`);
  });
  return { child, url };
}

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "lede-soak-"));
  const env = { ...process.env, LEDE_DATA_DIR: dir };
  console.log(`soak: seeding ${ARTICLES} articles in ${dir}`);
  await seed(dir);
  const token = execFileSync(process.execPath, [LEDE, "token", "create", "soak"], { env }).toString().trim();
  const { child, url } = await startLede(dir);
  const pid = child.pid!;
  console.log(`soak: lede serve (pid ${pid}) at ${url}; ${CONNECTIONS} connections for ${DURATION_S} s`);
  const pool = new Pool(url, { connections: CONNECTIONS, pipelining: 1 });
  const stats = new Map<string, RouteStats>();
  const statsOf = (route: string) => {
    let s = stats.get(route);
    if (!s) stats.set(route, (s = { latencies: [], statuses: new Map(), errors: 0 }));
    return s;
  };
  let ingested = 0;
  const ingestedIds: number[] = [];
  const problems: string[] = [];
  const note = (p: string) => {
    if (problems.length < 50) problems.push(p);
  };

  /** One request; returns status, headers and body. */
  const call = async (
    route: string,
    method: "GET" | "POST",
    path: string,
    body?: object,
    expect: readonly number[] = [200],
  ) => {
    const s = statsOf(route);
    const t0 = performance.now();
    try {
      const r = await pool.request({
        method,
        path,
        headers: {
          "accept-encoding": "gzip",
          ...(body ? { "content-type": "application/json", authorization: `Bearer ${token}` } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        headersTimeout: 30_000,
        bodyTimeout: 30_000,
      });
      const text = await r.body.text();
      s.latencies.push(performance.now() - t0);
      s.statuses.set(r.statusCode, (s.statuses.get(r.statusCode) ?? 0) + 1);
      if (!expect.includes(r.statusCode)) {
        s.errors++;
        note(`${method} ${path}: ${r.statusCode} ${text.slice(0, 200)}`);
      }
      return { status: r.statusCode, headers: r.headers, text };
    } catch (e) {
      s.errors++;
      s.latencies.push(performance.now() - t0);
      note(`${method} ${path}: ${(e as Error).message}`);
      return { status: 0, headers: {}, text: "" };
    }
  };

  // Paced budgets (token buckets) for the rate-limited kinds, kept at 75% of the server's limits.
  const budget = { api: 0, write: 0 };
  const refill = setInterval(() => {
    budget.api = Math.min(budget.api + (API_READS_PER_MINUTE * 0.75) / 600, 20);
    budget.write = Math.min(budget.write + (WRITES_PER_MINUTE * 0.75) / 600, 2);
  }, 100);

  const rss: Array<{ t: number; mb: number }> = [];
  const cpu0 = cpuSeconds(pid);
  const t0 = Date.now();
  const sampler = setInterval(() => rss.push({ t: (Date.now() - t0) / 1000, mb: rssMb(pid) }), 2000);
  rss.push({ t: 0, mb: rssMb(pid) });
  const end = t0 + DURATION_S * 1000;

  const worker = async () => {
    while (Date.now() < end) {
      if (budget.write >= 1) {
        budget.write--;
        const n = ingested++;
        const r = await call("POST /api/ingest", "POST", "/api/ingest", {
          text: report(n),
          published: "2026-02-24",
        });
        if (r.status === 200) ingestedIds.push((JSON.parse(r.text) as { id: number }).id);
        continue;
      }
      if (budget.api >= 1) {
        budget.api--;
        const x = random();
        if (x < 0.5)
          await call("GET /api/search", "GET", `/api/search?q=${encodeURIComponent(pick(SEARCHES))}`);
        else if (x < 0.8) await call("GET /api/latest", "GET", "/api/latest");
        else
          await call("GET /api/articles/:id", "GET", `/api/articles/${1 + Math.floor(random() * ARTICLES)}`);
        continue;
      }
      const x = random();
      if (x < 0.35) await call("GET /", "GET", "/");
      else if (x < 0.65) {
        const id =
          ingestedIds.length > 0 && random() < 0.2 ? pick(ingestedIds) : 1 + Math.floor(random() * ARTICLES);
        await call("GET /articles/:id", "GET", `/articles/${id}`);
      } else if (x < 0.85)
        await call("GET /search", "GET", `/search?q=${encodeURIComponent(pick(SEARCHES))}`);
      else if (x < 0.92) await call("GET /quotes", "GET", "/quotes");
      else if (x < 0.96) await call("GET /sources", "GET", "/sources");
      else await call("GET /static/app.js", "GET", "/static/app.js");
    }
  };
  const progress = setInterval(() => {
    const done = [...stats.values()].reduce((a, s) => a + s.latencies.length, 0);
    const errors = [...stats.values()].reduce((a, s) => a + s.errors, 0);
    console.log(
      `soak: ${Math.round((Date.now() - t0) / 1000)} s, ${done} requests, ${errors} errors, ${ingested} ingests, RSS ${rssMb(pid).toFixed(0)} MB`,
    );
  }, 30_000);
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  clearInterval(progress);
  clearInterval(refill);
  clearInterval(sampler);
  rss.push({ t: (Date.now() - t0) / 1000, mb: rssMb(pid) });
  const elapsed = (Date.now() - t0) / 1000;
  const serverCpu = cpuSeconds(pid) - cpu0;

  // The burst: well over both limits at once from this client; the excess must get 429 + Retry-After.
  const burst = async (
    route: string,
    n: number,
    make: (i: number) => Promise<{ status: number; headers: Record<string, unknown> }>,
  ) => {
    const rs = await Promise.all(Array.from({ length: n }, (_, i) => make(i)));
    const ok = rs.filter((r) => r.status === 200).length;
    const limited = rs.filter((r) => r.status === 429);
    const retryAfter = limited.map((r) => Number(r.headers["retry-after"]));
    const goodRetry = retryAfter.every((s) => Number.isInteger(s) && s >= 1 && s <= 60);
    return {
      route,
      sent: n,
      ok,
      limited: limited.length,
      other: n - ok - limited.length,
      retryAfterOk: goodRetry,
      retryAfterMax: Math.max(0, ...retryAfter),
    };
  };
  const writeBurst = await burst("POST /api/ingest", WRITES_PER_MINUTE * 2, (i) =>
    call("burst POST /api/ingest", "POST", "/api/ingest", { text: report(100_000 + i) }, [200, 429]),
  );
  const readBurst = await burst("GET /api/latest", API_READS_PER_MINUTE + 300, () =>
    call("burst GET /api/latest", "GET", "/api/latest", undefined, [200, 429]),
  );
  const pageAfter = await call("GET / after burst", "GET", "/");
  await pool.close();
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  rmSync(dir, { recursive: true, force: true });

  // Report.
  const routes = [...stats.entries()]
    .filter(([r]) => !r.startsWith("burst") && !r.includes("after burst"))
    .map(([route, s]) => {
      const sorted = [...s.latencies].sort((a, b) => a - b);
      return {
        route,
        requests: s.latencies.length,
        perSecond: Math.round(s.latencies.length / elapsed),
        p50: Number(percentile(sorted, 50).toFixed(1)),
        p99: Number(percentile(sorted, 99).toFixed(1)),
        max: Number(sorted.at(-1)?.toFixed(1) ?? "NaN"),
        errors: s.errors,
        statuses: Object.fromEntries(s.statuses),
      };
    })
    .sort((a, b) => b.requests - a.requests);
  const total = routes.reduce((a, r) => a + r.requests, 0);
  const errors = routes.reduce((a, r) => a + r.errors, 0);
  // Memory: the first sample after a warm-up (10% of the run, at least 10 s) against the last.
  const warm = rss.find((s) => s.t >= Math.max(10, DURATION_S * 0.1)) ?? rss[0]!;
  const last = rss.at(-1)!;
  const peak = Math.max(...rss.map((s) => s.mb));
  const growth = (last.mb - warm.mb) / warm.mb;
  // A fixed window lets a burst that straddles its end through twice (what was left of the old window,
  // then the new one), never more.
  const rateLimitOk =
    writeBurst.limited > 0 &&
    writeBurst.ok <= 2 * WRITES_PER_MINUTE &&
    writeBurst.other === 0 &&
    writeBurst.retryAfterOk &&
    readBurst.limited > 0 &&
    readBurst.ok <= 2 * API_READS_PER_MINUTE &&
    readBurst.other === 0 &&
    readBurst.retryAfterOk &&
    pageAfter.status === 200;
  const summary = {
    durationS: Math.round(elapsed),
    connections: CONNECTIONS,
    seeded: ARTICLES,
    requests: total,
    perSecond: Math.round(total / elapsed),
    errors,
    ingests: ingestedIds.length,
    /** The server's CPU time per request (its worker threads included): comparable on a busy machine. */
    serverCpuMsPerRequest: Number(((serverCpu * 1000) / total).toFixed(3)),
    serverCpuShare: Number((serverCpu / elapsed).toFixed(2)),
    routes,
    rss: {
      startMb: Math.round(rss[0]!.mb),
      warmMb: Math.round(warm.mb),
      endMb: Math.round(last.mb),
      peakMb: Math.round(peak),
      growthAfterWarmUp: Number(growth.toFixed(3)),
      samples: rss
        .filter((_, i) => i % Math.max(1, Math.floor(rss.length / 20)) === 0)
        .map((s) => [Math.round(s.t), Math.round(s.mb)]),
    },
    rateLimit: {
      writes: writeBurst,
      apiReads: readBurst,
      pagesStillServed: pageAfter.status === 200,
      ok: rateLimitOk,
    },
    problems,
  };
  console.log("\n| route | requests | req/s | p50 ms | p99 ms | max ms | errors | statuses |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const r of routes)
    console.log(
      `| ${r.route} | ${r.requests} | ${r.perSecond} | ${r.p50} | ${r.p99} | ${r.max} | ${r.errors} | ${JSON.stringify(r.statuses)} |`,
    );
  console.log(
    `\n${total} requests in ${Math.round(elapsed)} s (${summary.perSecond}/s), ${errors} errors, ${ingestedIds.length} ingests; ` +
      `server CPU ${summary.serverCpuMsPerRequest} ms per request (${summary.serverCpuShare} cores busy); ` +
      `RSS ${summary.rss.startMb} MB at start, ${summary.rss.warmMb} MB after warm-up, ${summary.rss.endMb} MB at end (peak ${summary.rss.peakMb}, growth ${(growth * 100).toFixed(1)}%)`,
  );
  console.log(
    `rate limit: writes ${writeBurst.ok} ok / ${writeBurst.limited} × 429 of ${writeBurst.sent} (Retry-After ≤ ${writeBurst.retryAfterMax} s, valid ${writeBurst.retryAfterOk}); ` +
      `API reads ${readBurst.ok} ok / ${readBurst.limited} × 429 of ${readBurst.sent} (Retry-After ≤ ${readBurst.retryAfterMax} s, valid ${readBurst.retryAfterOk}); pages after: ${pageAfter.status}`,
  );
  if (problems.length > 0) console.log(`first problems:\n  ${problems.slice(0, 10).join("\n  ")}`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(summary, null, 2)}\n`);
  // Flat memory: under 25% growth after warm-up (and a small absolute slack for short runs).
  const memoryOk = last.mb - warm.mb < Math.max(warm.mb * 0.25, 40);
  return errors === 0 && rateLimitOk && memoryOk ? 0 : 1;
}

process.exitCode = await main();
