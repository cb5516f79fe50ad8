/**
 * Configuration from (lowest to highest precedence) defaults, a JSON config file
 * (`$LEDE_DATA_DIR/config.json` or `LEDE_CONFIG`), environment variables, and command-line flags.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

export const ConfigSchema = z.object({
  dataDir: z.string(),
  port: z.number().int().min(0).max(65535),
  host: z.string(),
  databaseUrl: z.string().nullable(),
  redisUrl: z.string().nullable(),
  /** Hosts or CIDR ranges the fetcher may reach although they are private. */
  fetchAllow: z.array(z.string()),
  /** Whether reading the API and reader needs a token. */
  readToken: z.boolean(),
  /** The reader's address as its users reach it (links in alert calls); null: the address it listens on. */
  publicUrl: z.string().url().nullable(),
});

export type Config = z.infer<typeof ConfigSchema>;

const DEFAULTS: Config = {
  dataDir: "./data",
  port: 8080,
  host: "127.0.0.1",
  databaseUrl: null,
  redisUrl: null,
  fetchAllow: [],
  readToken: false,
  publicUrl: null,
};

/** Flags from the command line that override the rest. */
export type ConfigOverrides = Partial<Config>;

function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  return value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Load the configuration.
 *
 * @param env the environment (pass `process.env`)
 * @param overrides values from command-line flags
 * @returns a validated config; throws a readable error when the config file is malformed
 */
export function loadConfig(env: NodeJS.ProcessEnv, overrides: ConfigOverrides = {}): Config {
  const dataDir = overrides.dataDir ?? env.LEDE_DATA_DIR ?? DEFAULTS.dataDir;
  const file = env.LEDE_CONFIG ?? join(dataDir, "config.json");
  let fromFile: Partial<Config> = {};
  if (existsSync(file)) {
    const parsed = ConfigSchema.partial().safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) throw new Error(`config: invalid ${file}: ${parsed.error.message}`);
    fromFile = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  }
  const fromEnv: Partial<Config> = {};
  if (env.LEDE_PORT) fromEnv.port = Number(env.LEDE_PORT);
  if (env.LEDE_HOST) fromEnv.host = env.LEDE_HOST;
  if (env.LEDE_DATABASE_URL) fromEnv.databaseUrl = env.LEDE_DATABASE_URL;
  if (env.LEDE_REDIS_URL) fromEnv.redisUrl = env.LEDE_REDIS_URL;
  const allow = splitList(env.LEDE_FETCH_ALLOW);
  if (allow) fromEnv.fetchAllow = allow;
  if (env.LEDE_READ_TOKEN) fromEnv.readToken = env.LEDE_READ_TOKEN === "1" || env.LEDE_READ_TOKEN === "true";
  if (env.LEDE_PUBLIC_URL) fromEnv.publicUrl = env.LEDE_PUBLIC_URL;
  const merged = { ...DEFAULTS, ...fromFile, ...fromEnv, ...overrides, dataDir: resolve(dataDir) };
  return ConfigSchema.parse(merged);
}
