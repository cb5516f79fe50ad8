/**
 * The Debian `espeak-ng` command (GPL-3.0), where installed: faster than the WebAssembly build.
 *
 * Starting the command costs more CPU than saying a short sentence, so sentences are said in
 * batches: one process says several sentences with a long SSML break between each two, and the
 * audio is cut back into sentences at those breaks. A break is a run of exact zero samples far longer
 * than any pause eSpeak makes inside a sentence at any rate; when the cut does not find exactly one
 * such run per break (a sentence said as silence, an unusual pause), the batch is said again one
 * sentence per process, so the timing of every sentence stays exact.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { DEFAULT_WPM, type SpeechEngine } from "../engine.ts";
import { decodeWav } from "../wav.ts";

/** Where Debian installs it. */
export const ESPEAK_CLI = "/usr/bin/espeak-ng";

/** The SSML break between the sentences of a batch. */
const BREAK_MS = 3000;
/** Shortest break run accepted (eSpeak shortens breaks at its fastest rates, ~1.2 s at 450 wpm). */
const MIN_BREAK_MS = 500;
/** A break run must be this many times longer than the longest pause inside the sentences. */
const BREAK_MARGIN = 1.5;
/** Zero runs shorter than this are not looked at (ordinary pauses between words). */
const MIN_RUN_MS = 20;

/** Whether the command is installed. */
export function hasEspeakCli(path = ESPEAK_CLI): boolean {
  return existsSync(path);
}

/** Text for eSpeak's SSML mode: markup characters as entities, one line. */
function ssmlText(text: string): string {
  return text.replace(/\s+/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Cut the audio of `count` sentences said with long breaks between them back into sentences: the
 * `count - 1` longest runs of zero samples are the breaks, if they stand clearly apart from every
 * other pause. Each sentence but the last gets the silence eSpeak leaves after a sentence said alone
 * (the trailing silence of the whole batch), so a batch sounds like the sentences said one by one.
 *
 * @returns the sentences' audio, or null when the breaks cannot be told apart
 */
export function splitAtBreaks(pcm: Int16Array, count: number, sampleRate: number): Int16Array[] | null {
  if (count === 1) return [pcm];
  const minRun = Math.round((MIN_RUN_MS / 1000) * sampleRate);
  const runs: Array<{ start: number; length: number }> = [];
  for (let i = 0; i < pcm.length; ) {
    if (pcm[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < pcm.length && pcm[j] === 0) j++;
    // A run touching the end is the batch's trailing silence, not a break.
    if (j - i >= minRun && j < pcm.length) runs.push({ start: i, length: j - i });
    i = j;
  }
  if (runs.length < count - 1) return null;
  const byLength = [...runs].sort((a, b) => b.length - a.length);
  const breaks = byLength.slice(0, count - 1);
  const shortestBreak = breaks.at(-1)!.length;
  const longestPause = byLength[count - 1]?.length ?? 0;
  if (shortestBreak < (MIN_BREAK_MS / 1000) * sampleRate || shortestBreak < longestPause * BREAK_MARGIN)
    return null;
  breaks.sort((a, b) => a.start - b.start);
  let tail = 0;
  while (tail < pcm.length && pcm[pcm.length - 1 - tail] === 0) tail++;
  const out: Int16Array[] = [];
  let from = 0;
  for (const b of breaks) {
    if (b.start <= from) return null; // a sentence said as nothing
    const piece = new Int16Array(b.start - from + tail);
    piece.set(pcm.subarray(from, b.start));
    out.push(piece);
    from = b.start + b.length;
  }
  if (from >= pcm.length - tail) return null;
  out.push(pcm.slice(from));
  return out;
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

  /** Run the command with `args` (text on stdin when `input` is given) and read its WAV output. */
  private run(args: readonly string[], input?: string): Promise<Int16Array> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        this.path,
        ["--stdout", "-v", this.voice, ...args],
        { encoding: "buffer", maxBuffer: 512 * 1024 * 1024, timeout: 120_000 },
        (error, stdout) => {
          if (error) return reject(new Error(`narrate: espeak-ng failed: ${error.message}`));
          try {
            resolve(decodeWav(stdout).samples);
          } catch (e) {
            reject(e);
          }
        },
      );
      if (input !== undefined) {
        child.stdin?.on("error", () => {}); // a failed run is reported by the callback
        child.stdin?.end(input);
      }
    });
  }

  synthesize(text: string, options: { readonly wordsPerMinute?: number } = {}): Promise<Int16Array> {
    // On stdin, not as an argument: a very long sentence would pass the argument size limit.
    return this.run(["--stdin", "-s", String(options.wordsPerMinute ?? DEFAULT_WPM)], text);
  }

  async synthesizeBatch(
    texts: readonly string[],
    options: { readonly wordsPerMinute?: number } = {},
  ): Promise<Int16Array[]> {
    if (texts.length === 1) return [await this.synthesize(texts[0]!, options)];
    const ssml = texts.map(ssmlText).join(` <break time="${BREAK_MS}ms"/> `);
    const pcm = await this.run(["-m", "--stdin", "-s", String(options.wordsPerMinute ?? DEFAULT_WPM)], ssml);
    const pieces = splitAtBreaks(pcm, texts.length, this.sampleRate);
    if (pieces) return pieces;
    // The breaks could not be told apart: one process per sentence.
    const out: Int16Array[] = [];
    for (const t of texts) out.push(await this.synthesize(t, options));
    return out;
  }
}
