/**
 * jobs: the job interface and its two runners. In-process by default; `LEDE_REDIS_URL` switches to
 * BullMQ on Redis, shared by any number of `lede worker` processes. See README.md.
 */
import type { Config } from "../core/index.ts";
import { type BullmqOptions, createBullmqRunner } from "./bullmq.ts";
import { createInProcessRunner } from "./in-process.ts";
import type { JobRunner, RetryPolicy } from "./types.ts";

export * from "./bullmq.ts";
export * from "./ids.ts";
export * from "./in-process.ts";
export * from "./pipeline.ts";
export * from "./types.ts";

/**
 * The runner the config names: BullMQ when `redisUrl` is set, else in-process.
 *
 * @param config `redisUrl` from `LEDE_REDIS_URL`
 * @param options lock time and retry policy of the BullMQ runner
 * @example const runner = openRunner(loadConfig(process.env));
 */
export function openRunner(
  config: Pick<Config, "redisUrl">,
  options: Omit<BullmqOptions, "url"> & { readonly retry?: RetryPolicy } = {},
): JobRunner {
  if (config.redisUrl) {
    if (!/^rediss?:\/\//i.test(config.redisUrl))
      throw new Error("jobs: LEDE_REDIS_URL must be a redis:// URL");
    return createBullmqRunner({ ...options, url: config.redisUrl });
  }
  return createInProcessRunner(options.retry ? { retry: options.retry } : {});
}
