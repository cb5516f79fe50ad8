/** End-to-end tests of the fetcher against a real HTTP server on 127.0.0.1. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { createFetchContext, type FetchOptions, fetchUrl } from "../../src/acquire/index.ts";
import { decodeBytes } from "../../src/core/index.ts";
import { gzipBomb, startServer, type TestServer } from "./server.ts";

const HTML = "<!doctype html><html><head><title>Hi</title></head><body><p>Hello</p></body></html>";
let srv: TestServer;
let flaky = 0;

before(async () => {
  srv = await startServer({
    "/robots.txt": (_q, s) => s.end("User-agent: *\nDisallow: /private\n"),
    "/ok": (_q, s) => s.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(HTML),
    "/private": (_q, s) => s.end(HTML),
    "/r3": (_q, s) => s.writeHead(302, { location: "/r2" }).end(),
    "/r2": (_q, s) => s.writeHead(301, { location: "/r1" }).end(),
    "/r1": (_q, s) => s.writeHead(307, { location: "/ok" }).end(),
    "/loop": (_q, s) => s.writeHead(302, { location: "/loop" }).end(),
    "/to-loopback": (_q, s) => s.writeHead(302, { location: `http://127.0.0.1:${srv.port}/ok` }).end(),
    "/to-metadata": (_q, s) =>
      s.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
    "/to-file": (_q, s) => s.writeHead(302, { location: "file:///etc/passwd" }).end(),
    "/etag": (q, s) => {
      if (q.headers["if-none-match"] === '"v1"') s.writeHead(304, { etag: '"v1"' }).end();
      else s.writeHead(200, { etag: '"v1"', "last-modified": "Tue, 01 Sep 2025 10:00:00 GMT" }).end(HTML);
    },
    "/gzip": (_q, s) =>
      s.writeHead(200, { "content-encoding": "gzip", "content-type": "text/html" }).end(gzipSync(HTML)),
    "/bomb": (_q, s) => s.writeHead(200, { "content-encoding": "gzip" }).end(gzipBomb(8 * 1024 * 1024)),
    "/huge": (_q, s) => {
      s.writeHead(200, { "content-type": "text/html" });
      s.end(Buffer.alloc(3 * 1024 * 1024, 0x61));
    },
    "/huge-declared": (_q, s) => {
      s.writeHead(200, { "content-length": String(50 * 1024 * 1024) });
      s.write("a");
    },
    "/slow": (_q, s) => {
      s.writeHead(200, { "content-type": "text/html" });
      const t = setInterval(() => s.write("a"), 100);
      s.on("close", () => clearInterval(t));
    },
    "/hang": () => {},
    "/lying-gzip": (_q, s) =>
      s.writeHead(200, { "content-encoding": "gzip", "content-type": "text/html" }).end(HTML),
    "/br": (_q, s) => s.writeHead(200, { "content-encoding": "br" }).end(brotliCompressSync(HTML)),
    "/to-v6": (_q, s) => s.writeHead(301, { location: `http://[::1]:${srv.port}/ok` }).end(),
    "/to-cgnat": (_q, s) => s.writeHead(308, { location: "http://100.64.1.1/" }).end(),
    "/429": (_q, s) => s.writeHead(429, { "retry-after": "120" }).end(),
    "/flaky": (_q, s) => {
      flaky++;
      if (flaky === 1) s.writeHead(503, { "retry-after": "0" }).end();
      else s.end(HTML);
    },
    "/koi8": (_q, s) =>
      s
        .writeHead(200, { "content-type": "text/html; charset=koi8-r" })
        .end(Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4])), // "Привет"
  });
});
after(() => srv.close());

/** Options that reach the test server: a fresh context without pacing, and 127.0.0.1 allowed. */
function opts(extra: FetchOptions = {}): FetchOptions {
  return {
    allow: ["127.0.0.1"],
    context: createFetchContext({ minIntervalMs: 0 }),
    retryBaseMs: 10,
    ...extra,
  };
}

