/**
 * A story across its articles (when story linking provides them): a timeline of events, quotes,
 * deadlines and claims (with status changes), coverage per day and the outlets that carry it.
 */
import { periodOf } from "../analyse/events/index.ts";
import type { Analysis, ClaimStatus } from "../core/index.ts";
import {
  type ClaimHistory,
  claimHistories,
  type ReconciledFigure,
  reconcileFigures,
  type StoryReport,
} from "../link/index.ts";
import type { ArticleSummary, Store, StoredArticle } from "../store/index.ts";
import type { StoryReader } from "./stories.ts";
import { outletOf } from "./views/parts.ts";

/** Most articles of a story read for its page. */
const MAX_STORY_ARTICLES = 200;
/** Characters of a claim's normalised text that identify it across reports. */
const CLAIM_KEY_CHARS = 80;

/** One entry of a story's timeline. */
export interface TimelineEntry {
  readonly date: string | null;
  readonly kind: "event" | "quote" | "deadline" | "claim";
  readonly text: string;
  /** Who: a speaker, a deadline's setter, an event's actors, a claimant. */
  readonly who: string | null;
  /** A claim's status; `previous` when an earlier report gave it another one. */
  readonly status?: ClaimStatus;
  readonly previous?: ClaimStatus;
  readonly article: ArticleSummary;
  /** The anchor of the item on the article page. */
  readonly anchor: string;
}

export interface StoryView {
  readonly id: string;
  readonly title: string;
  readonly articles: readonly ArticleSummary[];
  readonly outlets: ReadonlyArray<readonly [string, number]>;
  readonly perDay: ReadonlyArray<readonly [string, number]>;
  readonly timeline: readonly TimelineEntry[];
  /** Figures (deaths, injuries, weapons fired ...) reconciled across the reports. */
  readonly figures: readonly ReconciledFigure[];
  /** Claims across the reports with their status over time. */
  readonly claims: readonly ClaimHistory[];
}

/** A calendar date prefix (`2025`, `2025-08`, `2025-08-22`) at the start of a value, or null. */
function calendarDate(value: string | null | undefined): string | null {
  return /^\d{4}(-\d{2}){0,2}/.exec(value ?? "")?.[0] ?? null;
}

/** Lower-case words joined by single spaces (to recognise the same claim across reports). */
function normalise(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(" ");
}

/** The list form of a stored article. */
export function summaryOf(a: StoredArticle): ArticleSummary {
  return {
    id: a.id,
    title: a.article.title,
    url: a.article.url,
    siteName: a.article.siteName,
    source: a.source,
    published: a.article.published,
    createdAt: a.createdAt,
    snippet: a.article.text.slice(0, 200),
  };
}

/**
 * Gather a story.
 *
 * @param store the store
 * @param stories the story reader (linking)
 * @param id the story's id
 * @returns the view, or null when there is no such story
 */
export async function storyView(store: Store, stories: StoryReader, id: string): Promise<StoryView | null> {
  const ids = await stories.articlesOf(id);
  if (!ids) return null;
  const articles: ArticleSummary[] = [];
  const timeline: TimelineEntry[] = [];
  const claimStatus = new Map<string, ClaimStatus>();
  const reports: StoryReport[] = [];
  for (const articleId of ids.slice(0, MAX_STORY_ARTICLES)) {
    const stored = await store.getArticle(articleId);
    if (!stored) continue;
    const summary = summaryOf(stored);
    articles.push(summary);
    const day = calendarDate(stored.article.published) ?? stored.createdAt.slice(0, 10);
    const a: Partial<Analysis> = stored.analysis ?? {};
    reports.push({
      articleId: stored.id,
      outlet: outletOf(summary),
      date: stored.article.published ?? stored.createdAt,
      analysis: stored.analysis,
    });
    const name = (eid: string | null | undefined) =>
      eid ? ((a.entities ?? []).find((e) => e.id === eid)?.name ?? null) : null;
    for (const e of a.events ?? []) {
      timeline.push({
        date: periodOf(e.date)?.start ?? day,
        kind: "event",
        text: e.text,
        who: e.actors.map(name).filter(Boolean).join(", ") || null,
        article: summary,
        anchor: "events",
      });
    }
    for (const [i, q] of (a.quotes ?? []).entries()) {
      timeline.push({
        date: day,
        kind: "quote",
        text: q.text,
        who: q.speakerName ?? name(q.speakerEntity) ?? q.speaker?.text ?? null,
        article: summary,
        anchor: `q${i + 1}`,
      });
    }
    for (const d of a.deadlines ?? []) {
      timeline.push({
        date: periodOf(d.due)?.start ?? periodOf(d.window?.to)?.start ?? day,
        kind: "deadline",
        text: d.demand ?? d.text,
        who: name(d.setter),
        article: summary,
        anchor: "deadlines",
      });
    }
    (a.claims ?? []).forEach((c, i) => {
      const key = normalise(c.text).slice(0, CLAIM_KEY_CHARS);
      const previous = claimStatus.get(key);
      claimStatus.set(key, c.status);
      timeline.push({
        date: day,
        kind: "claim",
        text: c.text,
        who: name(c.claimant),
        status: c.status,
        ...(previous && previous !== c.status ? { previous } : {}),
        article: summary,
        anchor: `c${i + 1}`,
      });
    });
  }
  const count = (keys: readonly string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const outlets = [...count(articles.map(outletOf))].sort((x, y) => y[1] - x[1]);
  const perDay = [...count(articles.map((x) => calendarDate(x.published) ?? x.createdAt.slice(0, 10)))].sort(
    (x, y) => (x[0] < y[0] ? -1 : 1),
  );
  // Stable order: by date (undated last), then as reported.
  const ordered = timeline
    .map((e, i) => [e, i] as const)
    .sort(([x, i], [y, j]) => (x.date ?? "9999").localeCompare(y.date ?? "9999") || i - j);
  return {
    id,
    title: articles[0]?.title ?? `Story ${id}`,
    articles,
    outlets,
    perDay,
    timeline: ordered.map(([e]) => e),
    figures: reconcileFigures(reports),
    claims: claimHistories(reports),
  };
}
