// An MP3 encoder in a worker thread (see lamejsStream and wasmLameStream in mp3.ts): Int16Array
// messages in, null ends, the MP3 bytes go back in one message. `workerData.encoder` is "wasm" (LAME
// compiled to WebAssembly, wasm-media-encoders) or "lamejs" (LAME ported to JavaScript, ~9x slower).
// Plain JavaScript so it loads without the TypeScript loader.
import { parentPort, workerData } from "node:worker_threads";

const FRAME = 1152 * 8;
const { sampleRate, kbps, maxBytes, encoder } = workerData;

/** The encoder: `encode(Int16Array)` and `flush()`, each giving MP3 bytes. */
async function open() {
  if (encoder === "wasm") {
    const { createMp3Encoder } = await import("wasm-media-encoders");
    const enc = await createMp3Encoder();
    // Keep the input's rate where MP3 has it (no resampling); else LAME picks one.
    const mp3Rates = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000];
    enc.configure({
      channels: 1,
      sampleRate,
      bitrate: kbps,
      ...(mp3Rates.includes(sampleRate) ? { outputSampleRate: sampleRate } : {}),
    });
    const floats = new Float32Array(FRAME);
    return {
      // The returned view is the encoder's own buffer, reused by the next call: `push` copies it.
      encode: (pcm) => {
        for (let i = 0; i < pcm.length; i++) floats[i] = pcm[i] / 32768;
        return enc.encode([floats.subarray(0, pcm.length)]);
      },
      flush: () => enc.finalize(),
    };
  }
  const { Mp3Encoder } = await import("@breezystack/lamejs");
  const enc = new Mp3Encoder(1, sampleRate, kbps);
  return { encode: (pcm) => enc.encodeBuffer(pcm), flush: () => enc.flush() };
}

const out = [];
let size = 0;
let failed = false;
const push = (c) => {
  if (c.length === 0) return;
  size += c.length;
  if (size > maxBytes) throw new Error("too much audio");
  out.push(new Uint8Array(c.buffer, c.byteOffset, c.length).slice());
};
const fail = (e) => {
  failed = true;
  parentPort.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
};
// Messages are handled in order, after the (asynchronous) encoder is ready.
let ready = open();
parentPort.on("message", (samples) => {
  ready = ready
    .then((enc) => {
      if (failed) return enc;
      if (samples === null) {
        push(enc.flush());
        const all = new Uint8Array(size);
        let at = 0;
        for (const c of out) {
          all.set(c, at);
          at += c.length;
        }
        parentPort.postMessage({ ok: true, mp3: all }, [all.buffer]);
        return enc;
      }
      for (let i = 0; i < samples.length; i += FRAME) push(enc.encode(samples.subarray(i, i + FRAME)));
      return enc;
    })
    .catch((e) => {
      fail(e);
      throw e;
    });
  ready.catch(() => {});
});
