/**
 * Resource limits against a hostile server on 127.0.0.1 and hostile markup through the real ingest
 * pipeline: decompression bombs (gzip and brotli), 100 MB responses (streamed and declared), endless
 * redirects, slowloris bodies and headers, 100,000-deep nesting and 1 MB lines. Each must end within a
 * bounded time, with bounded memory, with a stable error code (or a stored article).
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer as createNetServer, type Server as NetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { createBrotliCompress, createGzip, constants as zlib } from "node:zlib";
import { createFetchContext, FETCH_DEFAULTS, fetchUrl } from "../../src/acquire/index.ts";
import { type Document, LIMITS } from "../../src/core/index.ts";
import { capNesting, MAX_PARSE_DEPTH } from "../../src/extract/html/dom.ts";
import { Ingester } from "../../src/pipeline/ingester.ts";
import { openSqliteStore, type Store } from "../../src/store/index.ts";
import { startServer, type TestServer } from "../acquire/server.ts";

const MB = 1024 * 1024;

/** `total` zero bytes through a compressor, fed in reused chunks (never all in memory). */
async function compressZeros(kind: "gzip" | "br", total: number): Promise<Buffer> {
  const z =
    kind === "gzip"
      ? createGzip({ level: 1 })
      : createBrotliCompress({ params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } });
  const out: Buffer[] = [];
  z.on("data", (b: Buffer) => out.push(b));
  const done = new Promise((r) => z.on("end", r));
  const chunk = Buffer.alloc(4 * MB);
  for (let sent = 0; sent < total; sent += chunk.length) {
    if (!z.write(chunk)) await new Promise((r) => z.once("drain", r));
  }
  z.end();
  await done;
  return Buffer.concat(out);
}

/** Run `f`, sampling RSS every 20 ms: its result, the time it took and the peak RSS growth in MB. */
async function measured<T>(f: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number }> {
  globalThis.gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  try {
    const value = await f();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, ms: performance.now() - t0, peakMb: (peak - start) / MB };
  } finally {
    clearInterval(timer);
  }
}

const results: string[] = [];
after(() => console.log(`limits:\n  ${results.join("\n  ")}`));

