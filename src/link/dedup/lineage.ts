/**
 * Syndication lineage: among copies of one text, which is the original, and what each copy added
 * or cut (paragraph by paragraph, plus a changed headline).
 */
import { isBoilerplate, paragraphs, words } from "../text.ts";

/** One copy of a syndicated text, as the lineage helpers need it. */
export interface CopyInfo {
  readonly id: string;
  readonly text: string;
  readonly title?: string;
  /** The page's address. */
  readonly url?: string;
  /** The page's `<link rel="canonical">` (or og:url), when it names another address. */
  readonly canonical?: string;
  /** ISO 8601 publication time. */
  readonly published?: string;
  /** The outlet's name ("BBC News"). */
  readonly siteName?: string;
}

/** Why a copy was taken as the original. */
export type OriginalReason = "credit" | "canonical" | "earliest" | "most-complete" | "first-seen";

/** The original among copies, with the evidence. */
export interface OriginalPick {
  readonly original: string;
  readonly reason: OriginalReason;
  /** A human line naming the evidence ("b2 credits BBC"). */
  readonly evidence: string;
}

const CREDIT =
  /(?:^|\n)\s*(?:source|via|credit|courtesy(?: of)?|originally (?:published|appeared) (?:by|in|on|at)|this (?:article|story) (?:was )?(?:originally |first )?(?:published|appeared) (?:by|in|on|at)|republished (?:with permission )?from)\s*[:\-–—]?\s*([^\n.,;]{2,60})/gi;
const WIRE = /\((AP|AFP|Reuters|Bloomberg|dpa|PA|ANSA|EFE|Xinhua)\)\s*[-–—]/g;

/**
 * The outlets a text credits: "Source: BBC", "Originally published in The Guardian", "(Reuters) -".
 *
 * @example credits("Source: BBC News\n\nText.") // ["bbc news"]
 */
export function credits(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(CREDIT)) out.add(m[1]!.trim().toLowerCase());
  for (const m of text.matchAll(WIRE)) out.add(m[1]!.toLowerCase());
  return [...out];
}

/** The host of a URL without "www.", or null. */
function host(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "").toLowerCase();
  } catch {
    return null;
  }
}

/** Whether a credited name ("bbc news", "bbc.co.uk") names this copy's outlet. */
function creditMatches(credit: string, copy: CopyInfo): boolean {
  const c = credit.replace(/^the\s+/, "");
  const site = copy.siteName?.toLowerCase().replace(/^the\s+/, "");
  if (site && (site === c || site.startsWith(`${c} `) || c.startsWith(`${site} `))) return true;
  const h = host(copy.url);
  if (!h) return false;
  if (h === c || h.endsWith(`.${c}`)) return true;
  const first = c.split(/\s+/)[0]!;
  return first.length >= 2 && h.split(".")[0] === first;
}

/**
 * Pick the original among copies of one text. Evidence in order of trust: a copy credits another's outlet;
 * a copy's canonical link names another's address; the earliest publication time; the most complete text;
 * the first seen.
 *
 * @param copies two or more copies, in arrival order
 * @returns the original's id and why
 * @example pickOriginal([{ id: "a", text, siteName: "BBC" }, { id: "b", text: "Source: BBC\n\n" + text }]).original // "a"
 */
export function pickOriginal(copies: readonly CopyInfo[]): OriginalPick {
  if (copies.length === 0) throw new Error("link: pickOriginal needs at least one copy");
  for (const copy of copies) {
    for (const credit of credits(copy.text)) {
      const target = copies.find((o) => o !== copy && creditMatches(credit, o));
      if (target) return { original: target.id, reason: "credit", evidence: `${copy.id} credits ${credit}` };
    }
  }
  for (const copy of copies) {
    if (!copy.canonical || copy.canonical === copy.url) continue;
    const target = copies.find((o) => o !== copy && o.url === copy.canonical);
    if (target) {
      return {
        original: target.id,
        reason: "canonical",
        evidence: `${copy.id} has canonical ${copy.canonical}`,
      };
    }
  }
  const dated = copies
    .map((c, i) => ({ c, i, t: c.published ? Date.parse(c.published) : Number.NaN }))
    .filter((x) => !Number.isNaN(x.t))
    .sort((a, b) => a.t - b.t || a.i - b.i);
  if (dated.length >= 2 && dated[0]!.t < dated[1]!.t) {
    return { original: dated[0]!.c.id, reason: "earliest", evidence: `published ${dated[0]!.c.published}` };
  }
  const sizes = copies.map((c) => contentWords(c.text));
  const most = Math.max(...sizes);
  const longest = copies.filter((_, i) => sizes[i] === most);
  if (longest.length === 1) {
    return { original: longest[0]!.id, reason: "most-complete", evidence: `${most} words of content` };
  }
  return { original: copies[0]!.id, reason: "first-seen", evidence: "no other evidence" };
}

