/**
 * Narrate an article: its title, then each sentence, as one audio track with a timing mark per
 * sentence so the reader can highlight the sentence being spoken.
 */
import type { Span } from "../core/index.ts";
import { DEFAULT_WPM, type SpeechEngine } from "./engine.ts";
import { concatPcm } from "./engines/espeak-wasm.ts";
import { type Lexicon, speechText } from "./speech-text.ts";

/** Silence after the title, between paragraphs and between sentences, in milliseconds. */
export const PAUSES = { afterTitleMs: 600, paragraphMs: 350, sentenceMs: 60 } as const;

/** Where one sentence (or the title) sits in the audio. */
export interface NarrationMark {
  readonly kind: "title" | "sentence";
  /** Offsets into `article.text` (0, 0 for the title). */
  readonly start: number;
  readonly end: number;
  readonly startMs: number;
  readonly endMs: number;
}

export interface Narration {
  readonly samples: Int16Array;
  readonly sampleRate: number;
  readonly durationMs: number;
  readonly marks: readonly NarrationMark[];
  readonly engine: string;
  readonly voice: string;
}

export interface NarrateOptions {
  readonly lexicon?: Lexicon;
  readonly wordsPerMinute?: number;
  /** Called after each sentence with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * @param article the title (may be null) and text
 * @param sentences sentence spans into `article.text`
 * @param engine the speech engine
 * @param options lexicon, rate, progress
 */
export async function narrate(
  article: { readonly title: string | null; readonly text: string },
  sentences: readonly Span[],
  engine: SpeechEngine,
  options: NarrateOptions = {},
): Promise<Narration> {
  const chunks: Int16Array[] = [];
  const marks: NarrationMark[] = [];
  let samples = 0;
  const ms = (n: number) => Math.round((n / engine.sampleRate) * 1000);
  const silence = (millis: number) => {
    const s = new Int16Array(Math.round((millis / 1000) * engine.sampleRate));
    chunks.push(s);
    samples += s.length;
  };
  const speak = async (text: string, kind: NarrationMark["kind"], start: number, end: number) => {
    const say = speechText(text, options.lexicon);
    if (say === "") return;
    const pcm = await engine.synthesize(
      say,
      options.wordsPerMinute ? { wordsPerMinute: options.wordsPerMinute } : { wordsPerMinute: DEFAULT_WPM },
    );
    const at = samples;
    chunks.push(pcm);
    samples += pcm.length;
    marks.push({ kind, start, end, startMs: ms(at), endMs: ms(samples) });
  };
  if (article.title) {
    await speak(article.title, "title", 0, 0);
    silence(PAUSES.afterTitleMs);
  }
  let prevEnd = -1;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (prevEnd >= 0)
      silence(article.text.slice(prevEnd, s.start).includes("\n\n") ? PAUSES.paragraphMs : PAUSES.sentenceMs);
    await speak(article.text.slice(s.start, s.end), "sentence", s.start, s.end);
    prevEnd = s.end;
    options.onProgress?.(i + 1, sentences.length);
  }
  const all = concatPcm(chunks);
  return {
    samples: all,
    sampleRate: engine.sampleRate,
    durationMs: ms(all.length),
    marks,
    engine: engine.id,
    voice: engine.voiceName,
  };
}