describe("fetchUrl", () => {
  it("fetches a page with its headers and the Lede user agent", async () => {
    const r = await fetchUrl(`${srv.origin}/ok`, opts());
    assert.ok(r.ok, r.ok ? "" : r.error.message);
    assert.equal(decodeBytes(r.value.body, r.value.contentType).text, HTML);
    assert.equal(r.value.url, `${srv.origin}/ok`);
    assert.equal(r.value.sourceKind, "url");
  });

  it("follows redirects and reports the chain", async () => {
    const r = await fetchUrl(`${srv.origin}/r3`, opts());
    assert.ok(r.ok);
    assert.equal(r.value.url, `${srv.origin}/ok`);
    assert.equal(r.value.redirects.length, 4);
  });

  it("stops a redirect loop", async () => {
    const r = await fetchUrl(`${srv.origin}/loop`, opts());
    assert.ok(!r.ok);
    assert.equal(r.error.code, "too-many-redirects");
  });

  it("returns a distinct not-modified result on 304", async () => {
    const first = await fetchUrl(`${srv.origin}/etag`, opts());
    assert.ok(first.ok);
    assert.equal(first.value.headers.etag, '"v1"');
    const second = await fetchUrl(`${srv.origin}/etag`, opts({ etag: first.value.headers.etag ?? null }));
    assert.ok(second.ok);
    assert.equal(second.value.notModified, true);
    assert.equal(second.value.status, 304);
    assert.equal(second.value.body.length, 0);
  });

  it("decompresses gzip", async () => {
    const r = await fetchUrl(`${srv.origin}/gzip`, opts());
    assert.ok(r.ok);
    assert.equal(new TextDecoder().decode(r.value.body), HTML);
  });

  it("refuses a gzip bomb", async () => {
    const r = await fetchUrl(`${srv.origin}/bomb`, opts({ maxDecompressedBytes: 1024 * 1024 }));
    assert.ok(!r.ok);
    assert.equal(r.error.code, "too-large");
  });

  it("caps the body size, streamed or declared", async () => {
    const a = await fetchUrl(`${srv.origin}/huge`, opts({ maxBytes: 1024 * 1024 }));
    assert.ok(!a.ok);
    assert.equal(a.error.code, "too-large");
    const b = await fetchUrl(`${srv.origin}/huge-declared`, opts({ maxBytes: 1024 * 1024 }));
    assert.ok(!b.ok);
    assert.equal(b.error.code, "too-large");
  });

  it("times out a slow body", async () => {
    const t0 = Date.now();
    const r = await fetchUrl(`${srv.origin}/slow`, opts({ totalTimeoutMs: 600, retries: 0 }));
    assert.ok(!r.ok);
    assert.equal(r.error.code, "timeout");
    assert.ok(Date.now() - t0 < 5000);
  });

  it("times out a server that never answers", async () => {
    const r = await fetchUrl(`${srv.origin}/hang`, opts({ headersTimeoutMs: 300, retries: 0 }));
    assert.ok(!r.ok);
    assert.equal(r.error.code, "timeout");
  });

  it("decodes brotli and tolerates a server that says gzip but sends plain bytes", async () => {
    const br = await fetchUrl(`${srv.origin}/br`, opts());
    assert.ok(br.ok);
    assert.equal(new TextDecoder().decode(br.value.body), HTML);
    const lying = await fetchUrl(`${srv.origin}/lying-gzip`, opts());
    assert.ok(lying.ok);
    assert.equal(new TextDecoder().decode(lying.value.body), HTML);
  });

  it("fails 429 with a long Retry-After without waiting, and reports it", async () => {
    const t0 = Date.now();
    const r = await fetchUrl(`${srv.origin}/429`, opts());
    assert.ok(!r.ok);
    assert.equal(r.error.code, "http-status");
    assert.equal((r.error as unknown as { status: number }).status, 429);
    assert.equal((r.error as unknown as { retryAfterMs: number }).retryAfterMs, 120_000);
    assert.ok(Date.now() - t0 < 2000);
  });

  it("retries a 503 and succeeds", async () => {
    const r = await fetchUrl(`${srv.origin}/flaky`, opts());
    assert.ok(r.ok);
    assert.equal(srv.hits.get("/flaky"), 2);
  });

  it("obeys robots.txt", async () => {
    const r = await fetchUrl(`${srv.origin}/private`, opts());
    assert.ok(!r.ok);
    assert.equal(r.error.code, "robots");
    assert.equal(srv.hits.get("/private") ?? 0, 0);
  });

  it("keeps the charset header so decoding is right", async () => {
    const r = await fetchUrl(`${srv.origin}/koi8`, opts());
    assert.ok(r.ok);
    assert.equal(decodeBytes(r.value.body, r.value.contentType).text, "Привет");
  });
});

