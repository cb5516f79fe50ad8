/** An entity across articles, gathered from the store's analysis items (entity ids are per article; names join them). */
import type { Entity, EntityType } from "../core/index.ts";
import type { ArticleSummary, ItemHit, Store } from "../store/index.ts";
import type { EntityView } from "./views/pages.ts";

/** Most articles an entity page reads. */
const MAX_ARTICLES = 200;
/** Articles whose other entities are counted as related. */
const RELATED_ARTICLES = 50;

const key = (s: string) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(" ");

function mostCommon<T>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * Everything known about the entity named `name`: exact-name matches when there are any, else every
 * entity whose name contains the words (so `/entities/Lindqvist` finds Ada Lindqvist).
 *
 * @param store the store
 * @param name the name as in the URL
 * @returns the view, or null when no article names it
 */
export async function entityView(store: Store, name: string): Promise<EntityView | null> {
  const hits = await store.findItems("entity", { entity: name }, { limit: MAX_ARTICLES });
  if (hits.length === 0) return speakerView(store, name);
  const exact = hits.filter((h) => key(h.item.name) === key(name));
  const chosen: ItemHit<"entity">[] = exact.length > 0 ? exact : hits;
  const canonical = exact.length > 0 ? name : (mostCommon(chosen.map((h) => h.item.name)) ?? name);
  const articles = new Map<number, ArticleSummary>();
  const perDay = new Map<string, number>();
  let mentions = 0;
  for (const h of chosen) {
    mentions += h.item.mentions.length;
    if (!articles.has(h.article.id)) {
      articles.set(h.article.id, h.article);
      const day = (h.date ?? h.article.createdAt).slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
  }
  const titles = [...new Set(chosen.flatMap((h: ItemHit<"entity">) => (h.item as Entity).titles))];
  const related = new Map<string, number>();
  for (const id of [...articles.keys()].slice(0, RELATED_ARTICLES)) {
    const names = new Set(
      (await store.findItems("entity", { articleId: id }))
        .map((h) => h.item.name)
        .filter((n) => key(n) !== key(canonical)),
    );
    for (const n of names) related.set(n, (related.get(n) ?? 0) + 1);
  }
  const stories = new Map<string, { id: string; title: string; articles: number }>();
  for (const id of [...articles.keys()].slice(0, RELATED_ARTICLES)) {
    const s = await store.stories.storyOf(id);
    if (!s) continue;
    const known = stories.get(s.id);
    stories.set(s.id, { id: s.id, title: s.title, articles: (known?.articles ?? 0) + 1 });
  }
  return {
    name: canonical,
    type: mostCommon<EntityType>(chosen.map((h) => h.item.type)),
    titles,
    perDay: [...perDay].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    mentions,
    articles: [...articles.values()],
    quotes: await store.findItems("quote", { entity: canonical }, { limit: 20 }),
    claims: await store.findItems("claim", { entity: canonical }, { limit: 20 }),
    related: [...related].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 20),
    stories: [...stories.values()].sort((a, b) => b.articles - a.articles).slice(0, 20),
  };
}

/**
 * A speaker that is no entity ("Residents", "a spokesman" named by a quote): the page lists its quotes,
 * so a speaker link never leads nowhere.
 */
async function speakerView(store: Store, name: string): Promise<EntityView | null> {
  const quotes = await store.findItems("quote", { entity: name }, { limit: 20 });
  if (quotes.length === 0) return null;
  const articles = new Map<number, ArticleSummary>();
  const perDay = new Map<string, number>();
  for (const q of quotes) {
    if (articles.has(q.article.id)) continue;
    articles.set(q.article.id, q.article);
    const day = (q.date ?? q.article.createdAt).slice(0, 10);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  return {
    name,
    type: null,
    titles: [],
    perDay: [...perDay].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    mentions: quotes.length,
    articles: [...articles.values()],
    quotes,
    claims: [],
    related: [],
    stories: [],
  };
}
