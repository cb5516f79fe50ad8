/**
 * Real PostgreSQL and Redis for tests, from Debian's packages (`postgresql`, `redis-server`), on
 * 127.0.0.1 with temp data dirs and random free ports. No mocks, no Docker.
 *
 * When the binaries are missing the tests that need them skip with a message naming the packages,
 * except under `CI=true`, where a missing binary is a failure (CI must install them).
 * PostgreSQL refuses to run as root: as root, initdb and postgres run as the `postgres` user
 * (created by the Debian package) through `spawn`'s uid/gid.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** The Debian packages CI installs. */
export const DEBIAN_PACKAGES = "postgresql redis-server";
/** How long a server may take to accept connections. */
const START_TIMEOUT_MS = 30_000;

export interface Binaries {
  readonly initdb: string;
  readonly postgres: string;
  readonly redis: string;
}

/** Find initdb/postgres (newest under /usr/lib/postgresql) and redis-server, or null. */
export function findBinaries(): Binaries | null {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const pgBin = versions.map((v) => join(root, v, "bin")).find((d) => existsSync(join(d, "postgres")));
  const redis = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find(existsSync);
  if (!pgBin || !redis) return null;
  return { initdb: join(pgBin, "initdb"), postgres: join(pgBin, "postgres"), redis };
}

/**
 * Why the service tests cannot run here, or null when they can.
 * Throws under CI=true: there the packages must be installed.
 */
export function servicesMissing(): string | null {
  if (findBinaries()) return null;
  const message = `PostgreSQL or Redis not found: install the Debian packages (apt-get install -y ${DEBIAN_PACKAGES})`;
  if (process.env.CI === "true") throw new Error(message);
  return message;
}

/** A free TCP port on 127.0.0.1 (bound then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
    s.connect(port, "127.0.0.1");
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, child: ChildProcess, log: () => string) {
  const until = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}:\n${log()}`);
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start within ${START_TIMEOUT_MS} ms:\n${log()}`);
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

/** The uid/gid to run PostgreSQL as: ourselves, or `postgres` when we are root. */
function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

export interface RunningService {
  /** The connection URL (`postgres://...` or `redis://...`). */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface RunningPostgres extends RunningService {
  /** Create an empty database and return its URL. */
  createDatabase(name: string): Promise<string>;
}

const running = new Set<ChildProcess>();
const dirs = new Set<string>();
process.once("exit", () => {
  for (const c of running) c.kill("SIGKILL");
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/**
 * Start a throw-away PostgreSQL (fsync off: test data only).
 *
 * @param options `unref`: do not keep this process alive for the server (it is still killed on exit)
 * @example const db = await startPostgres(); const url = await db.createDatabase("t1"); ... await db.stop();
 */
export async function startPostgres(options: { readonly unref?: boolean } = {}): Promise<RunningPostgres> {
  const bin = findBinaries();
  if (!bin) throw new Error(servicesMissing() ?? "PostgreSQL not found");
  const dir = mkdtempSync(join(tmpdir(), "lede-pg-"));
  dirs.add(dir);
  const user = postgresUser();
  if (user) chownSync(dir, user.uid, user.gid);
  const ids = user ? { uid: user.uid, gid: user.gid } : {};
  const data = join(dir, "data");
  execFileSync(
    bin.initdb,
    ["-D", data, "-U", "lede", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
    {
      ...ids,
      cwd: dir,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  const port = await freePort();
  const logFile = join(dir, "postgres.log");
  const child = spawn(
    "/bin/sh",
    [
      "-c",
      `exec "$0" "$@" >"${logFile}" 2>&1`,
      bin.postgres,
      "-D",
      data,
      "-p",
      String(port),
      "-k",
      dir,
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
      "-c",
      "max_connections=200",
    ],
    { ...ids, cwd: dir, stdio: "ignore" },
  );
  running.add(child);
  if (options.unref) child.unref();
  const log = () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : "");
  const url = `postgres://lede@127.0.0.1:${port}/postgres`;
  await waitFor(
    "postgres",
    async () => {
      if (!(await canConnect(port))) return false;
      const c = new pg.Client({ connectionString: url });
      try {
        await c.connect();
        await c.query("SELECT 1");
        return true;
      } catch {
        return false;
      } finally {
        await c.end().catch(() => {});
      }
    },
    child,
    log,
  );
  return {
    url,
    port,
    async createDatabase(name: string): Promise<string> {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      return `postgres://lede@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await stopChild(child, "SIGINT"); // fast shutdown
      running.delete(child);
      rmSync(dir, { recursive: true, force: true });
      dirs.delete(dir);
    },
  };
}

/**
 * Start a throw-away Redis (no persistence).
 *
 * @example const redis = await startRedis(); use(redis.url); await redis.stop();
 */
export async function startRedis(): Promise<RunningService> {
  const bin = findBinaries();
  if (!bin) throw new Error(servicesMissing() ?? "Redis not found");
  const dir = mkdtempSync(join(tmpdir(), "lede-redis-"));
  const port = await freePort();
  let output = "";
  const child = spawn(
    bin.redis,
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--dir",
      dir,
      "--save",
      "",
      "--appendonly",
      "no",
      "--daemonize",
      "no",
      "--maxmemory-policy",
      "noeviction",
    ],
    { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
  );
  running.add(child);
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  await waitFor(
    "redis-server",
    () => canConnect(port),
    child,
    () => output,
  );
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      await stopChild(child, "SIGTERM");
      running.delete(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
