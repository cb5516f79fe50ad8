/**
 * The job runner contract: both runners (in-process and BullMQ) run these tests.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { JobInfo, JobRunner, NextJob, StoreJob } from "./types.ts";

const article = (n: number) => ({
  url: `https://n.example/${n}`,
  title: `T${n}`,
  authors: [],
  published: null,
  modified: null,
  language: "en",
  siteName: null,
  text: `text ${n}`,
  blocks: [],
  related: [],
});

const storeJob = (n: number, id = `store-${n}`): NextJob => ({
  queue: "store",
  id,
  data: {
    input: `in${n}`,
    article: article(n),
    analysis: null,
    source: null,
    fetchedAt: "2025-09-01T00:00:00Z",
  },
});

/**
 * Define the runner contract tests.
 *
 * @param name shown in test output
 * @param open makes a fresh runner with a fast retry policy (3 attempts, ~10 ms backoff)
 */
export function runnerContract(name: string, open: () => Promise<JobRunner>): void {
  describe(`JobRunner contract: ${name}`, () => {
    let runner: JobRunner;
    const seen: Array<{ data: StoreJob; info: JobInfo }> = [];
    const linked: number[] = [];
    const fails = new Map<string, number>();
    let release: () => void = () => {};
    before(async () => {
      runner = await open();
      await runner.work(
        {
          async store(data, info) {
            seen.push({ data, info });
            const n = Number(data.input.slice(2));
            const failFirst = fails.get(info.id) ?? 0;
            if (info.attempt <= failFirst) throw new Error(`flaky ${info.attempt}`);
            return [{ queue: "link", id: `link-${n}`, data: { articleId: n, version: 1 } }];
          },
          async link(data) {
            linked.push(data.articleId);
            return [];
          },
          async narrate(data, info) {
            // Report progress, then wait until the test has seen it.
            await info.progress?.(40);
            await new Promise<void>((resolve) => {
              release = resolve;
            });
            await info.progress?.(data.articleId === 2 ? 150 : 90);
            if (data.articleId === 3) throw new Error("no voice");
            return [];
          },
        },
        { concurrency: { store: 2 } },
      );
    });
    after(async () => runner.close());

    test("jobs run with their follow-ups, and the same id is run once", async () => {
      await runner.enqueue(storeJob(1), storeJob(2));
      await runner.enqueue(storeJob(1));
      await runner.idle({ timeoutMs: 20_000 });
      assert.deepEqual(seen.map((s) => s.data.input).sort(), ["in1", "in2"]);
      assert.deepEqual([...linked].sort(), [1, 2]);
    });

    test("a failing job is retried with backoff and then succeeds", async () => {
      fails.set("store-3", 2);
      await runner.enqueue(storeJob(3));
      await runner.idle({ timeoutMs: 20_000 });
      const attempts = seen.filter((s) => s.info.id === "store-3").map((s) => s.info.attempt);
      assert.deepEqual(attempts, [1, 2, 3]);
      assert.ok(linked.includes(3));
    });

    test("a job failing every attempt goes to the dead-letter queue", async () => {
      fails.set("store-4", 99);
      await runner.enqueue(storeJob(4));
      await runner.idle({ timeoutMs: 20_000 });
      for (let i = 0; i < 50 && (await runner.deadLetters()).length === 0; i++)
        await new Promise((r) => setTimeout(r, 50));
      const [dead] = await runner.deadLetters();
      assert.equal(dead?.id, "store-4");
      assert.equal(dead?.queue, "store");
      assert.equal(dead?.attempts, 3);
      assert.match(dead?.error ?? "", /flaky 3/);
      assert.equal((await runner.counts()).dead, 1);
      assert.ok(!linked.includes(4));
    });

    test("a job's state and progress are seen by id", async () => {
      assert.equal(await runner.status("narrate", "narrate-1-1"), null, "an unknown job");
      await runner.enqueue({ queue: "narrate", id: "narrate-1-1", data: { articleId: 1, version: 1 } });
      const at = async (want: (s: Awaited<ReturnType<JobRunner["status"]>>) => boolean) => {
        for (let i = 0; i < 200; i++) {
          const s = await runner.status("narrate", "narrate-1-1");
          if (want(s)) return s;
          await new Promise((r) => setTimeout(r, 25));
        }
        assert.fail("the job never got there");
      };
      const running = await at((s) => s?.state === "active" && s.percent === 40);
      assert.deepEqual(running, { state: "active", percent: 40 });
      release();
      assert.deepEqual(await at((s) => s?.state === "completed"), { state: "completed", percent: 100 });
    });

    test("a job failing every attempt has the state failed and its error", async () => {
      await runner.enqueue({ queue: "narrate", id: "narrate-3-1", data: { articleId: 3, version: 1 } });
      for (let i = 0; i < 400; i++) {
        const s = await runner.status("narrate", "narrate-3-1");
        if (s?.state === "failed") {
          assert.match(s.error ?? "", /no voice/);
          return;
        }
        release();
        await new Promise((r) => setTimeout(r, 25));
      }
      assert.fail("the job never failed");
    });

    test("polling is one schedule however often it is asked for", async () => {
      await runner.schedulePolling(60_000);
      await runner.schedulePolling(60_000);
      const c = await runner.counts();
      assert.equal(c.fetch.delayed, 0, "the schedule itself is not pending work");
    });
  });
}
