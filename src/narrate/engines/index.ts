import type { SpeechEngine } from "../engine.ts";
import { EspeakCliEngine, hasEspeakCli } from "./espeak-cli.ts";
import { EspeakWasmEngine } from "./espeak-wasm.ts";
import { HttpEngine } from "./http.ts";

export { EspeakCliEngine, hasEspeakCli } from "./espeak-cli.ts";
export { ESPEAK_VOICES, EspeakWasmEngine } from "./espeak-wasm.ts";
export { HttpEngine } from "./http.ts";

/** Engine ids a user can choose with LEDE_TTS_ENGINE. */
export const ENGINE_IDS = ["auto", "espeak-wasm", "espeak-cli", "http"] as const;

/**
 * The engine the environment asks for: `LEDE_TTS_ENGINE` (default `auto`: the Debian `espeak-ng` command
 * where installed, which is the same voice as the WebAssembly build but several times faster, else the
 * WebAssembly build from npm), `LEDE_TTS_VOICE`,
 * and for `http` `LEDE_TTS_URL` (+ `LEDE_TTS_MODEL`, `LEDE_TTS_API_KEY`).
 *
 * @throws Error naming what is missing when the chosen engine cannot run here
 */
export function engineFromEnv(env: NodeJS.ProcessEnv): SpeechEngine {
  const voice = env.LEDE_TTS_VOICE;
  const asked = env.LEDE_TTS_ENGINE ?? "auto";
  const id = asked === "auto" ? (hasEspeakCli() ? "espeak-cli" : "espeak-wasm") : asked;
  switch (id) {
    case "espeak-wasm":
      return new EspeakWasmEngine(voice ?? "en-us");
    case "espeak-cli":
      if (!hasEspeakCli())
        throw new Error("narrate: LEDE_TTS_ENGINE=espeak-cli needs the Debian package espeak-ng");
      return new EspeakCliEngine(voice ?? "en-us");
    case "http":
      if (!env.LEDE_TTS_URL)
        throw new Error(
          "narrate: LEDE_TTS_ENGINE=http needs LEDE_TTS_URL (an OpenAI-compatible voice server)",
        );
      return new HttpEngine({
        url: env.LEDE_TTS_URL,
        ...(voice ? { voice } : {}),
        ...(env.LEDE_TTS_MODEL ? { model: env.LEDE_TTS_MODEL } : {}),
        ...(env.LEDE_TTS_API_KEY ? { apiKey: env.LEDE_TTS_API_KEY } : {}),
      });
    default:
      throw new Error(`narrate: unknown LEDE_TTS_ENGINE "${id}" (one of ${ENGINE_IDS.join(", ")})`);
  }
}
