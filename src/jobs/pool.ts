/**
 * A pool of worker threads that runs one exported function of a module on each input with a hard
 * time limit: a call that overruns has its worker terminated (and replaced), so one hostile page
 * cannot stall or crash a batch. Results and inputs cross threads by structured clone.
 */
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

export type PoolOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: "timeout" | "crash" | "throw"; readonly message: string };

export interface PoolOptions {
  /** Absolute path or file URL of the module. */
  readonly module: string;
  /** Name of the exported function to call with each input. */
  readonly fn: string;
  /** Worker threads (default 1). */
  readonly size?: number;
  /** Time limit per call in milliseconds. */
  readonly timeoutMs: number;
  /** Heap limit per worker in MB (default 1024). */
  readonly maxHeapMb?: number;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

const ENTRY = fileURLToPath(new URL("./worker-entry.mjs", import.meta.url));

/**
 * @example
 * const pool = new WorkerPool({ module: "/abs/process.ts", fn: "processDocument", timeoutMs: 30_000 });
 * const r = await pool.run(input); await pool.close();
 */
export class WorkerPool<I, O> {
  private readonly options: PoolOptions;
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<(slot: Slot) => void> = [];
  private nextId = 0;
  private closed = false;

  constructor(options: PoolOptions) {
    this.options = options;
    for (let i = 0; i < (options.size ?? 1); i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(ENTRY, {
      workerData: { module: this.options.module, fn: this.options.fn },
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 1024 },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: { ready?: boolean }) => {
        if (m?.ready) {
          worker.off("message", onMessage);
          worker.off("error", reject);
          resolve();
        }
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
    });
    ready.catch(() => {});
    return { worker, ready, busy: false };
  }

  private acquire(): Promise<Slot> {
    const free = this.slots.find((s) => !s.busy);
    if (free) {
      free.busy = true;
      return Promise.resolve(free);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else slot.busy = false;
  }

  private replace(slot: Slot): Slot {
    void slot.worker.terminate();
    const fresh = this.spawn();
    fresh.busy = true;
    this.slots[this.slots.indexOf(slot)] = fresh;
    return fresh;
  }

  /**
   * Run the function on one input within the time limit. Never rejects.
   *
   * @param onProgress called with what the function reports through its second argument
   */
  async run(input: I, onProgress?: (value: unknown) => void): Promise<PoolOutcome<O>> {
    if (this.closed) return { ok: false, reason: "crash", message: "pool is closed" };
    let slot = await this.acquire();
    try {
      await slot.ready;
    } catch (e) {
      slot = this.replace(slot);
      this.release(slot);
      return { ok: false, reason: "crash", message: `worker failed to start: ${(e as Error).message}` };
    }
    const id = this.nextId++;
    const outcome = await new Promise<PoolOutcome<O>>((resolve) => {
      const timer = setTimeout(() => {
        cleanup();
        resolve({ ok: false, reason: "timeout", message: `took longer than ${this.options.timeoutMs} ms` });
      }, this.options.timeoutMs);
      const onMessage = (m: {
        id?: number;
        ok?: boolean;
        value?: O;
        message?: string;
        progress?: unknown;
      }) => {
        if (m.id !== id) return;
        if ("progress" in m) {
          onProgress?.(m.progress);
          return;
        }
        cleanup();
        resolve(
          m.ok ? { ok: true, value: m.value as O } : { ok: false, reason: "throw", message: m.message ?? "" },
        );
      };
      const onExit = (code: number) => {
        cleanup();
        resolve({ ok: false, reason: "crash", message: `worker exited with code ${code}` });
      };
      const onError = (e: Error) => {
        cleanup();
        resolve({ ok: false, reason: "crash", message: e.message });
      };
      const cleanup = () => {
        clearTimeout(timer);
        slot.worker.off("message", onMessage);
        slot.worker.off("exit", onExit);
        slot.worker.off("error", onError);
      };
      slot.worker.on("message", onMessage);
      slot.worker.on("exit", onExit);
      slot.worker.on("error", onError);
      slot.worker.postMessage({ id, input });
    });
    if (!outcome.ok && outcome.reason !== "throw") slot = this.replace(slot);
    this.release(slot);
    return outcome;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
