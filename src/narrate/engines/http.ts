/**
 * An HTTP engine for users who run a better voice server: an OpenAI-compatible
 * `POST /v1/audio/speech` endpoint asked for `wav` (16-bit PCM). The server is the user's own choice
 * (configured by URL), so it is reached directly, not through the page fetcher's SSRF guard.
 */
import { request } from "undici";
import type { SpeechEngine } from "../engine.ts";
import { decodeWav } from "../wav.ts";

export interface HttpEngineOptions {
  /** Base URL, e.g. http://127.0.0.1:8880 (the path /v1/audio/speech is added). */
  readonly url: string;
  readonly model?: string;
  readonly voice?: string;
  readonly apiKey?: string;
  readonly timeoutMs?: number;
}

/** Largest audio response accepted (100 MB). */
const MAX_AUDIO_BYTES = 100 * 1024 * 1024;

export class HttpEngine implements SpeechEngine {
  readonly id = "http";
  sampleRate = 24000;
  /** A voice server usually serves a few requests at once. */
  readonly concurrency = 2;
  readonly voiceName: string;
  private readonly options: HttpEngineOptions;

  constructor(options: HttpEngineOptions) {
    this.options = options;
    this.voiceName = `${options.voice ?? "default"} (${new URL(options.url).host})`;
  }

  async synthesize(text: string, options: { readonly wordsPerMinute?: number } = {}): Promise<Int16Array> {
    const speed = options.wordsPerMinute ? options.wordsPerMinute / 165 : 1;
    const res = await request(new URL("/v1/audio/speech", this.options.url), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
      },
      body: JSON.stringify({
        model: this.options.model ?? "tts-1",
        voice: this.options.voice ?? "alloy",
        input: text,
        response_format: "wav",
        speed,
      }),
      headersTimeout: this.options.timeoutMs ?? 60_000,
      bodyTimeout: this.options.timeoutMs ?? 60_000,
    });
    if (res.statusCode !== 200) {
      await res.body.dump();
      throw new Error(`narrate: voice server answered ${res.statusCode}`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of res.body) {
      size += (c as Buffer).length;
      if (size > MAX_AUDIO_BYTES) throw new Error("narrate: voice server sent too much audio");
      chunks.push(c as Buffer);
    }
    const wav = decodeWav(Buffer.concat(chunks));
    this.sampleRate = wav.sampleRate;
    return wav.samples;
  }
}
