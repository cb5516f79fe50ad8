/**
 * Syndication lineage of an article: among it and its stored copies, which is the original (and the
 * evidence: a credit line, a canonical link, the earliest time, the most complete text) and what each
 * copy changed against it (headline, paragraphs changed, added, cut).
 */
import { type CopyInfo, diffCopy, type OriginalReason, pickOriginal } from "../link/index.ts";
import type { ArticleSummary, Store, StoredArticle } from "../store/index.ts";
import { PageCache } from "./page-cache.ts";
import { summaryOf } from "./story.ts";

/** Most copies compared (and listed on an article's page). */
export const MAX_COPIES = 20;

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

/** The part of a copy's diff a lineage shows. */
type Changes = NonNullable<LineageEntry["changes"]>;

/**
 * Lineages with the copies' texts and diffs cached for a while: a wire report copied by thousands of
 * outlets is read by every copy's page, and each page compares the same first copies. A copy's
 * cached text and its diffs are forgotten when it changes (`forget`), else after `ttlMs`.
 */
export class LineageReader {
  private readonly infos: PageCache<CopyInfo>;
  private readonly diffs: PageCache<Changes>;

  /**
   * @param store where the copies are read
   * @param ttlMs how long a copy's text and diffs are kept (0: not cached)
   * @param max most copies (and, times four, diffs) kept
   */
  constructor(
    private readonly store: Store,
    private readonly ttlMs = 60_000,
    max = 2000,
  ) {
    this.infos = new PageCache<CopyInfo>(max);
    this.diffs = new PageCache<Changes>(max * 4);
  }

  /** An article was added or changed: drop its cached text and every diff it is part of. */
  forget(articleId: number): void {
    const id = String(articleId);
    this.infos.clear((key) => key !== id);
    this.diffs.clear((key) => !key.split(":").includes(id));
  }

  /**
   * The lineage of an article and the copies linking found, or null when it has none.
   *
   * @param article the article (as stored now)
   * @param copies its other copies (from the story reader), oldest first; the first MAX_COPIES are compared
   */
  async of(article: StoredArticle, copies: readonly ArticleSummary[]): Promise<Lineage | null> {
    if (copies.length === 0) return null;
    const infos: CopyInfo[] = [copyInfo(article)];
    for (const c of copies.slice(0, MAX_COPIES)) {
      if (c.id === article.id) continue;
      const info = await this.infos.get(String(c.id), this.ttlMs, async () => {
        const a = await this.store.getArticle(c.id);
        return a ? copyInfo(a) : null;
      });
      if (info) infos.push(info);
    }
    if (infos.length < 2) return null;
    const pick = pickOriginal(infos);
    const original = infos.find((x) => x.id === pick.original) ?? infos[0]!;
    const summary = (x: CopyInfo): ArticleSummary =>
      copies.find((c) => String(c.id) === x.id) ?? summaryOf(article);
    const reports: LineageEntry[] = [{ article: summary(original), original: true, changes: null }];
    for (const x of [...infos].sort((p, q) => Number(p.id) - Number(q.id))) {
      if (x === original) continue;
      const changes = await this.diffs.get(`${original.id}:${x.id}`, this.ttlMs, async () => {
        const d = diffCopy(original, x);
        return {
          headline: d.headline,
          kept: d.kept,
          changed: d.changed.length,
          added: d.added.filter((p) => !p.boilerplate).length,
          cut: d.cut.length,
        };
      });
      reports.push({ article: summary(x), original: false, changes });
    }
    return { original: { id: Number(original.id), reason: pick.reason, evidence: pick.evidence }, reports };
  }
}

/**
 * The lineage of an article and the copies linking found, or null when it has none (nothing cached).
 *
 * @param store the store
 * @param article the article
 * @param copies its other copies (from the story reader)
 */
export function lineageOf(
  store: Store,
  article: StoredArticle,
  copies: readonly ArticleSummary[],
): Promise<Lineage | null> {
  return new LineageReader(store, 0).of(article, copies);
}
