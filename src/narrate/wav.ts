/** Minimal RIFF/WAVE reading and writing for 16-bit PCM, mono. */
import { endianness } from "node:os";

/** WAV samples are little-endian: on such a machine they can be viewed without conversion. */
const LITTLE_ENDIAN = endianness() === "LE";

/** Wrap 16-bit mono samples in a WAV container. */
export function encodeWav(samples: Int16Array, sampleRate: number): Buffer {
  const data = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  const h = Buffer.alloc(44);
  h.write("RIFF", 0, "ascii");
  h.writeUInt32LE(36 + data.length, 4);
  h.write("WAVEfmt ", 8, "ascii");
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write("data", 36, "ascii");
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

/**
 * Read 16-bit PCM from a WAV file (first channel if several). Mono samples may share memory with
 * `bytes` (no copy): copy them before changing either.
 *
 * @throws Error when the bytes are not 16-bit PCM WAV
 */
export function decodeWav(bytes: Uint8Array): { samples: Int16Array; sampleRate: number } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.toString("ascii", 0, 4) !== "RIFF" || b.toString("ascii", 8, 12) !== "WAVE")
    throw new Error("wav: not a RIFF/WAVE file");
  let at = 12;
  let rate = 0;
  let channels = 1;
  while (at + 8 <= b.length) {
    const id = b.toString("ascii", at, at + 4);
    let size = b.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === "fmt ") {
      if (b.readUInt16LE(body) !== 1 || b.readUInt16LE(body + 14) !== 16)
        throw new Error("wav: only 16-bit PCM is supported");
      channels = b.readUInt16LE(body + 2);
      rate = b.readUInt32LE(body + 4);
    } else if (id === "data") {
      if (size === 0xffffffff || body + size > b.length) size = b.length - body; // streamed WAV (unknown length)
      const frames = Math.floor(size / (2 * channels));
      if (channels === 1 && LITTLE_ENDIAN) {
        // The bytes viewed as samples where aligned, else one copy into fresh (aligned) memory.
        if ((b.byteOffset + body) % 2 === 0)
          return { samples: new Int16Array(b.buffer, b.byteOffset + body, frames), sampleRate: rate };
        const copy = new Uint8Array(frames * 2);
        copy.set(b.subarray(body, body + frames * 2));
        return { samples: new Int16Array(copy.buffer), sampleRate: rate };
      }
      const out = new Int16Array(frames);
      for (let i = 0; i < frames; i++) out[i] = b.readInt16LE(body + i * 2 * channels);
      return { samples: out, sampleRate: rate };
    }
    at = body + size + (size % 2);
  }
  throw new Error("wav: no data chunk");
}
