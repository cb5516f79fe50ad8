/**
 * Narration as a job: one article version to a cached MP3 with timing marks. Plain data in and out,
 * so it runs in a worker thread (synthesis is synchronous and would block a server's event loop).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { splitSentences } from "../analyse/text/index.ts";
import {
  type CachedNarration,
  DEFAULT_WPM,
  engineFromEnv,
  type Lexicon,
  NarrationCache,
  narrateMp3,
  narrationKey,
  seedLexicon,
} from "../narrate/index.ts";

/** The pronunciation lexicon a user edits: `<dataDir>/lexicon.json`, `{"Kovac": "zeh-LEN-skee"}`. */
export const LEXICON_FILE = "lexicon.json";

/** The user's lexicon (empty when there is none or it cannot be read). */
export function loadLexicon(dataDir: string): Record<string, string> {
  const file = join(dataDir, LEXICON_FILE);
  if (!existsSync(file)) return {};
  try {
    const v = JSON.parse(readFileSync(file, "utf8")) as unknown;
    if (typeof v !== "object" || v === null || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === "string")) as Record<
      string,
      string
    >;
  } catch {
    return {};
  }
}

/** Only the entries that change how a word is said (seeded names map to themselves). */
export function respellings(lexicon: Lexicon): Record<string, string> {
  return Object.fromEntries(Object.entries(lexicon).filter(([k, v]) => v !== "" && v !== k));
}

export interface NarrationTask {
  readonly dataDir: string;
  /** A stored article's id, or a key of a text that is not stored ("text-<hash>"). */
  readonly articleId: number | string;
  readonly version: number;
  readonly title: string | null;
  readonly text: string;
  /** The environment's LEDE_TTS_* settings. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly wordsPerMinute?: number;
  /** Names of the article's people, organisations and places: they seed the user's lexicon. */
  readonly names?: readonly string[];
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
    lexicon: respellings(loadLexicon(task.dataDir)),
  });
}

/**
 * Narrate one article version into the cache (or return the cached narration).
 *
 * @param task the article version and settings
 * @param progress called with the percentage done (whole numbers, each once)
 */
export async function runNarration(
  task: NarrationTask,
  progress?: (percent: number) => void,
): Promise<CachedNarration> {
  const cache = new NarrationCache(task.dataDir);
  const key = taskKey(task);
  const hit = cache.get(key);
  if (hit) return hit;
  const engine = engineFromEnv(task.env as NodeJS.ProcessEnv);
  let reported = 0;
  const lexicon = loadLexicon(task.dataDir);
  const seeded = seedLexicon(task.names ?? [], lexicon);
  if (Object.keys(seeded).length > Object.keys(lexicon).length) {
    // New names appear in the file so the user can respell them (a name mapped to itself is said as written).
    const file = join(task.dataDir, LEXICON_FILE);
    writeFileSync(`${file}.tmp`, `${JSON.stringify(seeded, null, 1)}\n`);
    renameSync(`${file}.tmp`, file);
  }
  const n = await narrateMp3({ title: task.title, text: task.text }, splitSentences(task.text), engine, {
    wordsPerMinute: task.wordsPerMinute ?? DEFAULT_WPM,
    lexicon: respellings(seeded),
    onProgress: (done, total) => {
      // Synthesis is most of the work; the last percent is the encoder's end and the cache write.
      const percent = Math.min(99, Math.floor((done / Math.max(1, total)) * 100));
      if (percent > reported) progress?.((reported = percent));
    },
  });
  return cache.put(key, n.mp3, {
    durationMs: n.durationMs,
    marks: n.marks,
    voice: n.voice,
    engine: n.engine,
  });
}