describe("fetch limits against a hostile server", () => {
  let server: TestServer;
  let slowHeaders: NetServer;
  let slowHeadersUrl = "";
  let gzipBomb: Buffer;
  let brBomb: Buffer;
  let streamedBytes = 0;
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<import("node:net").Socket>();

  before(async () => {
    gzipBomb = await compressZeros("gzip", 1024 * MB);
    brBomb = await compressZeros("br", 1024 * MB);
    const trickle = (res: import("node:http").ServerResponse) => {
      const t = setInterval(() => {
        if (res.destroyed) return clearInterval(t);
        res.write("a");
      }, 100);
      timers.add(t);
      res.on("close", () => clearInterval(t));
    };
    server = await startServer({
      "/gzip-bomb": (_req, res) => {
        res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
        res.end(gzipBomb);
      },
      "/br-bomb": (_req, res) => {
        res.writeHead(200, { "content-type": "text/html", "content-encoding": "br" });
        res.end(brBomb);
      },
      "/huge-streamed": (_req, res) => {
        res.writeHead(200, { "content-type": "text/html" });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        let sent = 0;
        const pump = () => {
          while (sent < 100 * MB && !res.destroyed) {
            sent += chunk.length;
            streamedBytes = sent;
            if (!res.write(chunk)) return void res.once("drain", pump);
          }
          res.end();
        };
        pump();
      },
      "/huge-declared": (_req, res) => {
        res.writeHead(200, { "content-type": "text/html", "content-length": String(100 * MB) });
        res.write(Buffer.alloc(64 * 1024, 0x61));
      },
      // Redirects without end, as far as any fetcher will go: /loop/N sends to /loop/N+1.
      ...Object.fromEntries(
        Array.from({ length: 1000 }, (_, n) => [
          `/loop/${n}`,
          (_req: unknown, res: import("node:http").ServerResponse) =>
            void res.writeHead(302, { location: `/loop/${n + 1}` }).end(),
        ]),
      ),
      "/slow-body": (_req, res) => {
        res.writeHead(200, { "content-type": "text/html" });
        trickle(res);
      },
    });
    // Slowloris headers: the status line one byte at a time.
    slowHeaders = createNetServer((socket) => {
      sockets.add(socket);
      const line = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: ";
      let i = 0;
      const t = setInterval(() => {
        if (socket.destroyed) return clearInterval(t);
        socket.write(i < line.length ? line[i++]! : "z");
      }, 100);
      timers.add(t);
      socket.on("close", () => clearInterval(t));
      socket.on("error", () => clearInterval(t));
    });
    await new Promise<void>((r) => slowHeaders.listen(0, "127.0.0.1", r));
    slowHeadersUrl = `http://127.0.0.1:${(slowHeaders.address() as AddressInfo).port}/`;
  });

  after(async () => {
    for (const t of timers) clearInterval(t);
    await server?.close();
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => (slowHeaders ? slowHeaders.close(() => r()) : r()));
  });

  const get = (path: string, extra: Parameters<typeof fetchUrl>[1] = {}) =>
    fetchUrl(path.startsWith("http") ? path : `${server.origin}${path}`, {
      allow: ["127.0.0.1"],
      robots: false,
      retries: 0,
      context: createFetchContext({ minIntervalMs: 0 }),
      ...extra,
    });

  const expectFailure = async (
    name: string,
    path: string,
    code: string,
    bounds: { ms: number; mb: number },
    extra: Parameters<typeof fetchUrl>[1] = {},
  ) => {
    const m = await measured(() => get(path, extra));
    results.push(
      `${name}: ${m.value.ok ? "ok" : m.value.error.code} in ${Math.round(m.ms)} ms, peak RSS +${m.peakMb.toFixed(0)} MB`,
    );
    assert.ok(!m.value.ok, `${name} was accepted`);
    assert.equal(m.value.error.code, code, m.value.error.message);
    assert.ok(m.ms < bounds.ms, `${name} took ${Math.round(m.ms)} ms`);
    assert.ok(m.peakMb < bounds.mb, `${name} grew RSS by ${m.peakMb.toFixed(0)} MB`);
    return m.value.error;
  };

  test("a gzip bomb (1 GB of zeros in about 1 MB) stops at the decompression cap", async () => {
    assert.ok(gzipBomb.length < LIMITS.maxInputBytes);
    await expectFailure("gzip bomb 1 GB", "/gzip-bomb", "too-large", {
      ms: 5000,
      mb: LIMITS.maxDecompressedBytes / MB + 150,
    });
  });

  test("a brotli bomb stops at the decompression cap", async () => {
    assert.ok(brBomb.length < LIMITS.maxInputBytes);
    await expectFailure("brotli bomb 1 GB", "/br-bomb", "too-large", {
      ms: 5000,
      mb: LIMITS.maxDecompressedBytes / MB + 150,
    });
  });

  test("a 100 MB streamed body stops at the body cap without reading the rest", async () => {
    await expectFailure("100 MB streamed", "/huge-streamed", "too-large", { ms: 5000, mb: 150 });
    assert.ok(streamedBytes < 60 * MB, `the server got to send ${streamedBytes} bytes`);
  });

  test("a declared 100 MB body is refused from its Content-Length", async () => {
    await expectFailure("100 MB declared", "/huge-declared", "too-large", { ms: 2000, mb: 50 });
  });

  test("endless redirects stop after the redirect limit", async () => {
    const before = server.hits.size;
    await expectFailure("endless redirects", "/loop/0", "too-many-redirects", { ms: 5000, mb: 50 });
    assert.ok(server.hits.size - before <= FETCH_DEFAULTS.maxRedirects + 1);
  });

  test("a slowloris body (a byte every 100 ms) is cut at the total time limit", async () => {
    await expectFailure(
      "slowloris body",
      "/slow-body",
      "timeout",
      { ms: 4000, mb: 50 },
      { totalTimeoutMs: 2000 },
    );
    assert.ok(FETCH_DEFAULTS.totalTimeoutMs <= 60_000);
  });

  test("slowloris headers are cut at the total time limit", async () => {
    await expectFailure(
      "slowloris headers",
      slowHeadersUrl,
      "timeout",
      { ms: 4000, mb: 50 },
      { totalTimeoutMs: 2000 },
    );
  });
});

