/**
 * Narrations cached per article version, engine, voice, rate and lexicon: an MP3 and a JSON file
 * with the timing marks under `<dataDir>/audio/`. A changed text is a new version, so a new file.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { NarrationMark } from "./narrate.ts";

export interface CachedNarration {
  readonly mp3Path: string;
  readonly durationMs: number;
  readonly marks: readonly NarrationMark[];
  readonly voice: string;
  readonly engine: string;
}

/** The cache key of a narration: article id and version, engine, voice, rate and lexicon. */
/** Bumped when cached marks change meaning (2: shifted by the MP3 codec's delay). */
const MARKS_FORMAT = "marks-2";

export function narrationKey(parts: {
  articleId: number | string;
  version: number;
  engine: string;
  voice: string;
  wpm: number;
  lexicon: object;
}): string {
  const h = createHash("sha256")
    .update(JSON.stringify([MARKS_FORMAT, parts.engine, parts.voice, parts.wpm, parts.lexicon]))
    .digest("hex")
    .slice(0, 12);
  return `${String(parts.articleId).replace(/[^\w-]/g, "_")}-v${parts.version}-${h}`;
}

export class NarrationCache {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, "audio");
  }

  get(key: string): CachedNarration | null {
    const meta = join(this.dir, `${key}.json`);
    const mp3Path = join(this.dir, `${key}.mp3`);
    if (!existsSync(meta) || !existsSync(mp3Path)) return null;
    const m = JSON.parse(readFileSync(meta, "utf8")) as Omit<CachedNarration, "mp3Path">;
    return { ...m, mp3Path };
  }

  /** Store atomically (write then rename), so a reader never sees half a file. */
  put(key: string, mp3: Uint8Array, meta: Omit<CachedNarration, "mp3Path">): CachedNarration {
    mkdirSync(this.dir, { recursive: true });
    const mp3Path = join(this.dir, `${key}.mp3`);
    writeFileSync(`${mp3Path}.tmp`, mp3);
    renameSync(`${mp3Path}.tmp`, mp3Path);
    const metaPath = join(this.dir, `${key}.json`);
    writeFileSync(`${metaPath}.tmp`, JSON.stringify(meta));
    renameSync(`${metaPath}.tmp`, metaPath);
    return { ...meta, mp3Path };
  }
}
