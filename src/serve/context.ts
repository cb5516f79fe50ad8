/** What every route file gets: the dependencies and small helpers for parameters and errors. */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Config } from "../core/index.ts";
import type { Store } from "../store/index.ts";
import type { EventBus } from "./events.ts";
import type { NarrationProvider } from "./listen.ts";
import type { StoryReader } from "./stories.ts";

/** What POST /api/ingest takes. */
export interface IngestRequest {
  readonly url?: string;
  readonly text?: string;
  readonly html?: string;
  readonly published?: string;
}

export type IngestResponse =
  | {
      readonly ok: true;
      readonly status: "added" | "updated" | "unchanged";
      readonly id: number;
      readonly version: number;
    }
  | {
      readonly ok: false;
      readonly error: { readonly stage: string; readonly code: string; readonly message: string };
    };

/** Requests per minute and client; 0 turns a limit off. */
export interface ServeLimits {
  /** POST requests (ingest, sources). Default 60. */
  readonly writesPerMinute?: number;
  /** GET requests under /api. Default 1200. */
  readonly apiReadsPerMinute?: number;
  /** Open SSE connections at once (all clients). Default 1000. */
  readonly maxEventStreams?: number;
}

export interface ServeDeps {
  readonly store: Store;
  readonly config: Config;
  readonly events: EventBus;
  /** Takes in one document and stores it (the pipeline, wired by the caller). */
  readonly ingest: (request: IngestRequest) => Promise<IngestResponse>;
  /** Stories, when linking provides them; without, story pages answer 404 `not-available`. */
  readonly stories?: StoryReader;
  /** Narrations for the Listen player (`cachedNarration` in listen.ts); without, no player is shown. */
  readonly narration?: NarrationProvider;
  readonly limits?: ServeLimits;
  /** The clock (tests pin it). */
  readonly now?: () => Date;
}

/** Stable error codes of the API. Never rename one. */
export type ApiErrorCode =
  | "bad-input"
  | "unauthorized"
  | "not-found"
  | "not-available"
  | "too-large"
  | "rate-limited"
  | "unavailable"
  | "internal"
  | string;

/** The API's error body. */
export function apiError(c: Context, status: ContentfulStatusCode, code: ApiErrorCode, message: string) {
  return c.json({ error: { code, message } }, status);
}

/** Largest page size of list endpoints. */
export const MAX_PAGE = 200;

/** A positive whole number from a query parameter, capped; else the fallback. */
export function intParam(value: string | undefined, fallback: number, max = MAX_PAGE): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}

/** A query parameter, trimmed and bounded in length ("" when absent). */
export function textParam(value: string | undefined, max = 500): string {
  return (value ?? "").slice(0, max).trim();
}

/** The token of an `Authorization: Bearer ...` header, or null. */
export function bearer(header: string | undefined): string | null {
  return /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1] ?? null;
}
