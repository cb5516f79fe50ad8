/**
 * The Listen player's audio: a `NarrationProvider` gives the MP3 and timing marks of an article
 * version. `cachedNarration` is the default one, on the narrate stage: made on the first request (one
 * narration per article version at a time), then read from narrate's cache under the data dir.
 */
import { splitSentences } from "../analyse/text/index.ts";
import {
  DEFAULT_WPM,
  NarrationCache,
  type NarrationMark,
  narrateMp3,
  narrationKey,
  type SpeechEngine,
} from "../narrate/index.ts";
import type { StoredArticle } from "../store/index.ts";

/** A narration ready to serve. */
export interface ListenAudio {
  readonly mp3Path: string;
  readonly durationMs: number;
  /** Where the title and each sentence sit in the audio (offsets into `article.text`). */
  readonly marks: readonly NarrationMark[];
}

/** Gives the narration of an article version, making it when needed; null when it cannot be made. */
export interface NarrationProvider {
  narrationOf(article: StoredArticle): Promise<ListenAudio | null>;
  /** The narration if it is already made (nothing is run), for podcast feeds. */
  cachedOf?(article: StoredArticle): ListenAudio | null;
  /** Start making a narration in the background (podcast feeds ask for what is missing). */
  prepare?(article: StoredArticle): void;
  /** How far the narration is (`start`: queue it when it is neither made nor under way). */
  statusOf?(article: StoredArticle, options?: { start?: boolean }): Promise<NarrationProgress>;
}

/** Where a narration is: ready, not asked for, waiting in the queue, being made, or failed. */
export interface NarrationProgress {
  readonly state: "ready" | "none" | "waiting" | "active" | "completed" | "failed";
  /** 0 to 100. */
  readonly percent: number;
  readonly durationMs?: number;
  readonly error?: string;
}

/**
 * Narrations with narrate's engine and cache.
 *
 * @param dataDir where narrate's cache lives (`<dataDir>/audio/`)
 * @param engine the speech engine (for example `engineFromEnv(process.env)` from narrate)
 * @param wordsPerMinute speaking rate
 * @example const narration = cachedNarration(config.dataDir, engineFromEnv(process.env));
 */
export function cachedNarration(
  dataDir: string,
  engine: SpeechEngine,
  wordsPerMinute = DEFAULT_WPM,
): NarrationProvider {
  const cache = new NarrationCache(dataDir);
  const pending = new Map<string, Promise<ListenAudio | null>>();
  return {
    async narrationOf(a) {
      const key = narrationKey({
        articleId: a.id,
        version: a.version,
        engine: engine.id,
        voice: engine.voiceName,
        wpm: wordsPerMinute,
        lexicon: {},
      });
      const hit = cache.get(key);
      if (hit) return hit;
      const running = pending.get(key);
      if (running) return running;
      const job = (async () => {
        const sentences = a.analysis?.sentences?.length
          ? a.analysis.sentences
          : splitSentences(a.article.text);
        const n = await narrateMp3(a.article, sentences, engine, { wordsPerMinute });
        if (n.durationMs === 0) return null;
        return cache.put(key, n.mp3, {
          durationMs: n.durationMs,
          marks: n.marks,
          voice: n.voice,
          engine: n.engine,
        });
      })().finally(() => pending.delete(key));
      pending.set(key, job);
      return job;
    },
  };
}

/**
 * A byte range of a `Range: bytes=a-b` header within a file of `size` bytes, or null for the whole file,
 * or "invalid" when it cannot be satisfied.
 *
 * @example byteRange("bytes=0-99", 1000) // { start: 0, end: 99 }
 */
export function byteRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | "invalid" {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return "invalid";
  let start: number;
  let end: number;
  if (m[1] === "") {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : "invalid";
}
