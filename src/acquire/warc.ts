/**
 * Web archives: WARC 0.17-1.1 and ARC 1, plain or gzipped (per record or whole). HTML response (and
 * resource) records become Documents with their original URL and capture time. Revisits, requests,
 * metadata and non-HTML records are skipped with a reason; a truncated file, a bad length or bad
 * chunking is reported as a failure value and reading goes on with the next record it can find.
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { type Document, err, LedeError, LIMITS, ok, type Result } from "../core/index.ts";
import { ByteReader } from "./byte-reader.ts";
import { decodeContentEncoding } from "./fetch.ts";

/** Why a record was passed over. */
export interface WarcSkip {
  /** Offset of the record in the uncompressed stream. */
  readonly offset: number;
  readonly type: string;
  readonly url: string | null;
  readonly reason: string;
}

export interface WarcOptions {
  /** `input` of each Document (default: the path, or `warc`). */
  readonly input?: string;
  /** Largest record block read; bigger ones are skipped (default 10 MB). */
  readonly maxRecordBytes?: number;
  /** Told about every record passed over. */
  readonly onSkip?: (skip: WarcSkip) => void;
}

/** Header blocks larger than this are junk, not headers. */
const MAX_HEADER_LINES = 512;

type Source = string | AsyncIterable<Uint8Array> | NodeJS.ReadableStream;

async function* peekAndInflate(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = Buffer.from(first.value);
  const rest: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => it,
  };
  if (head[0] === 0x1f && head[1] === 0x8b) {
    // Multi-member gzip (one member per record) inflates as one stream.
    const gunzip = createGunzip();
    const input = Readable.from(
      (async function* () {
        yield head;
        yield* rest;
      })(),
    );
    input.on("error", (e) => gunzip.destroy(e));
    input.pipe(gunzip);
    yield* gunzip as AsyncIterable<Uint8Array>;
  } else {
    yield head;
    yield* rest;
  }
}

function toIterable(source: Source): AsyncIterable<Uint8Array> {
  if (typeof source === "string")
    return createReadStream(source, { highWaterMark: 256 * 1024 }) as AsyncIterable<Uint8Array>;
  return source as AsyncIterable<Uint8Array>;
}

function parseHeaderBlock(lines: string[]): Record<string, string> {
  const h: Record<string, string> = {};
  let last = "";
  for (const line of lines) {
    if (/^[ \t]/.test(line) && last) {
      h[last] += ` ${line.trim()}`;
      continue;
    }
    const i = line.indexOf(":");
    if (i <= 0) continue;
    last = line.slice(0, i).trim().toLowerCase();
    const v = line.slice(i + 1).trim();
    h[last] = h[last] === undefined ? v : `${h[last]}, ${v}`;
  }
  return h;
}

/** Split an HTTP message into status, headers and body. */
function splitHttp(block: Buffer): { status: number; headers: Record<string, string>; body: Buffer } | null {
  const head = block.subarray(0, Math.min(block.length, 64 * 1024)).toString("latin1");
  if (!/^HTTP\/\d/i.test(head)) return null;
  const crlf = head.indexOf("\r\n\r\n");
  const lf = head.indexOf("\n\n");
  let end: number;
  let sep: number;
  if (crlf >= 0 && (lf < 0 || crlf < lf)) [end, sep] = [crlf, 4];
  else if (lf >= 0) [end, sep] = [lf, 2];
  else [end, sep] = [head.length, 0];
  const lines = head.slice(0, end).split(/\r*\n/);
  const status = Number(/^HTTP\/[\d.]+\s+(\d{3})/i.exec(lines[0] ?? "")?.[1] ?? 0);
  return { status, headers: parseHeaderBlock(lines.slice(1)), body: block.subarray(end + sep) };
}

/** Undo chunked transfer coding; null when the body is not validly chunked. */
export function dechunk(body: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const nl = body.indexOf(0x0a, pos);
    if (nl < 0) return parts.length > 0 ? Buffer.concat(parts) : null;
    const sizeLine = body.subarray(pos, nl).toString("latin1").split(";")[0]!.trim();
    if (!/^[0-9a-f]+$/i.test(sizeLine)) return parts.length > 0 ? Buffer.concat(parts) : null;
    const size = Number.parseInt(sizeLine, 16);
    if (size === 0) return Buffer.concat(parts);
    parts.push(body.subarray(nl + 1, nl + 1 + size));
    pos = nl + 1 + size;
    if (pos >= body.length) return Buffer.concat(parts);
    if (body[pos] === 0x0d) pos++;
    if (body[pos] === 0x0a) pos++;
  }
}

