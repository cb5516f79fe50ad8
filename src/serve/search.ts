/** Run a parsed search against the store: articles, or analysis items for `type:quote` and friends. */
import type { ItemFilter, Store } from "../store/index.ts";
import type { ParsedSearch } from "./search-query.ts";
import type { SearchResults } from "./views/pages.ts";

/**
 * @param store the store
 * @param s the parsed search
 * @param limit most results
 */
export async function runSearch(store: Store, s: ParsedSearch, limit: number): Promise<SearchResults> {
  if (s.type === "article") {
    const hits = await store.searchArticles(
      {
        text: s.text,
        ...(s.entity ? { entity: s.entity } : {}),
        ...(s.source ? { source: s.source } : {}),
        ...(s.from ? { from: s.from } : {}),
        ...(s.to ? { to: s.to } : {}),
      },
      { limit },
    );
    return { type: "article", hits };
  }
  const filter: ItemFilter = {
    ...(s.text ? { text: s.text } : {}),
    ...(s.entity ? { entity: s.entity } : {}),
    ...(s.from ? { from: s.from } : {}),
    ...(s.to ? { to: s.to } : {}),
  };
  // source: narrows items through their article.
  const keep = async <T extends { article: { id: number } }>(hits: T[]): Promise<T[]> => {
    if (!s.source) return hits;
    const ids = new Set((await store.searchArticles({ source: s.source }, { limit: 1000 })).map((a) => a.id));
    return hits.filter((h) => ids.has(h.article.id));
  };
  switch (s.type) {
    case "quote":
      return { type: "quote", hits: await keep(await store.findItems("quote", filter, { limit })) };
    case "claim":
      return { type: "claim", hits: await keep(await store.findItems("claim", filter, { limit })) };
    case "deadline":
      return {
        type: "deadline",
        hits: await keep(await store.findItems("deadline", { ...filter, order: "date-asc" }, { limit })),
      };
    case "event":
      return {
        type: "event",
        hits: await keep(await store.findItems("event", { ...filter, order: "date-desc" }, { limit })),
      };
  }
}
