/**
 * The Debian `espeak-ng` command (GPL-3.0), where installed: faster than the WebAssembly build.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { DEFAULT_WPM, type SpeechEngine } from "../engine.ts";
import { decodeWav } from "../wav.ts";

/** Where Debian installs it. */
export const ESPEAK_CLI = "/usr/bin/espeak-ng";

/** Whether the command is installed. */
export function hasEspeakCli(path = ESPEAK_CLI): boolean {
  return existsSync(path);
}

export class EspeakCliEngine implements SpeechEngine {
  readonly id = "espeak-cli";
  readonly sampleRate = 22050;
  /** One process per call: as many at once as there are cores. */
  readonly concurrency = Math.max(1, availableParallelism());
  readonly voiceName: string;
  private readonly voice: string;
  private readonly path: string;

  constructor(voice = "en-us", path = ESPEAK_CLI) {
    this.voice = voice;
    this.path = path;
    this.voiceName = `eSpeak NG (${voice}, system)`;
  }

  synthesize(text: string, options: { readonly wordsPerMinute?: number } = {}): Promise<Int16Array> {
    return new Promise((resolve, reject) => {
      execFile(
        this.path,
        ["--stdout", "-v", this.voice, "-s", String(options.wordsPerMinute ?? DEFAULT_WPM), "--", text],
        { encoding: "buffer", maxBuffer: 256 * 1024 * 1024, timeout: 60_000 },
        (error, stdout) => {
          if (error) return reject(new Error(`narrate: espeak-ng failed: ${error.message}`));
          try {
            resolve(decodeWav(stdout).samples);
          } catch (e) {
            reject(e);
          }
        },
      );
    });
  }
}
