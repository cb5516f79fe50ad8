/**
 * Syndication lineage of an article: among it and its stored copies, which is the original (and the
 * evidence: a credit line, a canonical link, the earliest time, the most complete text) and what each
 * copy changed against it (headline, paragraphs changed, added, cut).
 */
import { type CopyInfo, diffCopy, type OriginalReason, pickOriginal } from "../link/index.ts";
import type { ArticleSummary, Store, StoredArticle } from "../store/index.ts";
import { summaryOf } from "./story.ts";

/** Most copies compared. */
const MAX_COPIES = 20;

/** One report in a lineage. */
export interface LineageEntry {
  readonly article: ArticleSummary;
  readonly original: boolean;
  /** What this copy changed against the original (null for the original). */
  readonly changes: {
    readonly headline: { readonly from: string; readonly to: string } | null;
    readonly kept: number;
    readonly changed: number;
    /** Paragraphs added that are not boilerplate (credits, share prompts). */
    readonly added: number;
    readonly cut: number;
  } | null;
}

export interface Lineage {
  readonly original: { readonly id: number; readonly reason: OriginalReason; readonly evidence: string };
  /** The original first, then the copies in the order stored. */
  readonly reports: readonly LineageEntry[];
}

function copyInfo(a: StoredArticle): CopyInfo {
  return {
    id: String(a.id),
    text: a.article.text,
    ...(a.article.title ? { title: a.article.title } : {}),
    ...(a.article.url ? { url: a.article.url } : {}),
    ...(a.article.published ? { published: a.article.published } : {}),
    ...(a.article.siteName ? { siteName: a.article.siteName } : {}),
  };
}

/**
 * The lineage of an article and the copies linking found, or null when it has none.
 *
 * @param store the store
 * @param article the article
 * @param copies its other copies (from the story reader)
 */
export async function lineageOf(
  store: Store,
  article: StoredArticle,
  copies: readonly ArticleSummary[],
): Promise<Lineage | null> {
  if (copies.length === 0) return null;
  const all: StoredArticle[] = [article];
  for (const c of copies.slice(0, MAX_COPIES)) {
    const a = await store.getArticle(c.id);
    if (a) all.push(a);
  }
  if (all.length < 2) return null;
  const infos = all.map(copyInfo);
  const pick = pickOriginal(infos);
  const original = all.find((a) => String(a.id) === pick.original) ?? all[0]!;
  const summary = (a: StoredArticle): ArticleSummary => copies.find((c) => c.id === a.id) ?? summaryOf(a);
  const reports: LineageEntry[] = [{ article: summary(original), original: true, changes: null }];
  for (const a of [...all].sort((x, y) => x.id - y.id)) {
    if (a === original) continue;
    const d = diffCopy(
      { text: original.article.text, ...(original.article.title ? { title: original.article.title } : {}) },
      { text: a.article.text, ...(a.article.title ? { title: a.article.title } : {}) },
    );
    reports.push({
      article: summary(a),
      original: false,
      changes: {
        headline: d.headline,
        kept: d.kept,
        changed: d.changed.length,
        added: d.added.filter((p) => !p.boilerplate).length,
        cut: d.cut.length,
      },
    });
  }
  return { original: { id: original.id, reason: pick.reason, evidence: pick.evidence }, reports };
}
