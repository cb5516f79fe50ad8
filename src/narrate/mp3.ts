/**
 * MP3 encoding: Debian's `lame` command where installed (native, ~10x faster), else lamejs
 * (`@breezystack/lamejs`, pure JavaScript, LGPL-3.0), so it always works from npm alone.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { Mp3Encoder } from "@breezystack/lamejs";

/** Samples per MP3 frame (MPEG-1 Layer III). */
const FRAME = 1152;
/** Where Debian installs the LAME command. */
export const LAME_CLI = "/usr/bin/lame";
/** Default constant bit rate: plenty for one voice. */
export const DEFAULT_KBPS = 48;

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
  // lamejs returns Int8Array chunks (its typings say Uint8Array): wrap each as bytes.
  const push = (
    chunk: ArrayLike<number> & { buffer: ArrayBufferLike; byteOffset: number; length: number },
  ) => {
    if (chunk.length > 0) out.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
  };
  for (let i = 0; i < samples.length; i += FRAME * 8)
    push(enc.encodeBuffer(samples.subarray(i, i + FRAME * 8)));
  push(enc.flush());
  return Buffer.concat(out);
}

/** Encode with the `lame` command (raw PCM on stdin, MP3 on stdout). */
export function encodeMp3Native(
  samples: Int16Array,
  sampleRate: number,
  kbps = DEFAULT_KBPS,
  path = LAME_CLI,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path,
      [
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
        "--quiet",
        "-",
        "-",
      ],
      { stdio: ["pipe", "pipe", "pipe"] },
    );
    const out: Buffer[] = [];
    let errText = "";
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => (errText += d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(Buffer.concat(out))
        : reject(new Error(`narrate: lame exited ${code}: ${errText.slice(0, 200)}`)),
    );
    child.stdin.on("error", () => {});
    child.stdin.end(Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength));
  });
}

/** Encode with `lame` when installed, else in JavaScript. */
export function encodeMp3Fast(samples: Int16Array, sampleRate: number, kbps = DEFAULT_KBPS): Promise<Buffer> {
  return existsSync(LAME_CLI)
    ? encodeMp3Native(samples, sampleRate, kbps)
    : Promise.resolve(encodeMp3(samples, sampleRate, kbps));
}
