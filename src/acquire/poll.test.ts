import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { NEW_HEALTH, nextPollDelay, POLL_DEFAULTS } from "./poll.ts";

const MIN = 60_000;

describe("nextPollDelay", () => {
  it("uses the default, the TTL or max-age, within bounds", () => {
    assert.equal(nextPollDelay(NEW_HEALTH, {}, null), POLL_DEFAULTS.defaultDelayMs);
    assert.equal(nextPollDelay(NEW_HEALTH, {}, 60), 60 * MIN);
    assert.equal(nextPollDelay(NEW_HEALTH, { "cache-control": "public, max-age=7200" }, null), 120 * MIN);
    assert.equal(nextPollDelay(NEW_HEALTH, {}, 1), POLL_DEFAULTS.minDelayMs);
    assert.equal(nextPollDelay(NEW_HEALTH, {}, 100_000), POLL_DEFAULTS.maxDelayMs);
  });

  it("backs off exponentially on consecutive failures", () => {
    const h = (n: number) => ({ ...NEW_HEALTH, consecutiveFailures: n, lastStatus: 500 });
    assert.equal(nextPollDelay(h(1), {}, null), 60 * MIN);
    assert.equal(nextPollDelay(h(3), {}, null), 240 * MIN);
    assert.equal(nextPollDelay(h(20), {}, null), POLL_DEFAULTS.maxDelayMs);
  });

  it("honours Retry-After on 429 and 503, in seconds or as a date", () => {
    const limited = { ...NEW_HEALTH, consecutiveFailures: 1, lastStatus: 429 };
    assert.equal(nextPollDelay(limited, { "retry-after": "10800" }, null), 180 * MIN);
    const now = Date.parse("2025-09-01T10:00:00Z");
    const unavailable = { ...NEW_HEALTH, consecutiveFailures: 1, lastStatus: 503 };
    assert.equal(
      nextPollDelay(unavailable, { "retry-after": "Mon, 01 Sep 2025 15:00:00 GMT" }, null, now),
      300 * MIN,
    );
    assert.ok(
      nextPollDelay({ ...NEW_HEALTH, lastStatus: 429 }, {}, null) >= 2 * POLL_DEFAULTS.defaultDelayMs,
    );
  });
});
