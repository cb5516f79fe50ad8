import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HostLimiter } from "./host-limiter.ts";

describe("HostLimiter", () => {
  it("keeps at most `concurrency` requests in flight per host, others unaffected", async () => {
    const limiter = new HostLimiter({ concurrency: 2, minIntervalMs: 0 });
    let active = 0;
    let peak = 0;
    const job = async (host: string) => {
      const release = await limiter.acquire(host);
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 20));
      active--;
      release();
    };
    await Promise.all(Array.from({ length: 6 }, () => job("a.example")));
    assert.equal(peak, 2);
    const other = await limiter.acquire("b.example");
    other();
  });

  it("spaces request starts by the interval, raised by Crawl-delay", async () => {
    const limiter = new HostLimiter({ concurrency: 4, minIntervalMs: 50 });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        const release = await limiter.acquire("a.example");
        starts.push(Date.now());
        release();
      }),
    );
    starts.sort((a, b) => a - b);
    assert.ok(starts[2]! - starts[0]! >= 90, `starts ${starts.map((s) => s - starts[0]!)}`);
    limiter.setCrawlDelay("c.example", 0.2);
    const t0 = Date.now();
    (await limiter.acquire("c.example"))();
    (await limiter.acquire("c.example"))();
    assert.ok(Date.now() - t0 >= 180);
  });
});
