/**
 * `npm run eval -- extract`: HTML extraction on WCXB (dev, 711 article pages) and fundus (258 news pages).
 *
 * Metrics (each system on the same pages in the same run):
 * - `f1_4gram`: body F1 with the Scrapinghub article-extraction-benchmark metric (4-gram shingles of `\w+`
 *   tokens, per-page tp/fp/fn normalised, precision and recall averaged over pages, F1 of the averages),
 *   on both sets together; `wcxb_f1_4gram` and `fundus_f1_4gram` per set.
 * - `wcxb_bow_f1`: WCXB's bag-of-words F1 (lower-cased `\w+` tokens, mean of per-page F1).
 * - `wcxb_with`: share of WCXB "with" snippets found; `wcxb_without_pass`: share of "without" snippets
 *   absent (1 − WCXB's Without%, so higher is better).
 * - `title_exact`: headline equal after whitespace, quote and dash normalisation.
 * - `author_f1`: per-page F1 of normalised author names, pages with gold authors.
 * - `date_acc`: publication day equal (in the gold's own offset when both carry a time), pages with a gold date.
 * - `article_kind`: share of these article pages not taken for listing pages (`pageKind`; Lede only).
 * - `mean_ms`: mean milliseconds per page (informational; the bench measures speed properly).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { Readability } from "@mozilla/readability";
import { parseDocument } from "htmlparser2";
import { parseHTML } from "linkedom";
import { extractHtml } from "../../../src/extract/html/index.ts";
import type { EvalTask, SystemScores } from "../harness.ts";

/** What a system returns for one page. */
export interface Prediction {
  readonly body: string;
  readonly title: string | null;
  readonly authors: readonly string[];
  readonly published: string | null;
  /** Whether the system took the page for a listing page (only systems that tell). */
  readonly listing?: boolean;
}

/** Gold values of one page. */
export interface Gold {
  readonly body: string;
  readonly title: string | null;
  readonly authors: readonly string[];
  readonly published: string | null;
  readonly with?: readonly string[];
  readonly without?: readonly string[];
}

export interface Page {
  readonly set: "wcxb" | "fundus";
  readonly id: string;
  readonly url: string | null;
  readonly html: string;
  readonly gold: Gold;
}

type System = (html: string, url: string | null) => Promise<Prediction> | Prediction;

// ---------- metrics ----------

