/**
 * Narration straight to MP3: the encoder is fed each piece of audio as soon as it is in order, so
 * encoding (in the `lame` process or a worker thread running LAME in WebAssembly) overlaps synthesis, and the whole
 * track is never held as PCM.
 */
import type { Span } from "../core/index.ts";
import type { SpeechEngine } from "./engine.ts";
import { createMp3Stream, DEFAULT_KBPS, type Mp3Stream } from "./mp3.ts";
import { type NarrateOptions, type Narration, narrate } from "./narrate.ts";

/**
 * Samples of silence an MP3 starts with before the first input sample is heard: LAME's encoder delay
 * (576) and the decoder's (529). The streamed MP3 has no LAME tag telling players to trim them
 * (it is written once, front to back), so players play them: marks are shifted by as much.
 */
export const MP3_DELAY_SAMPLES = 1105;

export interface Mp3Narration extends Omit<Narration, "samples"> {
  readonly mp3: Buffer;
}

export interface NarrateMp3Options extends Omit<NarrateOptions, "onAudio" | "keepSamples"> {
  readonly kbps?: number;
  /** The encoder for a sample rate (default `createMp3Stream`: `lame` when installed, else LAME in WebAssembly). */
  readonly encoder?: (sampleRate: number) => Mp3Stream;
}

/**
 * Narrate an article and encode it as MP3 while it is synthesised.
 *
 * @param article the title (may be null) and text
 * @param sentences sentence spans into `article.text`
 * @param engine the speech engine
 * @param options lexicon, rate, progress, bit rate, encoder
 * @example const { mp3, marks } = await narrateMp3(article, splitSentences(article.text), engineFromEnv(process.env));
 */
export async function narrateMp3(
  article: { readonly title: string | null; readonly text: string },
  sentences: readonly Span[],
  engine: SpeechEngine,
  options: NarrateMp3Options = {},
): Promise<Mp3Narration> {
  const { encoder, kbps, ...rest } = options;
  let stream: Mp3Stream | null = null;
  const open = (rate: number) =>
    (stream ??= encoder ? encoder(rate) : createMp3Stream(rate, kbps ?? DEFAULT_KBPS));
  try {
    const n = await narrate(article, sentences, engine, {
      ...rest,
      keepSamples: false,
      onAudio: (pcm, rate) => open(rate).write(pcm),
    });
    const { samples: _none, ...meta } = n;
    // Nothing to say still makes a valid (empty) MP3.
    const mp3 = await open(n.sampleRate).end();
    // The MP3's audio is late by the codec's delay: so are its marks, or highlights run ahead.
    const delayMs = Math.round((MP3_DELAY_SAMPLES / n.sampleRate) * 1000);
    const marks = meta.marks.map((m) => ({ ...m, startMs: m.startMs + delayMs, endMs: m.endMs + delayMs }));
    return { ...meta, marks, durationMs: meta.durationMs + delayMs, mp3 };
  } catch (e) {
    (stream as Mp3Stream | null)?.abort();
    throw e;
  }
}
