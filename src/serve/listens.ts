/**
 * What each listener has heard, for the "what changed since you last listened" story playlists.
 *
 * A listener is a browser (a cookie) or a podcast app (the id in its feed address): a random id the
 * server made and signed, so no one else can make ids that fill the disk, and nothing about the
 * person. Each listener's history is one small JSON file under `<dataDir>/listeners/`: article id →
 * the version heard and when. Nothing leaves the machine.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The cookie that carries a browser's listener id. */
export const LISTENER_COOKIE = "lede_listener";
/** Articles remembered per listener (the oldest are forgotten first). */
const MAX_HEARD = 5000;
const ID_RE = /^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{16}$/;

/** One heard article: the version and when (ISO 8601). */
export interface Heard {
  readonly version: number;
  readonly at: string;
}

/** An item of a "what changed" playlist and why it is there. */
export interface ChangedItem<A> {
  readonly article: A;
  /** new: added since the last listen (or never heard); updated: a newer version than the one heard. */
  readonly reason: "new" | "updated";
}

export class ListenLog {
  private readonly dir: string;
  private secret: Buffer | null = null;

  constructor(dataDir: string) {
    this.dir = join(dataDir, "listeners");
  }

  private key(): Buffer {
    if (this.secret) return this.secret;
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, ".secret");
    if (!existsSync(file)) writeFileSync(file, randomBytes(32), { mode: 0o600, flag: "wx" });
    this.secret = readFileSync(file);
    return this.secret;
  }

  private sign(part: string): string {
    return createHmac("sha256", this.key()).update(part).digest("base64url").slice(0, 16);
  }

  /** A new listener id. */
  newId(): string {
    const part = randomBytes(12).toString("base64url");
    return `${part}.${this.sign(part)}`;
  }

  /** Whether `id` is one this server made. */
  valid(id: string | null | undefined): id is string {
    if (!id || !ID_RE.test(id)) return false;
    const [part, mac] = id.split(".") as [string, string];
    return timingSafeEqual(Buffer.from(mac), Buffer.from(this.sign(part)));
  }

  private file(id: string): string {
    return join(this.dir, `${id.replace(".", "_")}.json`);
  }

  /** What a listener has heard: article id → version and time. */
  heardBy(id: string): Map<number, Heard> {
    if (!this.valid(id)) return new Map();
    try {
      const raw = JSON.parse(readFileSync(this.file(id), "utf8")) as Record<string, Heard>;
      return new Map(Object.entries(raw).map(([k, v]) => [Number(k), v]));
    } catch {
      return new Map();
    }
  }

  /** Record that a listener heard an article version (a later version is kept over an earlier one). */
  record(id: string, articleId: number, version: number, at = new Date().toISOString()): void {
    if (!this.valid(id)) return;
    const heard = this.heardBy(id);
    const before = heard.get(articleId);
    heard.delete(articleId);
    heard.set(articleId, { version: Math.max(version, before?.version ?? 0), at });
    const entries = [...heard].sort((a, b) => a[1].at.localeCompare(b[1].at)).slice(-MAX_HEARD);
    mkdirSync(this.dir, { recursive: true });
    const file = this.file(id);
    writeFileSync(`${file}.tmp`, JSON.stringify(Object.fromEntries(entries)));
    renameSync(`${file}.tmp`, file);
  }
}

/**
 * The articles of a story that changed since a listener last listened to it: each one updated since
 * the version heard, and each one not heard that was stored or updated after the last listen. A
 * listener who has heard nothing of the story gets all of it.
 *
 * @param articles the story's articles (any order; kept)
 * @param heard what the listener has heard (`ListenLog.heardBy`)
 * @returns the items and the time of the last listen (null when nothing was heard)
 */
export function changedSince<A extends { id: number; version: number; createdAt: string; updatedAt: string }>(
  articles: readonly A[],
  heard: ReadonlyMap<number, Heard>,
): { items: ChangedItem<A>[]; since: string | null } {
  const t = (s: string) => Date.parse(s) || 0;
  let since: string | null = null;
  for (const a of articles) {
    const h = heard.get(a.id);
    if (h && (since === null || t(h.at) > t(since))) since = h.at;
  }
  const items: ChangedItem<A>[] = [];
  for (const a of articles) {
    const h = heard.get(a.id);
    if (h) {
      if (a.version > h.version) items.push({ article: a, reason: "updated" });
    } else if (since === null || t(a.updatedAt) > t(since) || t(a.createdAt) > t(since)) {
      items.push({ article: a, reason: "new" });
    }
  }
  return { items, since };
}
