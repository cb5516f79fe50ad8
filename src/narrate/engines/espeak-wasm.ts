/**
 * eSpeak NG compiled to WebAssembly (`@echogarden/espeak-ng-emscripten`, GPL-3.0): installs from npm
 * alone, needs no network and no system package. Synthesis is synchronous: run it off the server's
 * main thread (the narration job does).
 */
import { DEFAULT_WPM, type SpeechEngine } from "../engine.ts";

interface EspeakWorker {
  set_voice(voice: string): number;
  set_rate(wpm: number): number;
  synthesize(text: string, cb: (samples: Int16Array | null, events: unknown[]) => void): void;
  get_samplerate(): number;
}

let worker: Promise<EspeakWorker> | null = null;

async function load(): Promise<EspeakWorker> {
  const { default: init } = await import("@echogarden/espeak-ng-emscripten");
  const m = (await init()) as { eSpeakNGWorker: new () => EspeakWorker };
  return new m.eSpeakNGWorker();
}

/** Voices known to work in this build (`en-gb` is silently ignored by it, see TTS notes). */
export const ESPEAK_VOICES = ["en-us", "en-us+f3", "en-us+m3"] as const;

export class EspeakWasmEngine implements SpeechEngine {
  readonly id = "espeak-wasm";
  readonly sampleRate = 22050;
  readonly voiceName: string;
  private readonly voice: string;

  constructor(voice = "en-us") {
    this.voice = voice;
    this.voiceName = `eSpeak NG (${voice})`;
  }

  async synthesize(text: string, options: { readonly wordsPerMinute?: number } = {}): Promise<Int16Array> {
    worker ??= load();
    const w = await worker;
    if (w.set_voice(this.voice) !== 0) throw new Error(`narrate: eSpeak NG has no voice "${this.voice}"`);
    w.set_rate(options.wordsPerMinute ?? DEFAULT_WPM);
    const chunks: Int16Array[] = [];
    // Markup characters would be read as SSML: escape them.
    w.synthesize(text.replace(/&/g, " and ").replace(/[<>]/g, " "), (samples) => {
      if (samples && samples.length > 0) chunks.push(samples.slice());
    });
    return concatPcm(chunks);
  }
}

/** Join PCM chunks. */
export function concatPcm(chunks: readonly Int16Array[]): Int16Array {
  const out = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
