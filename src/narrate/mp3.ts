/**
 * MP3 encoding: Debian's `lame` command where installed (native, several times faster), else lamejs
 * (`@breezystack/lamejs`, pure JavaScript, LGPL-3.0), so it always works from npm alone.
 *
 * Both can stream: `createMp3Stream` takes PCM as it is synthesised, so encoding runs alongside
 * synthesis (in the `lame` process, or in a worker thread for lamejs) instead of after it.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { Mp3Encoder } from "@breezystack/lamejs";

/** Samples per MP3 frame (MPEG-1 Layer III). */
const FRAME = 1152;
/** Where Debian installs the LAME command. */
export const LAME_CLI = "/usr/bin/lame";
/** Default constant bit rate: plenty for one voice. */
export const DEFAULT_KBPS = 48;
/**
 * LAME's speed options. `-q 7` is LAME's "fast" algorithm (no noise shaping search), transparent
 * enough for a synthetic voice at 48 kbps; `--noreplaygain` skips the loudness analysis LAME runs by
 * default, which alone took two thirds of its time on narration. Together: about 4x faster.
 */
export const LAME_SPEED_ARGS = ["-q", "7", "--noreplaygain"] as const;
/** Largest MP3 accepted from an encoder (a 10-hour narration at 48 kbps is ~216 MB). */
const MAX_MP3_BYTES = 256 * 1024 * 1024;

/** An encoder fed PCM in order; `end()` gives the whole MP3. */
export interface Mp3Stream {
  /** Add 16-bit mono samples (copied or sent at once: the caller may reuse the array). */
  write(samples: Int16Array): void;
  /** No more samples: the MP3 bytes. */
  end(): Promise<Buffer>;
  /** Give up (an error elsewhere): stop the encoder. */
  abort(): void;
}

type ByteChunk = ArrayLike<number> & { buffer: ArrayBufferLike; byteOffset: number; length: number };

/** lamejs returns Int8Array chunks (its typings say Uint8Array): wrap each as bytes. */
function bytes(chunk: ByteChunk): Buffer {
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
}

/**
 * Encode 16-bit mono PCM as MP3 in JavaScript (synchronous).
 *
 * @param samples the audio
 * @param sampleRate Hz (22050 for eSpeak)
 * @param kbps constant bit rate
 */
export function encodeMp3(samples: Int16Array, sampleRate: number, kbps = DEFAULT_KBPS): Buffer {
  const enc = new Mp3Encoder(1, sampleRate, kbps);
  const out: Buffer[] = [];
  for (let i = 0; i < samples.length; i += FRAME * 8) {
    const c = enc.encodeBuffer(samples.subarray(i, i + FRAME * 8));
    if (c.length > 0) out.push(Buffer.from(bytes(c)));
  }
  out.push(Buffer.from(bytes(enc.flush())));
  return Buffer.concat(out);
}

/** The `lame` arguments for raw little-endian 16-bit mono PCM on stdin and MP3 on stdout. */
function lameArgs(sampleRate: number, kbps: number): string[] {
  return [
    "-r",
    "-s",
    String(sampleRate / 1000),
    "--bitwidth",
    "16",
    "--signed",
    "--little-endian",
    "-m",
    "m",
    "-b",
    String(kbps),
    ...LAME_SPEED_ARGS,
    "--quiet",
    "-",
    "-",
  ];
}