describe("SSRF guard", () => {
  it("refuses 127.0.0.1 unless allowed", async () => {
    const r = await fetchUrl(`${srv.origin}/ok`, opts({ allow: [] }));
    assert.ok(!r.ok);
    assert.equal(r.error.code, "blocked-address");
  });

  it("refuses a host name that resolves to loopback, after DNS", async () => {
    const resolve = async () => ["127.0.0.1"];
    const r = await fetchUrl(`http://news.test:${srv.port}/ok`, opts({ allow: [], resolve }));
    assert.ok(!r.ok);
    assert.equal(r.error.code, "blocked-address");
    const l = await fetchUrl(`http://localhost:${srv.port}/ok`, opts({ allow: [] }));
    assert.ok(!l.ok);
    assert.equal(l.error.code, "blocked-address");
  });

  it("connects to the checked address of an allowed host", async () => {
    const resolve = async () => ["127.0.0.1"];
    const r = await fetchUrl(`http://news.test:${srv.port}/ok`, opts({ allow: ["news.test"], resolve }));
    assert.ok(r.ok, r.ok ? "" : r.error.message);
  });

  it("refuses a redirect to loopback from an allowed host", async () => {
    const resolve = async () => ["127.0.0.1"];
    const r = await fetchUrl(
      `http://news.test:${srv.port}/to-loopback`,
      opts({ allow: ["news.test"], resolve }),
    );
    assert.ok(!r.ok);
    assert.equal(r.error.code, "blocked-address");
  });

  it("refuses a redirect to a metadata address and to file:", async () => {
    const a = await fetchUrl(`${srv.origin}/to-metadata`, opts());
    assert.ok(!a.ok);
    assert.equal(a.error.code, "blocked-address");
    const b = await fetchUrl(`${srv.origin}/to-file`, opts());
    assert.ok(!b.ok);
    assert.equal(b.error.code, "bad-input");
  });

  it("refuses redirects to IPv6 loopback and CGNAT addresses", async () => {
    for (const path of ["/to-v6", "/to-cgnat"]) {
      const r = await fetchUrl(`${srv.origin}${path}`, opts());
      assert.ok(!r.ok, path);
      assert.equal(r.error.code, "blocked-address", path);
    }
  });

  it("refuses loopback written in odd forms", async () => {
    for (const host of ["2130706433", "0x7f.1", "127.1", "[::ffff:127.0.0.1]", "[::1]", "0.0.0.0"]) {
      const r = await fetchUrl(`http://${host}:${srv.port}/ok`, opts({ allow: [] }));
      assert.ok(!r.ok, host);
      assert.equal(r.error.code, "blocked-address", host);
    }
  });

  it("admits a CIDR range from the allow list", async () => {
    const r = await fetchUrl(`${srv.origin}/ok`, opts({ allow: ["127.0.0.0/8"] }));
    assert.ok(r.ok);
  });

  it("connects only to the checked addresses when a name resolves to both kinds", async () => {
    // One public and one loopback answer: the loopback one is dropped, so the local server is never reached.
    const before = srv.hits.get("/ok") ?? 0;
    const resolve = async () => ["127.0.0.1", "93.184.216.34"];
    const r = await fetchUrl(
      `http://mixed.test:${srv.port}/ok`,
      opts({ allow: [], resolve, connectTimeoutMs: 300, retries: 0 }),
    );
    assert.ok(!r.ok);
    assert.notEqual(r.error.code, "blocked-address");
    assert.equal(srv.hits.get("/ok") ?? 0, before);
  });

  it("refuses non-http schemes", async () => {
    for (const u of ["file:///etc/passwd", "ftp://example.com/x", "gopher://x/"]) {
      const r = await fetchUrl(u, opts());
      assert.ok(!r.ok);
      assert.equal(r.error.code, "bad-input");
    }
  });
});
