/**
 * `parseFeed`: bytes of RSS 0.9x/1.0/2.0, RDF, Atom 0.3/1.0 or JSON Feed 1.x to a `Feed`, whatever the
 * encoding (BOM, HTTP charset, XML declaration, UTF-16 without BOM) and however broken the markup.
 */
import { gunzipSync } from "node:zlib";
import {
  charsetFromContentType,
  decodeBytes,
  err,
  LedeError,
  LIMITS,
  ok,
  type Result,
} from "../core/index.ts";
import { readJsonFeed } from "./feed-json.ts";
import type { Feed } from "./feed-types.ts";
import { readXmlFeed } from "./feed-xml.ts";
import { MAX_XML_DEPTH, nestingExceeds, XmlTree } from "./xml.ts";

export * from "./feed-date.ts";
export * from "./feed-types.ts";

export interface ParseFeedOptions {
  /** The feed's address, for relative links. */
  readonly url?: string;
  /** The Content-Type header, for its charset. */
  readonly contentType?: string;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decode UTF-32 (TextDecoder has no UTF-32), replacing invalid code points. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let out = "";
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    out += cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : "\ufffd";
  }
  return out.replace(/^\ufeff/, "");
}

function utf32(bytes: Uint8Array): "le" | "be" | null {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0 && b === 0 && ((c === 0xfe && d === 0xff) || (c === 0 && d === 0x3c))) return "be";
  if (c === 0 && d === 0 && ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0))) return "le";
  return null;
}

/** Decode feed bytes: UTF-32, and UTF-16 written without a BOM, are recognised by their zero bytes. */
export function decodeFeedText(bytes: Uint8Array, contentType?: string | null): string {
  const u32 = bytes.length >= 4 ? utf32(bytes) : null;
  if (u32) return decodeUtf32(bytes, u32 === "le");
  if (bytes.length >= 4 && bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] !== 0) {
    return new TextDecoder("utf-16le").decode(bytes);
  }
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0x3c && bytes[3] !== 0) {
    return new TextDecoder("utf-16be").decode(bytes);
  }
  // A charset header of us-ascii is wrong more often than not: let the document speak.
  let ct = contentType && /charset\s*=\s*["']?(us-)?ascii/i.test(contentType) ? null : contentType;
  // So is a header saying UTF-8 over bytes that are not UTF-8 (a server default over a legacy feed).
  if (ct && charsetFromContentType(ct) === "utf-8" && !isUtf8(bytes)) ct = null;
  return decodeBytes(bytes, ct).text;
}

/** An item that gives only an updated date is taken as published then (Atom requires only `updated`). */
function datedItems(feed: Feed): Feed {
  if (feed.items.every((i) => i.published !== null || i.updated === null)) return feed;
  return {
    ...feed,
    items: feed.items.map((i) => (i.published === null && i.updated ? { ...i, published: i.updated } : i)),
  };
}

/** Whether text is probably an HTML page rather than a feed. */
function looksHtml(head: string): boolean {
  return /^\s*(<!doctype html|<html[\s>])/i.test(head) || /<(head|body)[\s>]/i.test(head.slice(0, 2000));
}

/**
 * Parse a feed.
 *
 * @param bytes the feed as fetched (decompressed)
 * @param options the feed's URL (relative links) and Content-Type (charset)
 * @returns the feed, or a `feed-parse` error (`acquire` stage) saying why: empty, HTML page, not a feed, bad JSON
 * @example const r = parseFeed(bytes, { url: "https://example.com/feed" }); if (r.ok) r.value.items.map((i) => i.url);
 */
export function parseFeed(bytes: Uint8Array, options: ParseFeedOptions = {}): Result<Feed> {
  const where = options.url ? ` [${options.url}]` : "";
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: LIMITS.maxDecompressedBytes });
    } catch (e) {
      return err(
        new LedeError("acquire", "feed-parse", `bad or oversized gzip: ${(e as Error).message}${where}`, e),
      );
    }
  }
  const text = decodeFeedText(bytes, options.contentType ?? null).replace(/^[\s\u0000\ufeff]+/, "");
  if (text === "") return err(new LedeError("acquire", "feed-parse", `feed is empty${where}`));
  const url = options.url ?? null;
  if (text.startsWith("{") || text.startsWith("[")) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return err(
        new LedeError("acquire", "feed-parse", `not valid JSON: ${(e as Error).message}${where}`, e),
      );
    }
    const feed = readJsonFeed(value, url);
    return feed
      ? ok(datedItems(feed))
      : err(new LedeError("acquire", "feed-parse", `JSON is not a JSON Feed${where}`));
  }
  if (nestingExceeds(text)) {
    return err(new LedeError("acquire", "feed-parse", `elements nest deeper than ${MAX_XML_DEPTH}${where}`));
  }
  const tree = new XmlTree(text);
  const feed = readXmlFeed(tree, url);
  if (feed) return ok(datedItems(feed));
  if (looksHtml(text.slice(0, 4096))) {
    return err(new LedeError("acquire", "feed-parse", `an HTML page, not a feed${where}`));
  }
  const root = tree.root ? `<${tree.root.name}>` : "no element";
  return err(new LedeError("acquire", "feed-parse", `not a feed: root is ${root}${where}`));
}
