/**
 * The narrator of a server: narrations run one at a time in a worker thread (with a time limit),
 * each article version once; callers waiting for the same version share one run.
 */
import { fileURLToPath } from "node:url";
import { WorkerPool } from "../jobs/pool.ts";
import { type CachedNarration, NarrationCache } from "../narrate/index.ts";
import type { StoredArticle } from "../store/index.ts";
import { type NarrationTask, taskKey } from "./narration-task.ts";

/** Longest a narration may take (a very long article at a slow rate). */
const NARRATION_TIMEOUT_MS = 10 * 60_000;

export type NarrationOutcome = { ok: true; value: CachedNarration } | { ok: false; message: string };

export class Narrator {
  private readonly pool: WorkerPool<NarrationTask, CachedNarration>;
  private readonly running = new Map<string, Promise<NarrationOutcome>>();
  private readonly dataDir: string;

  constructor(dataDir: string) {
    this.dataDir = dataDir;
    this.pool = new WorkerPool({
      module: fileURLToPath(new URL("./narration-task.ts", import.meta.url)),
      fn: "runNarration",
      size: 1,
      timeoutMs: NARRATION_TIMEOUT_MS,
    });
  }

  /** A finished narration from the cache, without running anything. */
  cached(task: NarrationTask): CachedNarration | null {
    return new NarrationCache(this.dataDir).get(taskKey(task));
  }

  /** Narrate (or join the narration already running for the same version). */
  narrate(task: NarrationTask): Promise<NarrationOutcome> {
    const key = taskKey(task);
    const running = this.running.get(key);
    if (running) return running;
    const p = this.pool
      .run(task)
      .then(
        (o): NarrationOutcome => (o.ok ? { ok: true, value: o.value } : { ok: false, message: o.message }),
      )
      .finally(() => this.running.delete(key));
    this.running.set(key, p);
    return p;
  }

  /** The task for a stored article version, with the engine settings of `env` (LEDE_TTS_*). */
  taskFor(a: StoredArticle, env: NodeJS.ProcessEnv): NarrationTask {
    const ttsEnv = Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith("LEDE_TTS_")));
    const names = (a.analysis?.entities ?? []).filter((e) => e.type !== "MISC").map((e) => e.name);
    return {
      dataDir: this.dataDir,
      articleId: a.id,
      version: a.version,
      title: a.article.title,
      text: a.article.text,
      env: ttsEnv,
      names,
    };
  }

  /** The service the reader's Listen routes use. */
  service(env: NodeJS.ProcessEnv): {
    cached(a: StoredArticle): CachedNarration | null;
    narrate(a: StoredArticle): Promise<NarrationOutcome>;
  } {
    return {
      cached: (a) => this.cached(this.taskFor(a, env)),
      narrate: (a) => this.narrate(this.taskFor(a, env)),
    };
  }

  /** A narration provider for the reader's Listen player: cached, else made in the worker; null when it fails. */
  provider(env: NodeJS.ProcessEnv): {
    narrationOf(a: StoredArticle): Promise<CachedNarration | null>;
    cachedOf(a: StoredArticle): CachedNarration | null;
    prepare(a: StoredArticle): void;
  } {
    return {
      cachedOf: (a) => this.cached(this.taskFor(a, env)),
      prepare: (a) => {
        void this.narrate(this.taskFor(a, env));
      },
      narrationOf: async (a) => {
        const task = this.taskFor(a, env);
        const hit = this.cached(task);
        if (hit) return hit;
        const r = await this.narrate(task);
        return r.ok && r.value.durationMs > 0 ? r.value : null;
      },
    };
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
