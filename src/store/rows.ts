/**
 * What both backends share between their rows and the `Store` types: row mappers, paging limits and
 * token hashing. The SQL differs per backend; what a row means does not.
 */
import { createHash } from "node:crypto";
import type { ArticleSummary, ListOptions, SourcePatch, SourceRecord } from "./store.ts";

export type Row = Record<string, unknown>;

/** Characters of text in a summary's snippet when there is no search match to centre it on. */
export const SNIPPET_CHARS = 200;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

/** The page size asked for, within 1..1000 (default 50). */
export function limitOf(options: ListOptions | undefined): number {
  return Math.max(1, Math.min(MAX_LIMIT, Math.floor(options?.limit ?? DEFAULT_LIMIT)));
}

/** Tokens are stored as their SHA-256, never as given. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The column of each patchable source field (the same on both backends). */
export const SOURCE_COLUMNS: Record<keyof SourcePatch, string> = {
  title: "title",
  etag: "etag",
  lastModified: "last_modified",
  lastSuccessAt: "last_success_at",
  lastErrorAt: "last_error_at",
  lastErrorCode: "last_error_code",
  lastErrorMessage: "last_error_message",
  consecutiveFailures: "consecutive_failures",
  nextPollAt: "next_poll_at",
};

export function toSource(r: Row): SourceRecord {
  return {
    id: r.id as number,
    kind: r.kind as SourceRecord["kind"],
    url: r.url as string,
    title: (r.title as string | null) ?? null,
    category: (r.category as string | null) ?? null,
    addedAt: r.added_at as string,
    etag: (r.etag as string | null) ?? null,
    lastModified: (r.last_modified as string | null) ?? null,
    lastSuccessAt: (r.last_success_at as string | null) ?? null,
    lastErrorAt: (r.last_error_at as string | null) ?? null,
    lastErrorCode: (r.last_error_code as string | null) ?? null,
    lastErrorMessage: (r.last_error_message as string | null) ?? null,
    consecutiveFailures: r.consecutive_failures as number,
    nextPollAt: (r.next_poll_at as string | null) ?? null,
  };
}

/** A summary row (id, created_at, title, url, site_name, source, published, snippet). */
export function toSummary(r: Row): ArticleSummary {
  return {
    id: r.id as number,
    title: (r.title as string | null) ?? null,
    url: (r.url as string | null) ?? null,
    siteName: (r.site_name as string | null) ?? null,
    source: (r.source as string | null) ?? null,
    published: (r.published as string | null) ?? null,
    createdAt: r.created_at as string,
    snippet: ((r.snippet as string | null) ?? "").replace(/\s+/g, " ").trim(),
  };
}
