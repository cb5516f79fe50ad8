import { fileURLToPath } from "node:url";
import { parseFeed } from "../../acquire/feed.ts";
import { createFetchContext, fetchUrl } from "../../acquire/fetch.ts";
import { withFurtherPages } from "../../acquire/pages.ts";
import { type Config, type Document, LedeError, LIMITS, loadConfig, ok } from "../../core/index.ts";
import {
  type FeedEntry,
  type Handler,
  type Handlers,
  type NarrateJob,
  openRunner,
  type PipelineDeps,
  pageJob,
  pipelineHandlers,
  QUEUES,
  type QueueName,
} from "../../jobs/index.ts";
import { WorkerPool } from "../../jobs/pool.ts";
import { Narrator } from "../../pipeline/narrator.ts";
import type { ProcessInput, ProcessOutput } from "../../pipeline/process.ts";
import { StoryKeeper } from "../../pipeline/stories.ts";
import { openStore, type Store } from "../../store/index.ts";
import { isUrl, parse } from "../args.ts";
import { type Command, EXIT, type Io } from "../command.ts";

const HELP = `usage: lede worker [options]
       lede worker --enqueue URL...
       lede worker --status

Run the pipeline as jobs: fetch (feeds and pages), process (extract + analyse, each document in a
worker thread with a hard time limit), store, link, narrate. With LEDE_REDIS_URL set, jobs live in
Redis (BullMQ) and any number of workers on any number of machines share them; a worker killed
mid-job loses nothing (its jobs return to the queue after --lock-ms). Without it, one in-process
worker polls the subscribed feeds. Narrations asked for by \`lede serve\` or \`lede narrate\` are made
here too: workers must share the data dir (the audio cache) and the LEDE_TTS_* settings with them.
SIGTERM or SIGINT stops gracefully: running jobs finish first.

options:
  --concurrency N        documents processed at once, one worker thread each (default 1)
  --fetch-concurrency N  fetches at once (default 8)
  --poll-minutes M       poll each subscribed feed every M minutes (default 15; 0: no polling)
  --host-interval-ms N   least time between two requests to one host from this worker (default 1000)
  --lock-ms N            job lock time in ms (default 30000)
  --no-analyse           store extracted articles without analysing them
  --no-link              do not link stored articles into stories here (another process does)
  --narrate-stored       also narrate every article version stored (default: only narrations asked for)
  --enqueue              add the URLs given as page fetch jobs, then exit
  --status               print queue counts and the newest dead letters as JSON, then exit
  -h, --help             show this help
`;

const PROCESS_MODULE = fileURLToPath(new URL("../../pipeline/process.ts", import.meta.url));

/** A whole number flag within bounds, or an error message. */
function intFlag(value: unknown, name: string, fallback: number, min: number, max: number): number | string {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max
    ? n
    : `--${name} must be a whole number from ${min} to ${max}`;
}

