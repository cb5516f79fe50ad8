/** WARC and ARC reading across ../shared/data/warc, plus built records with chunking and compression. */
import assert from "node:assert/strict";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import { readWarc, type WarcSkip } from "../../src/acquire/index.ts";

const ROOT = resolve(
  process.env.LEDE_SHARED_DATA ?? resolve(import.meta.dirname, "../../../shared/data"),
  "warc",
);

function files(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.w?arc(\.gz)?(\.bad)?$/.test(n)) out.push(p);
  }
  return out;
}

async function collect(source: Parameters<typeof readWarc>[0]) {
  const docs = [];
  const errors = [];
  const skips: WarcSkip[] = [];
  for await (const r of readWarc(source, { onSkip: (s) => skips.push(s) })) {
    if (r.ok) docs.push(r.value);
    else errors.push(r.error);
  }
  return { docs, errors, skips };
}

function record(type: string, uri: string, block: Buffer): Buffer {
  const head = `WARC/1.1\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2025-09-01T10:00:00Z\r\nContent-Length: ${block.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), block, Buffer.from("\r\n\r\n")]);
}

describe("readWarc on built records", () => {
  it("dechunks and decompresses an HTML response, skips revisits and non-HTML", async () => {
    const html = "<!doctype html><html><body><p>Story</p></body></html>";
    const gz = gzipSync(html);
    const chunked = Buffer.concat([
      Buffer.from(`${gz.length.toString(16)}\r\n`),
      gz,
      Buffer.from("\r\n0\r\n\r\n"),
    ]);
    const http = Buffer.concat([
      Buffer.from(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n",
      ),
      chunked,
    ]);
    const file = Buffer.concat([
      gzipSync(record("warcinfo", "", Buffer.from("software: test\r\n"))),
      gzipSync(record("response", "<https://news.example/a>", http)),
      gzipSync(record("revisit", "https://news.example/a", Buffer.from("HTTP/1.1 200 OK\r\n\r\n"))),
      gzipSync(
        record(
          "response",
          "https://news.example/img",
          Buffer.from("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"),
        ),
      ),
    ]);
    const { docs, errors, skips } = await collect(Readable.from([file]));
    assert.deepEqual(errors, []);
    assert.equal(docs.length, 1);
    assert.equal(docs[0]!.url, "https://news.example/a");
    assert.equal(docs[0]!.fetchedAt, "2025-09-01T10:00:00.000Z");
    assert.equal(docs[0]!.sourceKind, "warc");
    assert.equal(new TextDecoder().decode(docs[0]!.body), html);
    assert.ok(skips.some((s) => s.type === "revisit"));
    assert.ok(skips.some((s) => s.reason.startsWith("not HTML")));
  });

  it("reports a truncated record as a failure value", async () => {
    const full = record(
      "response",
      "https://x.example/",
      Buffer.from("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>hello</html>"),
    );
    const { docs, errors } = await collect(Readable.from([full.subarray(0, full.length - 12)]));
    assert.equal(docs.length, 0);
    assert.equal(errors[0]?.code, "unreadable");
  });
});

describe("readWarc on the fixture archives", {
  skip: existsSync(ROOT) ? false : "../shared/data/warc is not present",
}, () => {
  it("reads every archive to its end without throwing", async () => {
    let total = 0;
    for (const f of files(ROOT)) {
      const { docs } = await collect(f);
      total += docs.length;
      for (const d of docs) assert.ok(d.body.length > 0, f);
    }
    assert.ok(total > 200, `only ${total} HTML documents`);
  });

  it("keeps the original URL and capture time", async () => {
    const { docs } = await collect(join(ROOT, "commoncrawl-samples/cc.warc.gz"));
    assert.equal(docs.length, 1);
    assert.equal(docs[0]!.url, "http://commoncrawl.org/");
    assert.match(docs[0]!.fetchedAt, /^20\d\d-/);
  });

  it("reads ARC files, plain and gzipped", async () => {
    for (const name of ["warcio-testdata/example.arc", "warcio-testdata/example.arc.gz"]) {
      const { docs } = await collect(join(ROOT, name));
      assert.equal(docs.length, 1, name);
      assert.match(docs[0]!.url ?? "", /^http:\/\/example\.com/);
    }
  });

  it("reports truncated gzip as a value and keeps what came before", async () => {
    const { errors } = await collect(join(ROOT, "news-pages-real/clipped.warc.gz"));
    assert.ok(errors.length > 0);
    const wget = await collect(join(ROOT, "warcio-testdata/example-wget-bad-target-uri.warc.gz"));
    assert.equal(wget.docs.length, 1);
  });
});
