/**
 * Narration as a job: one article version to a cached MP3 with timing marks. Plain data in and out,
 * so it runs in a worker thread (synthesis is synchronous and would block a server's event loop).
 */
import { splitSentences } from "../analyse/text/index.ts";
import {
  type CachedNarration,
  DEFAULT_WPM,
  encodeMp3Fast,
  engineFromEnv,
  NarrationCache,
  narrate,
  narrationKey,
} from "../narrate/index.ts";

export interface NarrationTask {
  readonly dataDir: string;
  readonly articleId: number;
  readonly version: number;
  readonly title: string | null;
  readonly text: string;
  /** The environment's LEDE_TTS_* settings. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly wordsPerMinute?: number;
}

/** The cache key a task would use (to look up a finished narration without running it). */
export function taskKey(task: NarrationTask): string {
  const engine = engineFromEnv(task.env as NodeJS.ProcessEnv);
  return narrationKey({
    articleId: task.articleId,
    version: task.version,
    engine: engine.id,
    voice: engine.voiceName,
    wpm: task.wordsPerMinute ?? DEFAULT_WPM,
    lexicon: {},
  });
}

/** Narrate one article version into the cache (or return the cached narration). */
export async function runNarration(task: NarrationTask): Promise<CachedNarration> {
  const cache = new NarrationCache(task.dataDir);
  const key = taskKey(task);
  const hit = cache.get(key);
  if (hit) return hit;
  const engine = engineFromEnv(task.env as NodeJS.ProcessEnv);
  const n = await narrate({ title: task.title, text: task.text }, splitSentences(task.text), engine, {
    wordsPerMinute: task.wordsPerMinute ?? DEFAULT_WPM,
  });
  const mp3 = await encodeMp3Fast(n.samples, n.sampleRate);
  return cache.put(key, mp3, { durationMs: n.durationMs, marks: n.marks, voice: n.voice, engine: n.engine });
}
