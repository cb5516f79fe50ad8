// Worker thread bootstrap of the pool: load TypeScript through tsx, import the task module and
// answer each message with the result of its exported function. Plain JS so it runs before tsx.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const mod = await import(workerData.module);
const fn = mod[workerData.fn];
parentPort.on("message", async ({ id, input }) => {
  // The function may report progress as it goes (a second argument it can ignore).
  const progress = (value) => parentPort.postMessage({ id, progress: value });
  try {
    parentPort.postMessage({ id, ok: true, value: await fn(input, progress) });
  } catch (e) {
    parentPort.postMessage({ id, ok: false, message: e instanceof Error ? `${e.message}` : String(e) });
  }
});
parentPort.postMessage({ ready: true });