export const command: Command = {
  name: "worker",
  summary: "run pipeline jobs (fetch, process, store, link, narrate) from Redis or in-process",
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const p = parse(argv, {
      concurrency: { type: "string" },
      "fetch-concurrency": { type: "string" },
      "poll-minutes": { type: "string" },
      "host-interval-ms": { type: "string" },
      "lock-ms": { type: "string" },
      "no-analyse": { type: "boolean" },
      "no-link": { type: "boolean" },
      "narrate-stored": { type: "boolean" },
      enqueue: { type: "boolean" },
      status: { type: "boolean" },
    });
    if (!p.ok) {
      io.stderr.write(`lede worker: ${p.message}\n\n${HELP}`);
      return EXIT.usage;
    }
    if (p.values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const v = p.values;
    const flags = {
      concurrency: intFlag(v.concurrency, "concurrency", 1, 1, 64),
      fetch: intFlag(v["fetch-concurrency"], "fetch-concurrency", 8, 1, 256),
      poll: intFlag(v["poll-minutes"], "poll-minutes", 15, 0, 7 * 24 * 60),
      interval: intFlag(v["host-interval-ms"], "host-interval-ms", 1000, 0, 600_000),
      lock: intFlag(v["lock-ms"], "lock-ms", 30_000, 1000, 3_600_000),
    };
    const bad = Object.values(flags).find((x): x is string => typeof x === "string");
    if (bad) {
      io.stderr.write(`lede worker: ${bad}\n`);
      return EXIT.usage;
    }
    const f = flags as { [K in keyof typeof flags]: number };
    if (!v.enqueue && p.positionals.length > 0) {
      io.stderr.write(`lede worker: URLs are only taken with --enqueue\n\n${HELP}`);
      return EXIT.usage;
    }
    const notUrl = p.positionals.find((u) => !isUrl(u));
    if (notUrl !== undefined) {
      io.stderr.write(`lede worker: not an http(s) URL: ${notUrl}\n`);
      return EXIT.usage;
    }

    const config = loadConfig(io.env);
    const runner = openRunner(config, { lockMs: f.lock });
    if (v.status || v.enqueue) {
      try {
        if (runner.kind !== "bullmq") {
          io.stderr.write("lede worker: --status and --enqueue need LEDE_REDIS_URL (a shared queue)\n");
          return EXIT.usage;
        }
        if (v.enqueue) {
          await runner.enqueue(...p.positionals.map((u) => pageJob(u)));
          io.stderr.write(`lede worker: enqueued ${p.positionals.length} page(s)\n`);
        } else {
          const status = { counts: await runner.counts(), dead: await runner.deadLetters(20) };
          io.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
        }
        return EXIT.ok;
      } finally {
        await runner.close();
      }
    }
    let store: Store;
    try {
      store = await openStore(config);
    } catch (e) {
      await runner.close();
      io.stderr.write(`lede worker: ${(e as Error).message}\n`);
      return EXIT.failed;
    }

    // The narrate queue is worked here (not by the narrator's own loop): one narration at a time, in a
    // worker thread, into the shared data dir's audio cache.
    const narrator = new Narrator(config.dataDir, { runner, store, env: io.env, work: false });
    const { deps, close } = createPipelineDeps(config, store, {
      concurrency: f.concurrency,
      fetchConcurrency: f.fetch,
      hostIntervalMs: f.interval,
      analyse: !v["no-analyse"],
      link: !v["no-link"],
      pollMinutes: f.poll,
      narrator,
      narrateStored: v["narrate-stored"] === true,
    });
    const done: Record<string, number> = {};
    const counted = (handlers: Handlers): Handlers => {
      const out: Partial<Record<QueueName, Handler<QueueName>>> = {};
      for (const q of QUEUES) {
        const h = handlers[q] as Handler<QueueName> | undefined;
        if (!h) continue;
        out[q] = async (data, info) => {
          const next = await h(data, info);
          done[q] = (done[q] ?? 0) + 1;
          return next;
        };
      }
      return out as Handlers;
    };
    await runner.work(counted(workerHandlers(deps, narrator)), {
      concurrency: {
        fetch: f.fetch,
        process: f.concurrency,
        store: Math.max(2, f.concurrency * 2),
        link: 1,
        narrate: 1,
      },
      onDead: (d) => {
        io.stderr.write(
          `lede worker: dead letter: ${d.queue} ${d.id} after ${d.attempts} attempts: ${d.error}\n`,
        );
      },
    });
    if (f.poll > 0) await runner.schedulePolling(f.poll * 60_000);
    io.stderr.write(
      `lede worker: ready (${runner.kind} jobs, ${store.constructor.name}, pid ${process.pid})\n`,
    );
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    io.stderr.write("lede worker: stopping: letting running jobs finish (signal again to force)\n");
    const force = () => process.exit(EXIT.failed);
    process.once("SIGINT", force);
    process.once("SIGTERM", force);
    await runner.close();
    await close();
    await narrator.close();
    await store.close();
    const total = Object.values(done).reduce((a, b) => a + b, 0);
    const by = Object.entries(done)
      .map(([q, n]) => `${q} ${n}`)
      .join(", ");
    const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
    io.stderr.write(
      `lede worker: stopped after ${total} jobs${by ? ` (${by})` : ""}, peak RSS ${peakMb} MB\n`,
    );
    return EXIT.ok;
  },
};