describe("hostile markup through the ingest pipeline (worker thread, real SQLite)", () => {
  let dir: string;
  let store: Store;
  let ingester: Ingester;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "lede-limits-"));
    store = openSqliteStore(join(dir, "lede.db"));
    await store.migrate();
    ingester = new Ingester({ store });
  });
  after(async () => {
    await ingester?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const words = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => ["harbour", "quay", "said", "the", "board", "Quell", "on", "Tuesday."][i % 8],
    ).join(" ");
  const doc = (name: string, body: string, type = "text/html; charset=utf-8"): Document => ({
    input: `limits:${name}`,
    url: `https://varnholm.example/${name}`,
    body: new TextEncoder().encode(body),
    contentType: type,
    headers: {},
    fetchedAt: new Date().toISOString(),
    sourceKind: "url",
  });

  const cases: Array<[string, () => Document]> = [
    [
      "100,000-deep nesting",
      () =>
        doc(
          "deep",
          `<html><body>${"<div>".repeat(100_000)}<p>${words(300)}</p>${"</div>".repeat(100_000)}</body></html>`,
        ),
    ],
    [
      "100,000-deep unclosed inline tags",
      () =>
        doc(
          "deep-unclosed",
          `<html><body>${"<span><b><i>".repeat(33_334)}<p>${words(300)}</p></body></html>`,
        ),
    ],
    [
      "1 MB line without spaces",
      () => doc("line", `<html><body><article><p>${"x".repeat(MB)}</p></article></body></html>`),
    ],
    [
      "1 MB line of words (HTML)",
      () => doc("words", `<html><body><article><p>${words(150_000)}</p></article></body></html>`),
    ],
    ["1 MB line of words (text page)", () => doc("text", words(150_000), "text/plain; charset=utf-8")],
  ];

  for (const [name, make] of cases) {
    test(`${name}: stored or refused with a code, within the document time limit`, async () => {
      const m = await measured(() => ingester.ingest(make()));
      results.push(
        `${name}: ${m.value.ok ? `stored (${m.value.status})` : m.value.error.code} in ${Math.round(m.ms)} ms, peak RSS +${m.peakMb.toFixed(0)} MB`,
      );
      if (!m.value.ok) assert.match(m.value.error.code, /^[a-z-]+$/);
      assert.ok(m.ms < LIMITS.documentTimeoutMs + 5000, `${name} took ${Math.round(m.ms)} ms`);
      assert.ok(m.peakMb < 600, `${name} grew RSS by ${m.peakMb.toFixed(0)} MB`);
    });
  }

  test("deep nesting is capped before parsing, quickly, and keeps the text", () => {
    const deep = `${"<div>".repeat(100_000)}<p>kept words</p>${"</div>".repeat(100_000)}`;
    const t0 = performance.now();
    const capped = capNesting(deep);
    assert.ok(performance.now() - t0 < 1000);
    assert.ok(capped.includes("<p>kept words</p>"));
    assert.equal(capped.match(/<div>/g)?.length, MAX_PARSE_DEPTH);
    assert.equal(capped.match(/<\/div>/g)?.length, MAX_PARSE_DEPTH);
    const page = "<html><body><div><p>a<p>b</div><ul><li>x<li>y</ul></body></html>";
    assert.equal(capNesting(page), page, "ordinary pages are left alone");
  });
});
