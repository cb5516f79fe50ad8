/**
 * The narrator: narrations are jobs on the `narrate` queue of a job runner (in-process by default;
 * BullMQ when the desk or CLI opens one with `LEDE_REDIS_URL`), each one run in a worker thread with
 * a time limit and reporting its progress. Each narration (article version, voice, rate, lexicon)
 * is one job id, so callers waiting for the same narration share one run, and anyone can ask how
 * far it is.
 *
 * With BullMQ, any process that works the narrate queue (`lede serve`, `lede narrate`, `lede worker`)
 * may run a job: they must share the data dir (the audio cache) and the LEDE_TTS_* settings.
 */
import { fileURLToPath } from "node:url";
import { jobIds } from "../jobs/ids.ts";
import { createInProcessRunner } from "../jobs/in-process.ts";
import { WorkerPool } from "../jobs/pool.ts";
import type { JobRunner, JobStatus, NarrateJob } from "../jobs/types.ts";
import { type CachedNarration, NarrationCache } from "../narrate/index.ts";
import type { StoredArticle } from "../store/index.ts";
import { type NarrationTask, taskKey } from "./narration-task.ts";

/** Longest a narration may take (a very long article at a slow rate). */
const NARRATION_TIMEOUT_MS = 10 * 60_000;
/** Longest a caller waits for a narration job, queue time included. */
const WAIT_MS = 15 * 60_000;
/** How often a waiting caller looks at the job. */
const POLL_MS = 100;

export type NarrationOutcome = { ok: true; value: CachedNarration } | { ok: false; message: string };

/** Where a narration is: made (with its audio), or its job's state and percentage. */
export type NarrationStatus =
  | { readonly state: "ready"; readonly percent: 100; readonly durationMs: number }
  | { readonly state: "none"; readonly percent: 0 }
  | JobStatus;

export interface NarratorOptions {
  /** The job runner (default: an in-process one the narrator owns and closes). */
  readonly runner?: JobRunner;
  /** Where stored articles are read from (for jobs naming an article id). */
  readonly store?: { getArticle(id: number): Promise<StoredArticle | null> };
  /** The environment whose LEDE_TTS_* settings choose the voice (default: none, so `auto`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Work the narrate queue in this process (default true). */
  readonly work?: boolean;
}

export class Narrator {
  private readonly pool: WorkerPool<NarrationTask, CachedNarration>;
  /** Set by close(): waits for jobs end (the runner no longer works them). */
  private closed = false;
  private readonly waiting = new Map<string, Promise<NarrationOutcome>>();
  /** The job id last used per narration key (a retry of a failed job has its own id). */
  private readonly current = new Map<string, string>();
  private readonly dataDir: string;
  private readonly runner: JobRunner;
  private readonly ownRunner: boolean;
  private readonly options: NarratorOptions;
  private readonly started: Promise<void>;

  constructor(dataDir: string, options: NarratorOptions = {}) {
    this.dataDir = dataDir;
    this.options = options;
    this.pool = new WorkerPool({
      module: fileURLToPath(new URL("./narration-task.ts", import.meta.url)),
      fn: "runNarration",
      size: 1,
      timeoutMs: NARRATION_TIMEOUT_MS,
    });
    this.ownRunner = !options.runner;
    // A narration that fails is tried once more (a voice server may have been restarting).
    this.runner = options.runner ?? createInProcessRunner({ retry: { attempts: 2, backoffMs: 1000 } });
    this.started =
      options.work === false
        ? Promise.resolve()
        : this.runner.work(
            {
              narrate: async (job, info) => {
                await this.run(job, info.progress);
                return [];
              },
            },
            { concurrency: { narrate: 1 } },
          );
    this.started.catch(() => {});
  }

