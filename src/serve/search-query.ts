/**
 * The reader's search operators on top of the store's query language: `entity:`, `source:`,
 * `from:`/`to:` (ISO dates) and `type:` (article, quote, claim, deadline, event). Values may be quoted
 * (`entity:"Ada Lindqvist"`). Whatever is not an operator stays as the text query (words, "phrases",
 * OR, -word). Unknown `word:` prefixes are ordinary words.
 */
import { MAX_QUERY_LENGTH } from "../store/index.ts";

/** What a search looks for. */
export type SearchType = "article" | "quote" | "claim" | "deadline" | "event";

export const SEARCH_TYPES: readonly SearchType[] = ["article", "quote", "claim", "deadline", "event"];

export interface ParsedSearch {
  /** The text query for the store (operators removed). */
  readonly text: string;
  readonly entity?: string;
  readonly source?: string;
  readonly from?: string;
  readonly to?: string;
  readonly type: SearchType;
  /** Operators that were given but not understood (a bad date, an unknown type), for the reader to show. */
  readonly problems: readonly string[];
}

const OPERATOR = /(^|\s)(entity|source|from|to|type):(?:"([^"]*)"?|(\S*))/gi;
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Split a query into its operators and its text.
 *
 * @example parseSearch('entity:"Ada Lindqvist" nato -crimea from:2025-08')
 * // { text: "nato -crimea", entity: "Ada Lindqvist", from: "2025-08", type: "article", problems: [] }
 */
export function parseSearch(query: string): ParsedSearch {
  const q = query.slice(0, MAX_QUERY_LENGTH);
  const found: Record<string, string> = {};
  const problems: string[] = [];
  const text = q
    .replace(
      OPERATOR,
      (_all, lead: string, key: string, quoted: string | undefined, bare: string | undefined) => {
        const k = key.toLowerCase();
        const v = (quoted ?? bare ?? "").trim();
        if (v === "") problems.push(`${k}: needs a value`);
        else if ((k === "from" || k === "to") && !ISO_DATE.test(v))
          problems.push(`${k}: wants a date like 2025-08-31, not "${v}"`);
        else if (k === "type" && !SEARCH_TYPES.includes(v.toLowerCase() as SearchType))
          problems.push(`type: is one of ${SEARCH_TYPES.join(", ")}`);
        else found[k] = k === "type" ? v.toLowerCase() : v;
        return lead;
      },
    )
    .replace(/\s+/g, " ")
    .trim();
  return {
    text,
    ...(found.entity ? { entity: found.entity } : {}),
    ...(found.source ? { source: found.source } : {}),
    ...(found.from ? { from: found.from } : {}),
    ...(found.to ? { to: found.to } : {}),
    type: (found.type as SearchType | undefined) ?? "article",
    problems,
  };
}

/** Whether the search has anything to look for. */
export function isEmptySearch(s: ParsedSearch): boolean {
  return s.text === "" && !s.entity && !s.source && !s.from && !s.to && s.type === "article";
}

/**
 * "what did Lindqvist say about Nato" → speaker "Lindqvist", text "Nato"; anything else is returned as text.
 *
 * @example parseQuoteQuestion("what did Lindqvist say about Nato") // { speaker: "Lindqvist", text: "Nato" }
 */
export function parseQuoteQuestion(q: string): { speaker?: string; text: string } {
  const m =
    /^\s*(?:what|when)\s+(?:did|does|has)\s+(.+?)\s+(?:say|said|says|claim|claimed)(?:\s+(?:about|on|of|regarding)\s+(.+?))?\s*\??\s*$/i.exec(
      q,
    );
  if (!m) return { text: q.trim() };
  return { speaker: m[1]!.trim(), text: (m[2] ?? "").trim() };
}