export interface PipelineSetup {
  /** Documents processed at once (worker threads). */
  readonly concurrency: number;
  /** Requests in flight per host. */
  readonly fetchConcurrency: number;
  /** Least time between two requests to one host. */
  readonly hostIntervalMs: number;
  readonly analyse: boolean;
  /**
   * Link stored articles into stories (default false): link jobs run the story keeper, which links
   * while this process holds the store's link lease; it also polls, so a worker takes over when the
   * holder dies.
   */
  readonly link?: boolean;
  /** Minutes between two polls of a feed (0: the default). */
  readonly pollMinutes: number;
  /** Who makes narrations (the narrate queue's jobs); without it, narrate jobs are not worked. */
  readonly narrator?: Pick<Narrator, "run">;
  /** Queue a narration of every article version stored (default false: only those asked for). */
  readonly narrateStored?: boolean;
}

/**
 * The handlers a worker runs: the pipeline's, and the narrate queue's through `narrator` (so a
 * narration queued by a reader or `lede narrate` in another process is made here).
 *
 * @param deps the pipeline's stages
 * @param narrator who makes narrations (none: the pipeline's handlers only)
 */
export function workerHandlers(deps: PipelineDeps, narrator?: Pick<Narrator, "run">): Handlers {
  const handlers = pipelineHandlers(deps);
  if (!narrator) return handlers;
  return {
    ...handlers,
    narrate: async (job, info) => {
      await narrator.run(job, info.progress);
      return [];
    },
  };
}

/**
 * The real stages wired for the job handlers: the guarded fetcher, the feed parser, and a worker-thread
 * pool running extract + analyse with a hard time limit per document.
 *
 * @param config for the fetcher's allow list
 * @param store where results go
 * @param setup concurrency and politeness
 * @returns the deps for `pipelineHandlers` and a function that stops the pool
 */
export function createPipelineDeps(
  config: Pick<Config, "fetchAllow">,
  store: Store,
  setup: PipelineSetup,
): { deps: PipelineDeps; close: () => Promise<void> } {
  const pool = new WorkerPool<ProcessInput, ProcessOutput>({
    module: PROCESS_MODULE,
    fn: "processDocument",
    size: setup.concurrency,
    timeoutMs: LIMITS.documentTimeoutMs,
  });
  const context = createFetchContext({
    concurrency: setup.fetchConcurrency,
    minIntervalMs: setup.hostIntervalMs,
  });
  const narrator = setup.narrator;
  const deps: PipelineDeps = {
    store,
    analyse: setup.analyse,
    ...(narrator && setup.narrateStored
      ? { narrate: (job: NarrateJob, progress: (p: number) => Promise<void>) => narrator.run(job, progress) }
      : {}),
    pollIntervalMs: Math.max(1, setup.pollMinutes || 15) * 60_000,
    fetch: async (r) => {
      const fetched = await fetchUrl(r.url, {
        allow: config.fetchAllow,
        context,
        sourceKind: r.kind === "feed" ? "feed" : "url",
        ...(r.etag ? { etag: r.etag } : {}),
        ...(r.lastModified ? { lastModified: r.lastModified } : {}),
      });
      if (!fetched.ok || r.kind === "feed") return fetched;
      // A paginated article's further pages come with it.
      const further = (url: string) =>
        fetchUrl(url, { allow: config.fetchAllow, context, sourceKind: "url" });
      return { ok: true, value: await withFurtherPages(fetched.value, further) };
    },
    process: async (doc: Document, analyse: boolean) => {
      const o = await pool.run({ doc, options: {}, analyse });
      if (o.ok) return o.value;
      const code = o.reason === "timeout" ? "timeout" : "internal";
      return { ok: false, error: new LedeError("extract", code, `${o.message} [${doc.input}]`).toJSON() };
    },
    parseFeed: (doc: Document) => {
      const r = parseFeed(doc.body, {
        ...(doc.url ? { url: doc.url } : {}),
        ...(doc.contentType ? { contentType: doc.contentType } : {}),
      });
      if (!r.ok) return r;
      return ok(
        r.value.items.map(
          (i): FeedEntry => ({
            url: i.url,
            title: i.title,
            published: i.published,
            updated: i.updated,
            authors: i.authors,
          }),
        ),
      );
    },
  };
  if (!setup.link) return { deps, close: () => pool.close() };
  const keeper = new StoryKeeper(store);
  keeper.start();
  return {
    deps: {
      ...deps,
      link: async () => {
        await keeper.catchUp();
      },
    },
    close: async () => {
      await keeper.close();
      await pool.close();
    },
  };
}
