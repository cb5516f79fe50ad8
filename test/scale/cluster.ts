/**
 * A small cluster for the scale test and bench: a corpus server on loopback, `lede worker` processes
 * on a shared PostgreSQL and Redis, and the helpers to watch them.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { corpusArticle, corpusPage } from "./corpus.ts";

const WORKER_MAIN = fileURLToPath(new URL("./worker-main.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface CorpusServer {
  readonly base: string;
  /** Page requests served so far. */
  served(): number;
  close(): Promise<void>;
}

/** An RSS feed of corpus pages 0..k-1 (and one item whose page is missing). */
export function corpusFeed(base: string, k: number): string {
  const items = Array.from({ length: k }, (_, n) => {
    const a = corpusArticle(n);
    return `<item><title>${a.title}</title><link>${base}/a/${n}</link><pubDate>${new Date(`${a.published}T08:00:00Z`).toUTCString()}</pubDate></item>`;
  });
  items.push(`<item><title>Gone</title><link>${base}/gone</link></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Synthetic Times</title><link>${base}/</link>${items.join("")}</channel></rss>`;
}

/**
 * Serve corpus pages at `/a/<n>` (and a mirror copy of page n at `/mirror/<n>`), each after `delayMs`,
 * and a feed of the first k pages at `/feed/<k>.xml`.
 *
 * @param delayMs how long each response takes (so workers have jobs in flight)
 */
export async function serveCorpus(delayMs = 0): Promise<CorpusServer> {
  let served = 0;
  const server: Server = createServer((req, res) => {
    const feed = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? "");
    if (feed) {
      const { port } = server.address() as AddressInfo;
      res.writeHead(200, { "content-type": "application/rss+xml", etag: `"feed-${feed[1]}"` });
      res.end(corpusFeed(`http://127.0.0.1:${port}`, Number(feed[1])));
      return;
    }
    const m = /^\/(a|mirror)\/(\d+)$/.exec(req.url ?? "");
    if (!m) {
      res.writeHead(404).end("not found");
      return;
    }
    served++;
    setTimeout(() => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(corpusPage(Number(m[2])));
    }, delayMs);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    served: () => served,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Everything it wrote to stderr. */
  log(): string;
  /** Resolves with the exit code (or the signal name). */
  readonly exited: Promise<number | string>;
  /** Resolves when it says it is ready. */
  readonly ready: Promise<void>;
}

/**
 * Start `lede worker` as a process.
 *
 * @param env LEDE_DATABASE_URL, LEDE_REDIS_URL, ... (added to this process's environment)
 * @param args extra flags
 */
export function startWorker(env: Record<string, string>, args: readonly string[] = []): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER_MAIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  let onReady: () => void = () => {};
  const ready = new Promise<void>((r) => (onReady = r));
  child.stderr?.on("data", (d: Buffer) => {
    log += d.toString();
    if (log.includes("lede worker: ready")) onReady();
  });
  const exited = new Promise<number | string>((r) =>
    child.once("exit", (code, signal) => r(code ?? signal ?? -1)),
  );
  void exited.then(() => onReady());
  return { child, log: () => log, exited, ready };
}

/** Wait until `check` is true, polling; throws with `what` after the time-out. */
export async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  pollMs = 100,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