function isHtml(contentType: string | undefined, body: Uint8Array): boolean {
  const ct = (contentType ?? "").toLowerCase();
  if (/text\/html|application\/xhtml\+xml/.test(ct)) return true;
  if (ct !== "" && !/text\/plain|octet-stream|unknown/.test(ct)) return false;
  const head = new TextDecoder("latin1").decode(body.subarray(0, 1024)).trimStart().toLowerCase();
  return head.startsWith("<!doctype html") || head.startsWith("<html");
}

function isoDate(value: string | undefined): string {
  const v = (value ?? "").trim();
  const arc = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(v);
  if (arc) return `${arc[1]}-${arc[2]}-${arc[3]}T${arc[4]}:${arc[5]}:${arc[6]}Z`;
  const t = Date.parse(v);
  return Number.isNaN(t) ? new Date(0).toISOString() : new Date(t).toISOString();
}

function cleanUri(u: string | undefined): string | null {
  const s = (u ?? "").trim().replace(/^<|>$/g, "");
  return s === "" ? null : s;
}

interface Ctx {
  readonly input: string;
  readonly skip: (s: WarcSkip) => void;
}

/** Turn an HTTP response (or a resource body) into a Document, or say why not. */
function toDocument(
  ctx: Ctx,
  offset: number,
  type: string,
  url: string | null,
  date: string | undefined,
  block: Buffer,
  resourceType: string | undefined,
): Result<Document> | null {
  let headers: Record<string, string> = {};
  let body: Uint8Array = block;
  let contentType = resourceType;
  if (type === "response") {
    const http = splitHttp(block);
    if (!http) {
      ctx.skip({ offset, type, url, reason: "not an HTTP response" });
      return null;
    }
    if (http.status < 200 || http.status >= 300) {
      ctx.skip({ offset, type, url, reason: `HTTP status ${http.status}` });
      return null;
    }
    headers = http.headers;
    contentType = headers["content-type"];
    body = http.body;
    if (/chunked/i.test(headers["transfer-encoding"] ?? "")) {
      const d = dechunk(http.body);
      if (d) body = d;
      else ctx.skip({ offset, type, url, reason: "bad chunked encoding: body kept as stored" });
    }
    const ce = headers["content-encoding"];
    if (ce && !/identity/i.test(ce)) {
      const d = decodeContentEncoding(body, ce, LIMITS.maxDecompressedBytes);
      if (d.ok) body = d.value;
      else if (d.error.code === "too-large") {
        return err(
          new LedeError(
            "acquire",
            "too-large",
            `warc: record at ${offset} ${d.error.message} [${ctx.input}]`,
          ),
        );
      }
      // Many archivers store the decoded body and keep the header: the bytes are used as they are.
    }
  }
  if (!isHtml(contentType, body)) {
    ctx.skip({ offset, type, url, reason: `not HTML (${contentType ?? "no type"})` });
    return null;
  }
  if (body.length === 0) {
    ctx.skip({ offset, type, url, reason: "empty body" });
    return null;
  }
  return ok({
    input: ctx.input,
    url,
    body,
    contentType: contentType ?? null,
    headers,
    fetchedAt: isoDate(date),
    sourceKind: "warc",
  });
}

const ARC_HEADER = /^(\S+) (\S+) (\d{12,14}) (\S*) (?:.* )?(\d+)$/;

/**
 * Read the HTML pages of a WARC or ARC file.
 *
 * @param source a path, or a stream of bytes (gzip is recognised)
 * @param options input name, record cap, and a callback told about skipped records
 * @returns Documents in file order; failures (truncated record, bad gzip) as values
 * @example for await (const r of readWarc("crawl.warc.gz")) if (r.ok) extract(r.value);
 */