/** A streaming encoder in a `lame` process: PCM on its stdin, MP3 from its stdout. */
export function lameStream(sampleRate: number, kbps = DEFAULT_KBPS, path = LAME_CLI): Mp3Stream {
  const child = spawn(path, lameArgs(sampleRate, kbps), { stdio: ["pipe", "pipe", "pipe"] });
  const out: Buffer[] = [];
  let size = 0;
  let errText = "";
  let failure: Error | null = null;
  child.stdout.on("data", (d: Buffer) => {
    size += d.length;
    if (size > MAX_MP3_BYTES) {
      failure ??= new Error("narrate: lame produced too much audio");
      child.kill("SIGKILL");
      return;
    }
    out.push(d);
  });
  child.stderr.on("data", (d: Buffer) => {
    if (errText.length < 2000) errText += d;
  });
  child.stdin.on("error", () => {}); // lame died: reported by `close`
  const done = new Promise<Buffer>((resolve, reject) => {
    child.on("error", (e) => reject(failure ?? e));
    child.on("close", (code) =>
      failure
        ? reject(failure)
        : code === 0
          ? resolve(Buffer.concat(out))
          : reject(new Error(`narrate: lame exited ${code}: ${errText.slice(0, 200)}`)),
    );
  });
  done.catch(() => {});
  return {
    write(samples) {
      if (samples.length === 0 || child.stdin.destroyed) return;
      // Copy: the caller may reuse its array while the pipe still holds ours.
      child.stdin.write(
        Buffer.from(samples.buffer.slice(samples.byteOffset, samples.byteOffset + samples.byteLength)),
      );
    },
    end() {
      child.stdin.end();
      return done;
    },
    abort() {
      failure ??= new Error("narrate: encoding aborted");
      child.kill("SIGKILL");
    },
  };
}

const LAMEJS_WORKER = new URL("./mp3-worker.mjs", import.meta.url);

/**
 * A streaming encoder with lamejs in a worker thread, so encoding runs on another core while this
 * thread synthesises.
 */
export function lamejsStream(sampleRate: number, kbps = DEFAULT_KBPS): Mp3Stream {
  return workerStream("lamejs", sampleRate, kbps);
}

/**
 * A streaming encoder with LAME compiled to WebAssembly (wasm-media-encoders) in a worker thread:
 * what a machine without the `lame` command uses; about 9x faster than lamejs.
 */
export function wasmLameStream(sampleRate: number, kbps = DEFAULT_KBPS): Mp3Stream {
  return workerStream("wasm", sampleRate, kbps);
}

function workerStream(encoder: "lamejs" | "wasm", sampleRate: number, kbps: number): Mp3Stream {
  const worker = new Worker(LAMEJS_WORKER, {
    workerData: { sampleRate, kbps, maxBytes: MAX_MP3_BYTES, encoder },
    // Plain JavaScript: no TypeScript loader (the process's --import) to start in the thread.
    execArgv: [],
    stdout: false,
    stderr: false,
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    worker.once("message", (m: { ok: boolean; mp3?: Uint8Array; message?: string }) =>
      m.ok && m.mp3
        ? resolve(Buffer.from(m.mp3.buffer, m.mp3.byteOffset, m.mp3.byteLength))
        : reject(new Error(`narrate: ${encoder} failed: ${m.message ?? "unknown"}`)),
    );
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`narrate: the encoder thread exited (${code})`)));
  });
  done.catch(() => {});
  return {
    write(samples) {
      if (samples.length === 0) return;
      const copy = samples.slice();
      worker.postMessage(copy, [copy.buffer]);
    },
    async end() {
      worker.postMessage(null);
      try {
        return await done;
      } finally {
        void worker.terminate();
      }
    },
    abort() {
      void worker.terminate();
    },
  };
}

/** A streaming encoder: `lame` when installed, else LAME in WebAssembly in a worker thread. */
export function createMp3Stream(sampleRate: number, kbps = DEFAULT_KBPS): Mp3Stream {
  return existsSync(LAME_CLI) ? lameStream(sampleRate, kbps) : wasmLameStream(sampleRate, kbps);
}

/** Encode with the `lame` command (raw PCM on stdin, MP3 on stdout). */
export function encodeMp3Native(
  samples: Int16Array,
  sampleRate: number,
  kbps = DEFAULT_KBPS,
  path = LAME_CLI,
): Promise<Buffer> {
  const s = lameStream(sampleRate, kbps, path);
  s.write(samples);
  return s.end();
}

/** Encode with `lame` when installed, else in JavaScript. */
export function encodeMp3Fast(samples: Int16Array, sampleRate: number, kbps = DEFAULT_KBPS): Promise<Buffer> {
  return existsSync(LAME_CLI)
    ? encodeMp3Native(samples, sampleRate, kbps)
    : Promise.resolve(encodeMp3(samples, sampleRate, kbps));
}
