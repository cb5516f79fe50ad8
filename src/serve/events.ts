import { EventEmitter } from "node:events";

/** What the server announces over SSE. */
export interface ArticleEvent {
  readonly type: "article";
  readonly id: number;
  readonly title: string | null;
  readonly source: string | null;
  readonly createdAt: string;
  readonly status: "added" | "updated";
}

/** A story gained articles (its page and the top stories changed). */
export interface StoryEvent {
  readonly type: "story";
  readonly id: string;
}

export type DeskEvent = ArticleEvent | StoryEvent;

/** An article announced again within this time (by another path) is announced once. */
const REPEAT_MS = 30_000;

/**
 * In-process event bus: ingest publishes, SSE clients subscribe. An article may be announced by several
 * paths (the API that took it in, the story keeper that linked it, PostgreSQL notifications from other
 * processes): the same article and status within 30 s goes out once.
 */
export class EventBus {
  private readonly emitter = new EventEmitter();
  private readonly recent = new Map<string, number>();
  constructor() {
    this.emitter.setMaxListeners(10_000);
  }
  publish(event: DeskEvent): void {
    if (event.type === "article") {
      const now = Date.now();
      const key = `${event.id}:${event.status}`;
      const seen = this.recent.get(key);
      if (seen !== undefined && now - seen < REPEAT_MS) return;
      this.recent.set(key, now);
      if (this.recent.size > 10_000) {
        for (const [k, t] of this.recent) if (now - t >= REPEAT_MS) this.recent.delete(k);
      }
    }
    this.emitter.emit("event", event);
  }
  subscribe(listener: (event: DeskEvent) => void): () => void {
    this.emitter.on("event", listener);
    return () => this.emitter.off("event", listener);
  }
}
