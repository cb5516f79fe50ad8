import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { WorkerPool } from "./pool.ts";

const module = fileURLToPath(new URL("./fixtures/echo.ts", import.meta.url));

test("a worker pool returns results, reports throws, and survives a call that never ends", async () => {
  const pool = new WorkerPool<{ op: "echo" | "throw" | "spin"; value?: string }, string>({
    module,
    fn: "handle",
    timeoutMs: 1500,
  });
  try {
    assert.deepEqual(await pool.run({ op: "echo", value: "a" }), { ok: true, value: "echo:a" });
    const thrown = await pool.run({ op: "throw" });
    assert.equal(thrown.ok, false);
    assert.equal(!thrown.ok && thrown.reason, "throw");
    const spun = await pool.run({ op: "spin" });
    assert.equal(!spun.ok && spun.reason, "timeout");
    assert.deepEqual(await pool.run({ op: "echo", value: "b" }), { ok: true, value: "echo:b" });
  } finally {
    await pool.close();
  }
});
