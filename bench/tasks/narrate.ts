/**
 * Narration speed: seconds of audio per second of compute (real-time factor) for whole articles,
 * speech text to MP3, with each engine available here. Inputs: article bodies of the GVA dev set.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { splitSentences } from "../../src/analyse/text/index.ts";
import {
  EspeakWasmEngine,
  encodeMp3,
  encodeMp3Native,
  engineFromEnv,
  LAME_CLI,
  narrate,
  type SpeechEngine,
} from "../../src/narrate/index.ts";
import type { BenchInput, BenchSystem, BenchTask } from "../harness.ts";

/** Articles narrated by default (each is minutes of audio). */
const DEFAULT_ITEMS = 12;

type Encoder = "lamejs" | "lame" | "none";

function system(name: string, engine: SpeechEngine, encoder: Encoder): BenchSystem {
  let audioMs = 0;
  let computeMs = 0;
  let words = 0;
  return {
    name,
    async run(input: BenchInput) {
      const text = input.data as string;
      const t = performance.now();
      const n = await narrate({ title: null, text }, splitSentences(text), engine);
      const out =
        encoder === "lame"
          ? await encodeMp3Native(n.samples, n.sampleRate)
          : encoder === "lamejs"
            ? encodeMp3(n.samples, n.sampleRate)
            : n.samples;
      computeMs += performance.now() - t;
      audioMs += n.durationMs;
      words += text.split(/\s+/).length;
      return out.length;
    },
    report: () => ({ "audio s/compute s": audioMs / computeMs, "s per 1000 words": computeMs / words }),
  } as BenchSystem;
}

const task: BenchTask = {
  name: "narrate",
  description:
    "article narration to MP3: the default set-up (Debian espeak-ng and lame where installed) and npm alone",
  systems: ["lede", "lede-npm-only", "lede-wasm-synthesis-only"],
  async inputs(ctx) {
    const rows = JSON.parse(readFileSync(join(ctx.dataDir, "events/gva/X_val.json"), "utf8")) as Array<{
      text: string;
    }>;
    return rows
      .filter((r) => r.text.split(/\s+/).length > 150)
      .slice(0, ctx.limit ?? DEFAULT_ITEMS)
      .map((r, i) => ({ id: String(i), data: r.text.slice(0, 20_000) }));
  },
  async system(name) {
    // "lede": the default set-up (engine "auto": Debian espeak-ng where installed; lame where installed).
    if (name === "lede") return system(name, engineFromEnv({}), existsSync(LAME_CLI) ? "lame" : "lamejs");
    // What a machine with nothing but npm gets: eSpeak NG in WebAssembly and lamejs.
    if (name === "lede-npm-only") return system(name, new EspeakWasmEngine(), "lamejs");
    return system(name, new EspeakWasmEngine(), "none");
  },
};

export default task;