/** Words outside boilerplate paragraphs. */
function contentWords(text: string): number {
  return paragraphs(text)
    .filter((p) => !isBoilerplate(p))
    .reduce((n, p) => n + words(p).length, 0);
}

/** What a copy changed against its original. */
export interface CopyDiff {
  /** The copy's headline when it differs from the original's. */
  readonly headline: { readonly from: string; readonly to: string } | null;
  /** Paragraphs of the original kept (word for word, up to case and punctuation). */
  readonly kept: number;
  /** Paragraphs the copy changed: the original's index and text, the copy's index and text. */
  readonly changed: readonly {
    readonly from: number;
    readonly to: number;
    readonly before: string;
    readonly after: string;
  }[];
  /** Paragraphs of the copy not in the original (boilerplate included), by the copy's index. */
  readonly added: readonly { readonly index: number; readonly text: string; readonly boilerplate: boolean }[];
  /** Paragraphs of the original missing from the copy, by the original's index. */
  readonly cut: readonly { readonly index: number; readonly text: string }[];
}

/** Least word-set Jaccard for a copy's paragraph to count as an edited version of the original's. */
const CHANGED_PARAGRAPH_JACCARD = 0.5;

/**
 * A paragraph-level diff of a copy against its original: kept, changed, added and cut paragraphs,
 * matched in order (a longest common subsequence over normalised paragraphs), then edited paragraphs
 * paired by word overlap.
 *
 * @param original the original's text and headline
 * @param copy the copy's text and headline
 * @example diffCopy({ text: "A.\n\nB." }, { text: "A.\n\nRead more at X" }) // cut B, added "Read more at X"
 */
export function diffCopy(
  original: { readonly text: string; readonly title?: string },
  copy: { readonly text: string; readonly title?: string },
): CopyDiff {
  const a = paragraphs(original.text);
  const b = paragraphs(copy.text);
  const na = a.map((p) => words(p).join(" "));
  const nb = b.map((p) => words(p).join(" "));
  // LCS table over normalised paragraphs.
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      dp[i]![j] = na[i] === nb[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    }
  }
  const cutIdx: number[] = [];
  const addIdx: number[] = [];
  let kept = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (na[i] === nb[j]) {
      kept++;
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) cutIdx.push(i++);
    else addIdx.push(j++);
  }
  while (i < a.length) cutIdx.push(i++);
  while (j < b.length) addIdx.push(j++);
  // Pair cut and added paragraphs that are edits of each other.
  const changed: { from: number; to: number; before: string; after: string }[] = [];
  const usedAdd = new Set<number>();
  const stillCut: number[] = [];
  for (const ci of cutIdx) {
    const wa = new Set(na[ci]!.split(" "));
    let best = -1;
    let bestScore = CHANGED_PARAGRAPH_JACCARD;
    for (const aj of addIdx) {
      if (usedAdd.has(aj)) continue;
      const wb = new Set(nb[aj]!.split(" "));
      let inter = 0;
      for (const w of wa) if (wb.has(w)) inter++;
      const score = inter / (wa.size + wb.size - inter);
      if (score >= bestScore) {
        bestScore = score;
        best = aj;
      }
    }
    if (best >= 0) {
      usedAdd.add(best);
      changed.push({ from: ci, to: best, before: a[ci]!, after: b[best]! });
    } else stillCut.push(ci);
  }
  const ta = original.title?.trim();
  const tb = copy.title?.trim();
  return {
    headline: ta && tb && ta !== tb ? { from: ta, to: tb } : null,
    kept,
    changed,
    added: addIdx
      .filter((x) => !usedAdd.has(x))
      .map((x) => ({ index: x, text: b[x]!, boilerplate: isBoilerplate(b[x]!) })),
    cut: stillCut.map((x) => ({ index: x, text: a[x]! })),
  };
}
