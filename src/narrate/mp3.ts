/**
 * MP3 encoding with lamejs (`@breezystack/lamejs`, pure JavaScript, LGPL-3.0): mono, constant bit rate.
 */
import { Mp3Encoder } from "@breezystack/lamejs";

/** Samples per MP3 frame (MPEG-1 Layer III). */
const FRAME = 1152;

/**
 * Encode 16-bit mono PCM as MP3.
 *
 * @param samples the audio
 * @param sampleRate Hz (22050 for eSpeak)
 * @param kbps constant bit rate (default 48, plenty for speech)
 */
export function encodeMp3(samples: Int16Array, sampleRate: number, kbps = 48): Buffer {
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
