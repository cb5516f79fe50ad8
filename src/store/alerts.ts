/**
 * Alerts: saved searches that call a webhook when new articles match. The store keeps each alert's
 * query, webhook, signing secret and progress (the last article sent, failures); the alert runner
 * (`src/pipeline/alerts.ts`) does the searching and calling.
 */
import { randomBytes } from "node:crypto";

/** A saved search with a webhook. */
export interface AlertRecord {
  readonly id: number;
  /** The query in the search language (`"peace talks" source:bbc entity:Lindqvist`). */
  readonly query: string;
  /** Where matches are POSTed. */
  readonly webhook: string;
  /** Key of the HMAC-SHA256 signature sent with each call (`X-Lede-Signature: sha256=<hex>`). */
  readonly secret: string;
  readonly createdAt: string;
  /** Articles up to this id have been looked at (from its creation: the newest article then). */
  readonly lastArticleId: number | null;
  readonly lastSentAt: string | null;
  readonly lastError: string | null;
  /** Calls failed in a row (the runner pauses an alert after too many). */
  readonly failures: number;
}

export type AlertPatch = Partial<
  Pick<AlertRecord, "lastArticleId" | "lastSentAt" | "lastError" | "failures">
>;

export interface AlertStore {
  /** Save an alert, starting after the articles stored so far; its secret is made here. */
  create(query: string, webhook: string): Promise<AlertRecord>;
  list(): Promise<AlertRecord[]>;
  get(id: number): Promise<AlertRecord | null>;
  update(id: number, patch: AlertPatch): Promise<void>;
  /** @returns whether there was such an alert */
  remove(id: number): Promise<boolean>;
  /** The highest article id stored (0 when none): where a new alert starts. */
  lastArticleId(): Promise<number>;
}

/** A new signing secret. */
export function alertSecret(): string {
  return `whsec_${randomBytes(24).toString("hex")}`;
}

export const ALERT_COLUMNS: Record<keyof AlertPatch, string> = {
  lastArticleId: "last_article_id",
  lastSentAt: "last_sent_at",
  lastError: "last_error",
  failures: "failures",
};

/** A row of the alerts table as an AlertRecord. */
export function toAlert(r: Record<string, unknown>): AlertRecord {
  return {
    id: r.id as number,
    query: r.query as string,
    webhook: r.webhook as string,
    secret: r.secret as string,
    createdAt: r.created_at as string,
    lastArticleId: (r.last_article_id as number | null) ?? null,
    lastSentAt: (r.last_sent_at as string | null) ?? null,
    lastError: (r.last_error as string | null) ?? null,
    failures: r.failures as number,
  };
}
