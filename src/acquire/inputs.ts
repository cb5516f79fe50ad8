/**
 * `readInputs`: one entry point for everything `lede add` takes. A URL (page, feed, sitemap, OPML), a
 * path (file, directory, OPML, feed, sitemap, WARC/ARC, `.gz`) or `-` becomes a stream of Documents or
 * failures, the kind recognised by content (or forced with `kind`).
 */
import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { Readable } from "node:stream";
import { type Document, err, LedeError, type Result } from "../core/index.ts";
import { parseFeed } from "./feed.ts";
import { type FetchOptions, fetchUrl } from "./fetch.ts";
import { type FileInputOptions, readFileInput } from "./file.ts";
import { flattenOpml, parseOpml } from "./opml.ts";
import { withFurtherPages } from "./pages.ts";
import { parseSitemap, sitemapsFromRobots } from "./sitemap.ts";
import { canonicalizeUrl } from "./url.ts";
import { readWarc, type WarcSkip } from "./warc.ts";

/** What an input is. */
export type InputKind =
  | "url"
  | "feed"
  | "sitemap"
  | "opml"
  | "warc"
  | "file"
  | "dir"
  | "stdin"
  | "text"
  | "html";

export interface ReadInputsOptions extends FetchOptions {
  /** Force the kind instead of recognising it (`feed`, `sitemap`, `opml`, `warc`, `html`, `text`). */
  readonly kind?: InputKind;
  /** Most pages taken from one sitemap (default 1000). */
  readonly maxSitemapUrls?: number;
  /** Most items taken from one feed (default 200). */
  readonly maxFeedItems?: number;
  /** Deepest directory recursion and sitemap-index nesting (default 5 and 3). */
  readonly maxDirDepth?: number;
  readonly maxSitemapDepth?: number;
  /** Where `-` reads from. */
  readonly stdin?: NodeJS.ReadableStream;
  /** Pages of one feed or sitemap fetched at a time (default 4; each host is still paced). */
  readonly fetchConcurrency?: number;
  /** Told about skipped WARC records. */
  readonly onSkip?: (skip: WarcSkip) => void;
}

/** File name endings a directory walk takes. */
const DIR_EXTENSIONS = new Set([
  ".html",
  ".htm",
  ".xhtml",
  ".txt",
  ".gz",
  ".xml",
  ".rss",
  ".atom",
  ".opml",
  ".warc",
  ".arc",
  ".json",
]);

/** Recognise what bytes are, by their first kilobytes. */
export function sniffKind(bytes: Uint8Array): "feed" | "opml" | "sitemap" | "warc" | "html" | "text" {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096)).replace(/\0/g, "");
  const t = head.replace(/^\ufeff|^ï»¿/, "").trimStart();
  if (/^(WARC\/\d|filedesc:\/\/)/.test(t)) return "warc";
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return "warc";
  const body = t.replace(/^(<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|\s)*/i, "");
  if (/^<opml[\s>]/i.test(body)) return "opml";
  if (/^<(\w+:)?(urlset|sitemapindex)[\s>]/i.test(body)) return "sitemap";
  if (/^<(\w+:)?(rss|feed|rdf:rdf|rdf)[\s>]/i.test(body)) return "feed";
  if (/^\{[\s\S]*jsonfeed\.org\/version/i.test(t)) return "feed";
  if (/^<(!doctype html|html|head|body)[\s>]/i.test(t) || /<(html|body|p|div)[\s>]/i.test(t.slice(0, 2048)))
    return "html";
  return "text";
}

function isUrl(spec: string): boolean {
  return /^https?:\/\//i.test(spec);
}

function failure(code: LedeError["code"], message: string): Result<Document> {
  return err(new LedeError("input", code, message));
}

/**
 * Fetch each URL as a page, with hints, several at a time (the per-host limiter still paces each host),
 * yielding in the given order. Tracking parameters are dropped before fetching.
 */
async function* pages(
  urls: readonly { url: string; hints?: Document["hints"] }[],
  options: ReadInputsOptions,
  sourceKind: Document["sourceKind"],
): AsyncIterable<Result<Document>> {
  const seen = new Set<string>();
  const unique = urls
    .map((u) => ({ ...u, url: canonicalizeUrl(u.url) }))
    .filter((u) => !seen.has(u.url) && seen.add(u.url));
  const get = async ({ url, hints }: (typeof unique)[number]): Promise<Result<Document>> => {
    const r = await fetchUrl(url, { ...options, sourceKind, input: url });
    if (!r.ok) return r;
    const doc = await withFurtherPages(r.value, (u) => fetchUrl(u, { ...options, sourceKind, input: u }));
    return { ok: true, value: hints && Object.keys(hints).length > 0 ? { ...doc, hints } : doc };
  };
  const width = Math.max(1, options.fetchConcurrency ?? 4);
  const running: Promise<Result<Document>>[] = [];
  let next = 0;
  while (next < unique.length || running.length > 0) {
    while (running.length < width && next < unique.length) running.push(get(unique[next++]!));
    yield await running.shift()!;
  }
}

