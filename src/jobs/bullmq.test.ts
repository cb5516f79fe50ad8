/** The job runner contract on a real Redis (Debian's redis-server on 127.0.0.1, no persistence). */
import { after, test } from "node:test";
import { type RunningService, servicesMissing, startRedis } from "../../test/helpers/services.ts";
import { createBullmqRunner } from "./bullmq.ts";
import { runnerContract } from "./runner-contract.ts";

const missing = servicesMissing();
if (missing) {
  test("JobRunner contract: bullmq", { skip: missing }, () => {});
} else {
  let redis: RunningService | undefined;
  after(async () => redis?.stop());
  runnerContract("bullmq", async () => {
    redis = await startRedis();
    return createBullmqRunner({ url: redis.url, retry: { attempts: 3, backoffMs: 10 }, lockMs: 5000 });
  });
}
