/**
 * Feed parsing across ../shared/data/feeds: the share of feed files parsed without error, and agreement
 * with the expected outputs the suites ship (gofeed's translator JSON, rss-parser's output JSON, feedparser's
 * `Expect:` lines for titles, links and ids). rss-parser is scored on the same files as a peer; note that
 * the rss-parser suite is its own output, so the peer's score there is a regression check, not a contest.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import Parser from "rss-parser";
import { parseFeed } from "../../../src/acquire/index.ts";
import type { EvalContext, EvalReport, EvalTask } from "../harness.ts";

/** What both systems are reduced to before comparing. */
interface Simple {
  title: string | null;
  link: string | null;
  description: string | null;
  items: {
    title: string | null;
    link: string | null;
    id: string | null;
    published: string | null;
    authors: string[];
  }[];
}

type System = (bytes: Uint8Array) => Promise<Simple | null>;

function walk(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** Feed inputs: everything but SOURCE files and expected outputs. */
export function feedFiles(root: string): string[] {
  return walk(root).filter((p) => {
    if (p.endsWith("SOURCE.txt") || p.includes("/rss-parser/output/") || p.endsWith("_expected.json"))
      return false;
    if (/\/gofeed\/(translator|parser\/(rss|atom))\/.*\.json$/.test(p)) return false;
    return true;
  });
}

const lede: System = async (bytes) => {
  const r = parseFeed(bytes);
  if (!r.ok) return null;
  const f = r.value;
  return {
    title: f.title,
    link: f.siteUrl,
    description: f.description,
    items: f.items.map((i) => ({
      title: i.title,
      link: i.url,
      id: i.id,
      published: i.published,
      authors: [...i.authors],
    })),
  };
};

const rssParser = new Parser();
const peer: System = async (bytes) => {
  try {
    const f = await rssParser.parseString(new TextDecoder().decode(bytes));
    const items = (f.items ?? []) as Record<string, unknown>[];
    const s = (v: unknown) => (typeof v === "string" ? v : null);
    return {
      title: s(f.title),
      link: s(f.link),
      description: s(f.description),
      items: items.map((i) => ({
        title: s(i.title),
        link: s(i.link),
        id: s(i.guid) ?? s(i.id),
        published: s(i.isoDate),
        authors: [s(i.creator) ?? s(i.author)].filter((x): x is string => x !== null),
      })),
    };
  } catch {
    return null;
  }
};

function norm(v: unknown): string {
  return typeof v === "string"
    ? v.replace(/\s+/g, " ").trim()
    : v === null || v === undefined
      ? ""
      : String(v);
}

/** URLs compare by their parsed form (`http://x.org` and `http://x.org/` are one address). */
function normUrl(v: unknown): string {
  const s = norm(v);
  try {
    return new URL(s).href;
  } catch {
    return s;
  }
}

function sameDate(a: string | null, b: unknown): boolean {
  if (typeof b !== "string") return a === null;
  return a !== null && Date.parse(a) === Date.parse(b);
}

/** Checks one expected value; counts into a tally. */
class Tally {
  hit = 0;
  total = 0;
  /** The file being compared, for LEDE_EVAL_DEBUG output. */
  file = "";
  constructor(readonly system: string) {}
  check(ok: boolean, what = ""): void {
    this.total++;
    if (ok) this.hit++;
    else if (process.env.LEDE_EVAL_DEBUG === this.system) process.stderr.write(`MISS ${this.file} ${what}\n`);
  }
  get rate(): number {
    return this.total === 0 ? 0 : this.hit / this.total;
  }
}

type Json = Record<string, unknown>;

function compareGofeed(got: Simple | null, exp: Json, t: Tally): void {
  if (typeof exp.title === "string")
    t.check(norm(got?.title) === norm(exp.title), `title ${norm(got?.title)} != ${norm(exp.title)}`);
  if (typeof exp.link === "string")
    t.check(normUrl(got?.link) === normUrl(exp.link), `link ${norm(got?.link)} != ${norm(exp.link)}`);
  const items = Array.isArray(exp.items) ? (exp.items as Json[]) : [];
  t.check((got?.items.length ?? -1) === items.length, `count ${got?.items.length} != ${items.length}`);
  items.forEach((e, i) => {
    const g = got?.items[i];
    if (typeof e.title === "string")
      t.check(norm(g?.title) === norm(e.title), `item title ${norm(g?.title)} != ${norm(e.title)}`);
    if (typeof e.link === "string")
      t.check(normUrl(g?.link) === normUrl(e.link), `item link ${norm(g?.link)} != ${norm(e.link)}`);
    if (typeof e.guid === "string")
      t.check(norm(g?.id) === norm(e.guid), `guid ${norm(g?.id)} != ${norm(e.guid)}`);
    if (e.publishedParsed !== undefined)
      t.check(
        sameDate(g?.published ?? null, e.publishedParsed),
        `date ${g?.published} != ${e.publishedParsed}`,
      );
    const names = (Array.isArray(e.authors) ? (e.authors as Json[]) : [])
      .map((a) => a.name)
      .filter((n) => typeof n === "string");
    if (names.length > 0)
      t.check(
        names.every((n) => g?.authors.map(norm).includes(norm(n))),
        `authors ${g?.authors} != ${names}`,
      );
  });
}

/** gofeed's format-specific parsers (rss/, atom/): titles, links and item counts. */
function compareGofeedParser(got: Simple | null, exp: Json, atom: boolean, t: Tally): void {
  // As for feedparser: Lede keeps titles as text, the format parsers keep markup (or its escaped form).
  const text = (v: unknown): v is string => typeof v === "string" && !/<\w|&lt;/.test(v);
  if (text(exp.title))
    t.check(norm(got?.title) === norm(exp.title), `title ${norm(got?.title)} != ${norm(exp.title)}`);
  const items = Array.isArray(exp.items)
    ? (exp.items as Json[])
    : Array.isArray(exp.entries)
      ? (exp.entries as Json[])
      : [];
  t.check((got?.items.length ?? 0) === items.length, `count ${got?.items.length} != ${items.length}`);
  items.forEach((e, i) => {
    const g = got?.items[i];
    if (text(e.title))
      t.check(norm(g?.title) === norm(e.title), `item title ${norm(g?.title)} != ${norm(e.title)}`);
    const link = atom
      ? ((e.links as Json[] | undefined) ?? []).find((l) => (l.rel ?? "alternate") === "alternate")?.href
      : e.link;
    if (typeof link === "string" && /^https?:/.test(link)) {
      t.check(normUrl(g?.link) === normUrl(link), `item link ${norm(g?.link)} != ${norm(link)}`);
    }
  });
}

function compareRssParser(got: Simple | null, exp: Json, t: Tally): void {
  const feed = (exp.feed ?? {}) as Json;
  if (typeof feed.title === "string")
    t.check(norm(got?.title) === norm(feed.title), `title ${norm(got?.title)} != ${norm(feed.title)}`);
  const items = Array.isArray(feed.items) ? (feed.items as Json[]) : [];
  t.check((got?.items.length ?? -1) === items.length, `count ${got?.items.length} != ${items.length}`);
  items.forEach((e, i) => {
    const g = got?.items[i];
    if (typeof e.title === "string")
      t.check(norm(g?.title) === norm(e.title), `item title ${norm(g?.title)} != ${norm(e.title)}`);
    if (typeof e.link === "string")
      t.check(normUrl(g?.link) === normUrl(e.link), `item link ${norm(g?.link)} != ${norm(e.link)}`);
  });
}

/** Python string literal (u'..' or '..' or ".."), unescaped. */
function pyString(lit: string): string {
  const body = lit.replace(/^u?(['"])/, "").replace(/['"]$/, "");
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_m, e: string) => {
    if (e.startsWith("u") || e.startsWith("x")) return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    return e === "n" ? "\n" : e === "t" ? "\t" : e;
  });
}

const EXPECT =
  /(feed|entries\[0\])\['(title|link|description|tagline|subtitle|id)'\] == (u?'(?:[^'\\]|\\.)*'|u?"(?:[^"\\]|\\.)*")/g;

function compareFeedparser(got: Simple | null, expect: string, t: Tally): void {
  for (const m of expect.matchAll(EXPECT)) {
    const want = norm(pyString(m[3]!));
    const field = m[2]!;
    // Lede keeps titles and descriptions as text; feedparser keeps (sanitised) markup in them.
    if (/<\w|&lt;/.test(want) && field !== "link" && field !== "id") continue;
    const cmp = field === "link" || field === "id" ? normUrl : norm;
    if (m[1] === "feed") {
      const v =
        field === "title"
          ? got?.title
          : field === "link"
            ? got?.link
            : field === "id"
              ? undefined
              : got?.description;
      if (v === undefined && field === "id") continue;
      t.check(cmp(v) === cmp(want), `feed ${field} ${norm(v)} != ${want}`);
    } else {
      const it = got?.items[0];
      const v =
        field === "title" ? it?.title : field === "link" ? it?.link : field === "id" ? it?.id : undefined;
      if (v === undefined && !(field === "title" || field === "link" || field === "id")) continue;
      t.check(cmp(v) === cmp(want), `entry ${field} ${norm(v)} != ${want}`);
    }
  }
}

async function score(
  name: string,
  system: System,
  files: string[],
  root: string,
): Promise<Record<string, number>> {
  let parsed = 0;
  const gofeed = new Tally(name);
  const gofeedParser = new Tally(name);
  const rssp = new Tally(name);
  const fp = new Tally(name);
  for (const p of files) {
    const bytes = readFileSync(p);
    const got = await system(bytes);
    gofeed.file = gofeedParser.file = rssp.file = fp.file = p.slice(root.length + 1);
    if (got) parsed++;
    if (p.includes("/gofeed/translator/")) {
      const expPath = p.endsWith(".json")
        ? p.replace(/\.json$/, "_expected.json")
        : p.replace(/\.xml$/, ".json");
      try {
        compareGofeed(got, JSON.parse(readFileSync(expPath, "utf8")) as Json, gofeed);
      } catch {}
    } else if (/\/gofeed\/parser\/(rss|atom)\/[^/]*\.xml$/.test(p)) {
      try {
        const exp = JSON.parse(readFileSync(p.replace(/\.xml$/, ".json"), "utf8")) as Json;
        compareGofeedParser(got, exp, p.includes("/parser/atom/"), gofeedParser);
      } catch {}
    } else if (p.includes("/rss-parser/input/")) {
      const expPath = join(root, "rss-parser/output", `${basename(p).replace(/\.[^.]+$/, "")}.json`);
      try {
        compareRssParser(got, JSON.parse(readFileSync(expPath, "utf8")) as Json, rssp);
      } catch {}
    } else if (p.includes("/feedparser-py/")) {
      const head = bytes.subarray(0, 2000).toString("latin1");
      const expect = /Expect:\s*([\s\S]*?)-->/.exec(head)?.[1];
      // Relative-URL cases depend on HTTP headers feedparser's harness injects (Content-Location); sanitiser
      // cases test HTML cleaning, which is extract's job, not the feed parser's.
      const skip = p.includes("/wellformed/base/http_") || p.includes("/wellformed/sanitize/");
      if (expect && !skip) compareFeedparser(got, expect, fp);
    }
  }
  const all = gofeed.hit + gofeedParser.hit + rssp.hit + fp.hit;
  const total = gofeed.total + gofeedParser.total + rssp.total + fp.total;
  return {
    parse_rate: parsed / files.length,
    gofeed_agreement: gofeed.rate,
    gofeed_parser_agreement: gofeedParser.rate,
    rssparser_agreement: rssp.rate,
    feedparser_agreement: fp.rate,
    agreement: total === 0 ? 0 : all / total,
    checks: total,
  };
}

const task: EvalTask = {
  name: "feeds",
  description: "feed parsing: parse rate and field agreement with the suites' expected outputs",
  async run(ctx: EvalContext): Promise<EvalReport> {
    const root = join(ctx.dataDir, "feeds");
    let files = feedFiles(root);
    if (ctx.limit !== undefined)
      files = files.filter((_, i) => i % Math.max(1, Math.floor(files.length / ctx.limit!)) === 0);
    ctx.progress(`${files.length} feed files`);
    const t0 = performance.now();
    const ledeScores = await score("lede", lede, files, root);
    const t1 = performance.now();
    const peerScores = await score("rss-parser", peer, files, root);
    const t2 = performance.now();
    return {
      rows: [
        { system: "lede", metrics: { ...ledeScores, total_ms: Math.round(t1 - t0) } },
        { system: "rss-parser", metrics: { ...peerScores, total_ms: Math.round(t2 - t1) } },
      ],
      items: { files: files.length },
      notes: [
        "checks = expected values compared (feed title/link, item count, item title/link/id/date/authors)",
        "the rss-parser suite's expected files are rss-parser's own output",
        "parse_rate counts files that are not feeds (HTML pages, fragments, sitemaps) as failures for both",
      ],
    };
  },
};

export default task;
