// lamejs in a worker thread (see lamejsStream in mp3.ts): Int16Array messages in, null ends, the MP3
// bytes go back in one message. Plain JavaScript so it loads without the TypeScript loader.
import { parentPort, workerData } from "node:worker_threads";
import { Mp3Encoder } from "@breezystack/lamejs";

const FRAME = 1152 * 8;
const { sampleRate, kbps, maxBytes } = workerData;
const enc = new Mp3Encoder(1, sampleRate, kbps);
const out = [];
let size = 0;
let failed = false;
const push = (c) => {
  if (c.length === 0) return;
  size += c.length;
  if (size > maxBytes) throw new Error("too much audio");
  out.push(new Uint8Array(c.buffer, c.byteOffset, c.length).slice());
};
parentPort.on("message", (samples) => {
  if (failed) return;
  try {
    if (samples === null) {
      push(enc.flush());
      const all = new Uint8Array(size);
      let at = 0;
      for (const c of out) {
        all.set(c, at);
        at += c.length;
      }
      parentPort.postMessage({ ok: true, mp3: all }, [all.buffer]);
      return;
    }
    for (let i = 0; i < samples.length; i += FRAME) push(enc.encodeBuffer(samples.subarray(i, i + FRAME)));
  } catch (e) {
    failed = true;
    parentPort.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});
