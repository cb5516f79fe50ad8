/**
 * A speech engine turns speech text into 16-bit mono PCM. Engines: eSpeak NG compiled to
 * WebAssembly (from npm, always available), the Debian `espeak-ng` command (where installed), and an
 * HTTP engine for an OpenAI-compatible `/v1/audio/speech` server.
 */

export interface SpeechEngine {
  /** Stable id: "espeak-wasm", "espeak-cli", "http". */
  readonly id: string;
  /** The voice, as shown in the credit line ("eSpeak NG en-us"). */
  readonly voiceName: string;
  readonly sampleRate: number;
  /** How many `synthesize` calls may run at once (default 1). */
  readonly concurrency?: number;
  /**
   * Synthesise one piece of speech text (a sentence).
   *
   * @param text speech text (plain, no markup)
   * @param options rate in words per minute
   * @returns 16-bit signed mono samples at `sampleRate`
   */
  synthesize(text: string, options?: { readonly wordsPerMinute?: number }): Promise<Int16Array>;
  /**
   * Synthesise several sentences in one call where that is cheaper (one process for many sentences):
   * one PCM array per text, in order, each as `synthesize` would give it.
   */
  synthesizeBatch?(
    texts: readonly string[],
    options?: { readonly wordsPerMinute?: number },
  ): Promise<Int16Array[]>;
  close?(): Promise<void>;
}

/** Default speaking rate in words per minute (a calm newsreader). */
export const DEFAULT_WPM = 165;