  /** The ttsEnv a task carries: the LEDE_TTS_* settings of `env`. */
  private ttsEnv(env: NodeJS.ProcessEnv = this.options.env ?? {}): Record<string, string | undefined> {
    return Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith("LEDE_TTS_")));
  }

  /** The task of a narrate job: the text it carries, or the stored article it names. */
  private async taskOf(job: NarrateJob): Promise<NarrationTask> {
    const rate = job.wordsPerMinute ? { wordsPerMinute: job.wordsPerMinute } : {};
    if (job.article)
      return {
        dataDir: this.dataDir,
        articleId: job.textKey ?? job.articleId,
        version: job.version,
        title: job.article.title,
        text: job.article.text,
        env: this.ttsEnv(),
        ...(job.article.names ? { names: job.article.names } : {}),
        ...rate,
      };
    const a = await this.options.store?.getArticle(job.articleId);
    if (!a) throw new Error(`narrate: no stored article ${job.articleId}`);
    return { ...this.taskFor(a), ...rate };
  }

  /**
   * Run one narrate job in the worker thread, passing its progress on: the handler of the narrate
   * queue (here, or in a `lede worker` that works the queue for other processes). Throws on failure.
   */
  async run(job: NarrateJob, progress?: (percent: number) => Promise<void>): Promise<void> {
    const task = await this.taskOf(job);
    const o = await this.pool.run(task, (p) => {
      if (typeof p === "number") void progress?.(p).catch(() => {});
    });
    if (!o.ok) throw new Error(o.message);
  }

  /** The job of a task (carrying its text, so a job is the version the caller saw). */
  private jobOf(task: NarrationTask): { id: string; data: NarrateJob } {
    const stored = typeof task.articleId === "number";
    return {
      id: jobIds.narration(taskKey(task)),
      data: {
        articleId: stored ? (task.articleId as number) : 0,
        version: task.version,
        ...(stored ? {} : { textKey: String(task.articleId) }),
        ...(task.wordsPerMinute ? { wordsPerMinute: task.wordsPerMinute } : {}),
        article: { title: task.title, text: task.text, ...(task.names ? { names: task.names } : {}) },
      },
    };
  }

  /** A finished narration from the cache, without running anything. */
  cached(task: NarrationTask): CachedNarration | null {
    return new NarrationCache(this.dataDir).get(taskKey(task));
  }

  /** Where a narration is: made, queued or running (with its percentage), failed, or not asked for. */
  async status(task: NarrationTask): Promise<NarrationStatus> {
    const hit = this.cached(task);
    if (hit) return { state: "ready", percent: 100, durationMs: hit.durationMs };
    const id = this.current.get(taskKey(task)) ?? this.jobOf(task).id;
    return (await this.runner.status("narrate", id)) ?? { state: "none", percent: 0 };
  }

  /**
   * Narrate (or join the narration already queued or running for the same version).
   *
   * @param task the article version and settings
   * @param onProgress called with the job's percentage while it runs
   */
  narrate(task: NarrationTask, onProgress?: (percent: number) => void): Promise<NarrationOutcome> {
    const key = taskKey(task);
    const hit = this.cached(task);
    if (hit) return Promise.resolve({ ok: true, value: hit });
    const known = this.waiting.get(key);
    if (known && !onProgress) return known;
    const p = this.wait(task, onProgress).finally(() => {
      if (this.waiting.get(key) === p) this.waiting.delete(key);
    });
    this.waiting.set(key, p);
    return p;
  }

  private async wait(task: NarrationTask, onProgress?: (percent: number) => void): Promise<NarrationOutcome> {
    const cache = new NarrationCache(this.dataDir);
    const key = taskKey(task);
    const { id, data } = this.jobOf(task);
    try {
      await this.started;
      const before = await this.runner.status("narrate", this.current.get(key) ?? id);
      // A failure (or a made narration since removed from the cache) is run again under a fresh id.
      const again = before?.state === "failed" || before?.state === "completed";
      const jobId = again ? `${id}-r${Date.now()}` : (this.current.get(key) ?? id);
      this.current.set(key, jobId);
      if (this.current.size > 10_000) this.current.delete(this.current.keys().next().value!);
      await this.runner.enqueue({ queue: "narrate", id: jobId, data });
      const until = Date.now() + WAIT_MS;
      let last = -1;
      while (Date.now() < until) {
        if (this.closed) return { ok: false, message: "the narrator is closed" };
        const s = await this.runner.status("narrate", jobId);
        const made = cache.get(key);
        if (made) return { ok: true, value: made };
        if (s?.state === "failed") return { ok: false, message: s.error ?? "narration failed" };
        if (s === null || s.state === "completed")
          return { ok: false, message: "the narration job ended without audio" };
        if (s.percent !== last) onProgress?.((last = s.percent));
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      return { ok: false, message: `no narration within ${WAIT_MS / 60_000} minutes` };
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  }

  /** The task for a stored article version, with the engine settings of `env` (LEDE_TTS_*). */
  taskFor(a: StoredArticle, env?: NodeJS.ProcessEnv): NarrationTask {
    const names = (a.analysis?.entities ?? []).filter((e) => e.type !== "MISC").map((e) => e.name);
    return {
      dataDir: this.dataDir,
      articleId: a.id,
      version: a.version,
      title: a.article.title,
      text: a.article.text,
      env: this.ttsEnv(env),
      names,
    };
  }

  /** The task for a text that is not stored (`key` names it in the cache, e.g. "text-<hash>"). */
  taskForText(
    article: { readonly title: string | null; readonly text: string },
    key: string,
    env?: NodeJS.ProcessEnv,
  ): NarrationTask {
    return {
      dataDir: this.dataDir,
      articleId: key,
      version: 0,
      title: article.title,
      text: article.text,
      env: this.ttsEnv(env),
    };
  }

  /** The service the reader's Listen routes use. */
  service(env?: NodeJS.ProcessEnv): {
    cached(a: StoredArticle): CachedNarration | null;
    narrate(a: StoredArticle): Promise<NarrationOutcome>;
  } {
    return {
      cached: (a) => this.cached(this.taskFor(a, env)),
      narrate: (a) => this.narrate(this.taskFor(a, env)),
    };
  }

  /**
   * A narration provider for the reader's Listen player and podcast feeds: cached, else made by a
   * job; null when it fails. `statusOf` tells how far a narration is and starts it when asked for.
   */
  provider(env?: NodeJS.ProcessEnv): {
    narrationOf(a: StoredArticle): Promise<CachedNarration | null>;
    cachedOf(a: StoredArticle): CachedNarration | null;
    prepare(a: StoredArticle): void;
    statusOf(a: StoredArticle, options?: { start?: boolean }): Promise<NarrationStatus>;
  } {
    return {
      cachedOf: (a) => this.cached(this.taskFor(a, env)),
      prepare: (a) => {
        void this.narrate(this.taskFor(a, env));
      },
      statusOf: async (a, options = {}) => {
        const task = this.taskFor(a, env);
        const s = await this.status(task);
        if (options.start && (s.state === "none" || s.state === "failed")) {
          void this.narrate(task);
          return { state: "waiting", percent: 0 };
        }
        return s;
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
    this.closed = true;
    if (this.ownRunner) await this.runner.close();
    await this.pool.close();
  }
}
