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

/** In-process event bus: ingest publishes, SSE clients subscribe. (Redis pub/sub at scale.) */
export class EventBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(10_000);
  }
  publish(event: DeskEvent): void {
    this.emitter.emit("event", event);
  }
  subscribe(listener: (event: DeskEvent) => void): () => void {
    this.emitter.on("event", listener);
    return () => this.emitter.off("event", listener);
  }
}
