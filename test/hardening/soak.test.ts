/**
 * The soak in short (`npm run soak` runs it for 10 minutes): a real `lede serve` under 100 concurrent
 * connections for 20 s mixing pages, searches, API reads and ingests; no request may fail, memory must
 * stay flat after warm-up, and a burst over the rate limits must get 429 with a valid Retry-After while
 * pages keep being served. Latency is reported, not asserted (this machine is shared).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";

const ROOT = resolve(import.meta.dirname, "../..");
const SECONDS = Number(process.env.SOAK_SECONDS ?? 20);

interface Summary {
  requests: number;
  errors: number;
  ingests: number;
  routes: Array<{ route: string; requests: number; p50: number; p99: number; errors: number }>;
  rss: { warmMb: number; endMb: number };
  rateLimit: {
    ok: boolean;
    writes: { ok: number; limited: number; retryAfterOk: boolean };
    apiReads: { ok: number; limited: number; retryAfterOk: boolean };
  };
  problems: string[];
}

test(`soak: ${SECONDS} s at 100 connections against lede serve`, { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "lede-soak-test-"));
  const out = join(dir, "soak.json");
  try {
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/soak.ts",
        "--duration",
        String(SECONDS),
        "--articles",
        "500",
        "--json",
        out,
      ],
      { cwd: ROOT, encoding: "utf8", timeout: 280_000 },
    );
    console.log(
      r.stdout
        .split("\n")
        .filter((l) => l.startsWith("|") || /requests in|rate limit/.test(l))
        .join("\n"),
    );
    const s = JSON.parse(readFileSync(out, "utf8")) as Summary;
    assert.equal(s.errors, 0, s.problems.join("\n"));
    assert.ok(s.requests > 500, `only ${s.requests} requests`);
    assert.ok(s.ingests > 0, "no ingest went through");
    for (const route of [
      "GET /",
      "GET /articles/:id",
      "GET /search",
      "POST /api/ingest",
      "GET /api/search",
    ]) {
      const row = s.routes.find((x) => x.route === route);
      assert.ok(row && row.requests > 0, `no ${route} requests`);
      assert.ok(row.p99 >= row.p50 && row.p99 < 30_000, `${route}: p50 ${row.p50}, p99 ${row.p99}`);
    }
    assert.ok(s.rateLimit.writes.limited > 0 && s.rateLimit.writes.retryAfterOk, JSON.stringify(s.rateLimit));
    assert.ok(
      s.rateLimit.apiReads.limited > 0 && s.rateLimit.apiReads.retryAfterOk,
      JSON.stringify(s.rateLimit),
    );
    assert.ok(s.rateLimit.ok, JSON.stringify(s.rateLimit));
    assert.equal(r.status, 0, `soak exit ${r.status}: ${r.stderr.slice(-2000)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