const TOKEN = /[\p{L}\p{N}\p{M}_]+/gu;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * Normalised tp/fp/fn of 4-gram shingles (Scrapinghub's `string_shingle_matching`).
 *
 * @example shingleCounts("a b c d e", "a b c d") // [0.5, 0.5, 0]
 */
export function shingleCounts(truth: string, pred: string, n = 4): [number, number, number] {
  const grams = (text: string): Map<string, number> => {
    const t = tokens(text);
    const m = new Map<string, number>();
    for (let i = 0; i < Math.max(1, t.length - n + 1); i++) {
      const g = t.slice(i, i + n).join("\u0001");
      if (g !== "") m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const a = grams(truth);
  const b = grams(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k) ?? 0;
    const y = b.get(k) ?? 0;
    tp += Math.min(x, y);
    fp += Math.max(0, y - x);
    fn += Math.max(0, x - y);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

/** F1 of averaged precision and recall over pages (Scrapinghub's `metrics_from_tp_fp_fns`). */
export function shingleF1(counts: readonly (readonly [number, number, number])[]): number {
  const ps: number[] = [];
  const rs: number[] = [];
  for (const [tp, fp, fn] of counts) {
    const both = fp === 0 && fn === 0;
    if (tp + fp > 0) ps.push(both ? 1 : tp / (tp + fp));
    if (tp + fn > 0) rs.push(both ? 1 : tp / (tp + fn));
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const p = mean(ps);
  const r = mean(rs);
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

/** WCXB's bag-of-words F1 of one page. */
export function bowF1(pred: string, truth: string): number {
  const pt = tokens(pred.toLowerCase());
  const rt = tokens(truth.toLowerCase());
  if (rt.length === 0) return pt.length === 0 ? 1 : 0;
  if (pt.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of rt) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of pt) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      overlap++;
      counts.set(t, c - 1);
    }
  }
  const p = overlap / pt.length;
  const r = overlap / rt.length;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

/** Normalise a title for exact comparison. */
export function normTitle(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\u00ad\u200b-\u200d\ufeff]/g, "")
    .replace(/[‘’‚‛´`]/g, "'")
    .replace(/[“”„‟«»]/g, '"')
    .replace(/[‐‑‒–—―]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** Honorifics before a name ("Dr.", "Prof."): the same person with or without them. */
const HONORIFIC = /^(?:dr|prof|mr|mrs|ms|mx|sir|dame)\.?\s+/i;

export function normName(s: string): string {
  return normTitle(s).replace(HONORIFIC, "").toLowerCase().replace(/\./g, "");
}

/** Post-nominal letters ("MD", "PhD", "E-RYT 200"): part of the name before them, not another author. */
const CREDENTIAL_TOKENS = new Set(
  "md do phd dvm vmd rn np pa pa-c ba bs bsc ma ms msc mba mph jd llm cpa cfa cfp rd rdn ld dds dmd od pharmd dc lpc lcsw lmft facp faclm foma dabom dacvb lvt vts cpt cscs ryt e-ryt mbbs frcp mrcp frcs dnp crnp aprn ccc-slp otr pt dpt atc ibclc cnm cpm mfa edd psyd lcpc".split(
    " ",
  ),
);

function isCredential(item: string): boolean {
  const tokens = item
    .replace(/\([^)]*\)/g, " ")
    .split(/\s+/)
    .map((t) => t.replace(/\./g, "").toLowerCase())
    .filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => CREDENTIAL_TOKENS.has(t) || /^\d+$/.test(t));
}

/** Per-page F1 of author name sets. */
export function authorF1(pred: readonly string[], gold: readonly string[]): number {
  const g = new Set(gold.map(normName));
  const p = new Set(pred.map(normName));
  if (p.size === 0) return 0;
  let tp = 0;
  for (const x of p) if (g.has(x)) tp++;
  return tp === 0 ? 0 : (2 * tp) / (p.size + g.size);
}

const ISO_TIME = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d(?::\d\d(?:\.\d+)?)?)\s*(Z|[+-]\d\d:?\d\d)$/;

/** The day of a date string, in the given offset when it carries a time and zone. */
function dayIn(value: string, offset: string | null): string {
  const m = ISO_TIME.exec(value.trim());
  if (!m || offset === null) return value.trim().slice(0, 10);
  const t = Date.parse(`${m[1]}T${m[2]}${m[3] === "Z" ? "Z" : m[3]!.replace(/^([+-]\d\d)(\d\d)$/, "$1:$2")}`);
  if (Number.isNaN(t)) return value.trim().slice(0, 10);
  const om = /^([+-])(\d\d):?(\d\d)$/.exec(offset);
  const minutes = om ? (om[1] === "-" ? -1 : 1) * (Number(om[2]) * 60 + Number(om[3])) : 0;
  return new Date(t + minutes * 60_000).toISOString().slice(0, 10);
}

/** Whether a predicted date names the gold day (in the gold's offset when both carry one). */
export function sameDay(pred: string | null, gold: string): boolean {
  if (!pred) return false;
  const gm = ISO_TIME.exec(gold.trim());
  const offset = gm ? gm[3]! : null;
  return (
    dayIn(pred, offset) === gold.trim().slice(0, 10) || pred.trim().slice(0, 10) === gold.trim().slice(0, 10)
  );
}

// ---------- data ----------

/**
 * Names in an author string ("A and B, C"); post-nominal letters after a name stay with it
 * ("Jane Roe, MD" is one author), for gold strings and every system alike.
 *
 * @example splitAuthors("Jane Roe, MD, FACP and John Doe") // ["Jane Roe", "John Doe"]
 */
export function splitAuthors(s: string | null | undefined): string[] {
  if (!s) return [];
  const items = s
    .split(/\s*(?:,|;|&|\band\b)\s*/)
    .map((x) => x.trim())
    .filter(Boolean);
  return items.filter((x, i) => i === 0 || !isCredential(x));
}

export function loadWcxb(dir: string, limit: number | undefined): Page[] {
  const files = readdirSync(join(dir, "html"))
    .filter((f) => f.endsWith(".html.gz"))
    .sort()
    .slice(0, limit);
  return files.map((f) => {
    const id = f.replace(/\.html\.gz$/, "");
    const data = JSON.parse(readFileSync(join(dir, "ground-truth", `${id}.json`), "utf8")) as {
      url?: string;
      ground_truth: {
        title?: string | null;
        author?: string | null;
        publish_date?: string | null;
        main_content?: string;
        with?: string[];
        without?: string[];
      };
    };
    const g = data.ground_truth;
    return {
      set: "wcxb",
      id,
      url: data.url ?? null,
      html: gunzipSync(readFileSync(join(dir, "html", f))).toString("utf8"),
      gold: {
        body: g.main_content ?? "",
        title: g.title ?? null,
        authors: splitAuthors(g.author),
        published: g.publish_date ?? null,
        with: g.with ?? [],
        without: g.without ?? [],
      },
    } satisfies Page;
  });
}

interface FundusVersion {
  authors?: string[];
  title?: string | null;
  publishing_date?: string | null;
  body?: { summary?: string[]; sections?: { headline?: string[]; paragraphs?: string[] }[] } | null;
}

export function loadFundus(dir: string, limit: number | undefined): Page[] {
  const pages: Page[] = [];
  for (const cc of readdirSync(dir).sort()) {
    if (cc.includes(".")) continue;
    const sub = join(dir, cc);
    const meta = JSON.parse(readFileSync(join(sub, "meta.info"), "utf8")) as Record<string, { url?: string }>;
    for (const j of readdirSync(sub)
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      const publisher = j.slice(0, -5);
      const versions = Object.values(
        JSON.parse(readFileSync(join(sub, j), "utf8")) as Record<string, FundusVersion>,
      );
      const htmls = readdirSync(sub)
        .filter((f) => f.startsWith(`${publisher}_`) && f.endsWith(".html.gz"))
        .sort();
      htmls.forEach((h, i) => {
        const v = versions[i];
        if (!v) return;
        const parts = [
          ...(v.body?.summary ?? []),
          ...(v.body?.sections ?? []).flatMap((s) => [...(s.headline ?? []), ...(s.paragraphs ?? [])]),
        ];
        pages.push({
          set: "fundus",
          id: `${cc}/${h}`,
          url: meta[h]?.url ?? null,
          html: gunzipSync(readFileSync(join(sub, h))).toString("utf8"),
          gold: {
            body: parts.join("\n\n"),
            title: v.title ?? null,
            authors: v.authors ?? [],
            published: v.publishing_date ?? null,
          },
        });
      });
    }
  }
  return pages.slice(0, limit);
}

// ---------- systems ----------

const BLOCK = new Set(
  "p div section article main header footer aside nav h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tr td th blockquote pre figure figcaption br hr form".split(
    " ",
  ),
);

/** Visible text of an HTML fragment with a blank line at block boundaries (for peers' HTML output). */
export function htmlToText(html: string): string {
  const dom = parseDocument(html);
  let out = "";
  const stack: unknown[] = [...dom.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as { type: string; data?: string; name?: string; children?: unknown[] } | "\n";
    if (node === "\n") {
      out += "\n\n";
      continue;
    }
    if (node.type === "text") out += node.data ?? "";
    else if (node.type === "tag" && node.name !== "script" && node.name !== "style") {
      const block = BLOCK.has(node.name ?? "");
      if (block) {
        out += "\n\n";
        stack.push("\n");
      }
      for (let i = (node.children ?? []).length - 1; i >= 0; i--) stack.push(node.children![i]);
    }
  }
  return out
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
}

const lede: System = (html, url) => {
  const a = extractHtml(html, url ? { url } : {});
  return {
    body: a.text,
    title: a.title,
    authors: a.authors,
    published: a.published,
    listing: a.pageKind === "listing",
  };
};

const readability: System = (html, url) => {
  const { document } = parseHTML(html);
  if (url) {
    try {
      const base = document.createElement("base");
      base.setAttribute("href", url);
      document.head?.appendChild(base);
    } catch {}
  }
  const r = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  return {
    body: r?.content ? htmlToText(r.content) : "",
    title: r?.title ?? null,
    authors: splitAuthors(r?.byline?.replace(/^by\s+/i, "")),
    published: r?.publishedTime ?? null,
  };
};

async function articleExtractor(): Promise<System | null> {
  try {
    const mod = (await import("@extractus/article-extractor")) as {
      extractFromHtml: (
        html: string,
        url?: string,
      ) => Promise<{ title?: string; author?: string; published?: string; content?: string } | null>;
    };
    return async (html, url) => {
      const r = await mod.extractFromHtml(html, url ?? undefined);
      return {
        body: r?.content ? htmlToText(r.content) : "",
        title: r?.title ?? null,
        authors: splitAuthors(r?.author),
        published: r?.published ?? null,
      };
    };
  } catch {
    return null;
  }
}

// ---------- scoring ----------

const EMPTY: Prediction = { body: "", title: null, authors: [], published: null };

async function score(name: string, system: System, pages: readonly Page[]): Promise<SystemScores> {
  const counts: Record<"all" | "wcxb" | "fundus", [number, number, number][]> = {
    all: [],
    wcxb: [],
    fundus: [],
  };
  let bow = 0;
  let withRate = 0;
  let withoutPass = 0;
  let wcxbN = 0;
  let titleHits = 0;
  let titleN = 0;
  let authorSum = 0;
  let authorN = 0;
  let dateHits = 0;
  let dateN = 0;
  let ms = 0;
  let kindTold = 0;
  let articleKind = 0;
  for (const page of pages) {
    const t0 = performance.now();
    let pred: Prediction;
    try {
      pred = await system(page.html, page.url);
    } catch {
      pred = EMPTY;
    }
    ms += performance.now() - t0;
    if (pred.listing !== undefined) {
      kindTold++;
      if (!pred.listing) articleKind++;
    }
    const g = page.gold;
    const c = shingleCounts(g.body, pred.body);
    counts.all.push(c);
    counts[page.set].push(c);
    if (page.set === "wcxb") {
      wcxbN++;
      bow += bowF1(pred.body, g.body);
      const low = pred.body.toLowerCase();
      const w = g.with ?? [];
      const wo = g.without ?? [];
      withRate += w.length ? w.filter((s) => low.includes(s.toLowerCase())).length / w.length : 1;
      withoutPass += wo.length ? wo.filter((s) => !low.includes(s.toLowerCase())).length / wo.length : 1;
    }
    if (g.title) {
      titleN++;
      if (pred.title && normTitle(pred.title) === normTitle(g.title)) titleHits++;
    }
    if (g.authors.length > 0) {
      authorN++;
      authorSum += authorF1(pred.authors, g.authors);
    }
    if (g.published) {
      dateN++;
      if (sameDay(pred.published, g.published)) dateHits++;
    }
  }
  const metrics: Record<string, number> = {
    f1_4gram: shingleF1(counts.all),
    wcxb_f1_4gram: shingleF1(counts.wcxb),
    fundus_f1_4gram: shingleF1(counts.fundus),
    wcxb_bow_f1: wcxbN ? bow / wcxbN : 0,
    wcxb_with: wcxbN ? withRate / wcxbN : 0,
    wcxb_without_pass: wcxbN ? withoutPass / wcxbN : 0,
    title_exact: titleN ? titleHits / titleN : 0,
    author_f1: authorN ? authorSum / authorN : 0,
    date_acc: dateN ? dateHits / dateN : 0,
    ...(kindTold > 0 ? { article_kind: articleKind / kindTold } : {}),
    mean_ms: pages.length ? ms / pages.length : 0,
  };
  return { system: name, metrics };
}

const task: EvalTask = {
  name: "extract",
  description: "HTML extraction: body, title, authors, date on WCXB dev and fundus, with peers",
  async run(ctx) {
    const base = join(ctx.dataDir, "extraction");
    const pages = [
      ...loadWcxb(join(base, "wcxb-articles-dev"), ctx.limit),
      ...loadFundus(join(base, "fundus"), ctx.limit),
    ];
    ctx.progress(`loaded ${pages.length} pages`);
    const rows: SystemScores[] = [];
    const notes: string[] = [];
    const only = process.env.LEDE_EVAL_SYSTEMS?.split(",");
    const systems: [string, System | null][] = [
      ["lede", lede],
      ["readability-linkedom", readability],
      ["article-extractor", await articleExtractor()],
    ];
    for (const [name, system] of systems) {
      if (only && !only.includes(name)) continue;
      if (!system) {
        notes.push(`${name}: could not be loaded, not scored`);
        continue;
      }
      ctx.progress(`scoring ${name}`);
      rows.push(await score(name, system, pages));
    }
    notes.push(
      "author_f1 and date_acc are over pages with gold authors / a gold date; wcxb_without_pass = 1 - WCXB Without%",
    );
    return {
      rows,
      items: {
        wcxb: pages.filter((p) => p.set === "wcxb").length,
        fundus: pages.filter((p) => p.set === "fundus").length,
      },
      notes,
    };
  },
};

export default task;