export async function* readWarc(source: Source, options: WarcOptions = {}): AsyncIterable<Result<Document>> {
  const input = options.input ?? (typeof source === "string" ? source : "warc");
  const ctx: Ctx = { input, skip: options.onSkip ?? (() => {}) };
  const maxRecord = options.maxRecordBytes ?? LIMITS.maxInputBytes;
  const reader = new ByteReader(peekAndInflate(toIterable(source)));
  let resyncing = false;
  let arc = false;
  for (;;) {
    const start = reader.offset;
    const raw = await reader.readLine();
    if (raw === null) break;
    const line = raw
      .toString("latin1")
      .replace(/[\r\n\0]+$/, "")
      .replace(/^\0+/, "");
    if (line.trim() === "") continue;
    if (/^WARC\/\d/.test(line)) {
      resyncing = false;
      const lines: string[] = [];
      for (let i = 0; i < MAX_HEADER_LINES; i++) {
        const l = await reader.readLine();
        if (l === null) break;
        const s = l
          .toString("latin1")
          .replace(/\r?\n$/, "")
          .replace(/\r$/, "");
        if (s === "") break;
        lines.push(s);
      }
      const h = parseHeaderBlock(lines);
      const type = (h["warc-type"] ?? "").toLowerCase();
      const url = cleanUri(h["warc-target-uri"]);
      const length = Number(h["content-length"]);
      if (!Number.isFinite(length) || length < 0) {
        yield err(
          new LedeError(
            "acquire",
            "unreadable",
            `warc: record at ${start} has no valid Content-Length [${input}]`,
          ),
        );
        resyncing = true;
        continue;
      }
      if (length > maxRecord || (type !== "response" && type !== "resource")) {
        const got = await reader.skip(length);
        if (type === "revisit")
          ctx.skip({ offset: start, type, url, reason: "revisit (no body of its own)" });
        else if (length > maxRecord)
          ctx.skip({ offset: start, type, url, reason: `record of ${length} bytes is over the limit` });
        else ctx.skip({ offset: start, type, url, reason: `${type || "untyped"} record` });
        if (got < length) {
          yield err(
            new LedeError(
              "acquire",
              "unreadable",
              `warc: file ends inside the record at ${start} [${input}]`,
              reader.error,
            ),
          );
          break;
        }
        continue;
      }
      const block = await reader.read(length);
      if (block.length < length) {
        yield err(
          new LedeError(
            "acquire",
            "unreadable",
            `warc: record at ${start} is truncated (${block.length} of ${length} bytes) [${input}]`,
            reader.error,
          ),
        );
        break;
      }
      const r = toDocument(ctx, start, type, url, h["warc-date"], block, h["content-type"]);
      if (r) yield r;
      continue;
    }
    const arcHeader = ARC_HEADER.exec(line);
    if ((line.startsWith("filedesc://") || arc) && arcHeader) {
      arc = true;
      resyncing = false;
      const length = Number(arcHeader[5]);
      const url = arcHeader[1]!;
      if (url.startsWith("filedesc://") || length > maxRecord || !/^https?:/i.test(url)) {
        const got = await reader.skip(length);
        if (!url.startsWith("filedesc://"))
          ctx.skip({ offset: start, type: "arc", url, reason: "not an http record or too large" });
        if (got < length) {
          yield err(
            new LedeError(
              "acquire",
              "unreadable",
              `arc: file ends inside the record at ${start} [${input}]`,
              reader.error,
            ),
          );
          break;
        }
        continue;
      }
      const block = await reader.read(length);
      if (block.length < length) {
        yield err(
          new LedeError(
            "acquire",
            "unreadable",
            `arc: record at ${start} is truncated [${input}]`,
            reader.error,
          ),
        );
        break;
      }
      const r = toDocument(ctx, start, "response", url, arcHeader[3], block, arcHeader[4]);
      if (r) yield r;
      continue;
    }
    if (!resyncing) {
      resyncing = true;
      ctx.skip({
        offset: start,
        type: "junk",
        url: null,
        reason: "bytes between records (bad length?): looking for the next record",
      });
    }
  }
  if (reader.error) {
    const e = reader.error as Error;
    yield err(new LedeError("acquire", "decode", `warc: stream ended early: ${e.message} [${input}]`, e));
  }
}