/** The Documents of one fetched or read body, by what it is. */
async function* expand(
  doc: Document,
  options: ReadInputsOptions,
  depth: number,
): AsyncIterable<Result<Document>> {
  const kind =
    options.kind && options.kind !== "url" && options.kind !== "file" ? options.kind : sniffKind(doc.body);
  const base = doc.url ?? undefined;
  if (kind === "feed") {
    const f = parseFeed(doc.body, {
      ...(base ? { url: base } : {}),
      ...(doc.contentType ? { contentType: doc.contentType } : {}),
    });
    if (!f.ok) {
      yield f;
      return;
    }
    const items = f.value.items.slice(0, options.maxFeedItems ?? 200).flatMap((i) => {
      if (!i.url || !/^https?:/i.test(i.url)) return [];
      const hints: { title?: string; published?: string; authors?: readonly string[] } = {};
      if (i.title) hints.title = i.title;
      if (i.published) hints.published = i.published;
      if (i.authors.length > 0) hints.authors = i.authors;
      return [{ url: i.url, hints }];
    });
    yield* pages(items, { ...options, kind: "url" }, "feed");
    return;
  }
  if (kind === "sitemap") {
    const s = parseSitemap(doc.body, doc.url ?? doc.input);
    if (!s.ok) {
      yield s;
      return;
    }
    const max = options.maxSitemapUrls ?? 1000;
    yield* pages(
      s.value.urls.slice(0, max).map((u) => ({
        url: u.url,
        hints: { ...(u.title ? { title: u.title } : {}), ...(u.published ? { published: u.published } : {}) },
      })),
      { ...options, kind: "url" },
      "sitemap",
    );
    if (depth < (options.maxSitemapDepth ?? 3)) {
      for (const child of s.value.sitemaps) yield* readUrl(child, { ...options, kind: "sitemap" }, depth + 1);
    }
    return;
  }
  if (kind === "opml") {
    const o = parseOpml(new TextDecoder().decode(doc.body));
    if (!o.ok) {
      yield o;
      return;
    }
    for (const outline of flattenOpml(o.value))
      yield* readUrl(outline.xmlUrl!, { ...options, kind: "feed" }, depth + 1);
    return;
  }
  if (kind === "text" && doc.url && new URL(doc.url).pathname === "/robots.txt") {
    // A robots.txt names the site's sitemaps.
    const maps = sitemapsFromRobots(new TextDecoder().decode(doc.body), doc.url);
    if (maps.length > 0) {
      for (const m of maps) yield* readUrl(m, { ...options, kind: "sitemap" }, depth + 1);
      return;
    }
  }
  if (kind === "warc") {
    yield* readWarc(Readable.from([doc.body]), {
      input: doc.input,
      ...(options.onSkip ? { onSkip: options.onSkip } : {}),
    });
    return;
  }
  // An article page fetched from the web brings its further pages when it is paginated.
  yield {
    ok: true,
    value:
      kind === "html" && doc.url
        ? await withFurtherPages(doc, (u) =>
            fetchUrl(u, { ...options, sourceKind: doc.sourceKind, input: u }),
          )
        : doc,
  };
}

async function* readUrl(
  url: string,
  options: ReadInputsOptions,
  depth: number,
): AsyncIterable<Result<Document>> {
  const r = await fetchUrl(url, { ...options, input: options.input ?? url });
  if (!r.ok) {
    yield r;
    return;
  }
  yield* expand(r.value, options, depth);
}

async function* readPath(
  path: string,
  options: ReadInputsOptions,
  depth: number,
): AsyncIterable<Result<Document>> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    yield failure("not-found", `no such file or directory [${path}]`);
    return;
  }
  if (info.isDirectory()) {
    if (depth >= (options.maxDirDepth ?? 5)) return;
    const names = (await readdir(path)).filter((n) => !n.startsWith(".")).sort();
    for (const name of names) {
      const p = join(path, name);
      const s = await stat(p).catch(() => null);
      if (s?.isDirectory()) yield* readPath(p, options, depth + 1);
      else if (DIR_EXTENSIONS.has(extname(name).toLowerCase())) yield* readPath(p, options, depth + 1);
    }
    return;
  }
  if (options.kind === "warc" || /\.(w?arc)(\.gz)?$/i.test(path)) {
    yield* readWarc(path, { input: path, ...(options.onSkip ? { onSkip: options.onSkip } : {}) });
    return;
  }
  const fileOptions: FileInputOptions = options.maxBytes ? { maxBytes: options.maxBytes } : {};
  const r = await readFileInput(path, fileOptions);
  if (!r.ok) {
    yield r;
    return;
  }
  yield* expand(r.value, options, depth);
}

/**
 * Everything one `lede add` argument names, as Documents.
 *
 * @param spec a URL, a path (file or directory), or `-` for standard input
 * @param options fetch options plus `kind` to force the kind, and limits on sitemaps, feeds and directories
 * @returns Documents in order; each failure is a value and the rest goes on
 * @example for await (const r of readInputs("https://news.example/rss", {})) if (r.ok) ingest(r.value);
 */
export async function* readInputs(
  spec: string,
  options: ReadInputsOptions = {},
): AsyncIterable<Result<Document>> {
  if (spec === "-") {
    const r = await readFileInput("-", options.stdin ? { stdin: options.stdin } : {});
    if (!r.ok) {
      yield r;
      return;
    }
    yield* expand(r.value, options, 0);
    return;
  }
  if (isUrl(spec)) {
    yield* readUrl(spec, options, 0);
    return;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    yield failure("bad-input", `unsupported scheme (only http, https and local paths) [${spec}]`);
    return;
  }
  yield* readPath(spec, options, 0);
}
