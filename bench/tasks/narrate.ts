/**
 * Narration speed: seconds of audio per second of compute (real-time factor) for whole articles,
 * speech text to MP3, with each engine available here. Inputs: article bodies of the GVA dev set.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { splitSentences } from "../../src/analyse/text/index.ts";
import {
  createMp3Stream,
  EspeakWasmEngine,
  engineFromEnv,
  LAME_CLI,
  lamejsStream,
  narrate,
  narrateMp3,
  type SpeechEngine,
  wasmLameStream,
} from "../../src/narrate/index.ts";
import type { BenchInput, BenchSystem, BenchTask } from "../harness.ts";

/** Articles narrated by default (each is minutes of audio). */
const DEFAULT_ITEMS = 12;

type Encoder = "lamejs" | "wasm" | "lame" | "none";

/**
 * CPU seconds used so far by this process, its threads and its finished child processes (the
 * `espeak-ng` and `lame` commands), from /proc (Linux); null elsewhere. Unlike wall time it does not
 * depend on what else the machine is running.
 */
function cpuSeconds(): number | null {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    // Fields after the command name (which may hold spaces): utime is the 14th field overall.
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    return ticks / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

function system(name: string, engine: SpeechEngine, encoder: Encoder): BenchSystem {
  let audioMs = 0;
  let computeMs = 0;
  let words = 0;
  let cpu = 0;
  return {
    name,
    async run(input: BenchInput) {
      const text = input.data as string;
      const t = performance.now();
      const c = cpuSeconds();
      // What the desk does: sentences split, speech text, synthesis streamed into the encoder.
      const n =
        encoder === "none"
          ? await narrate({ title: null, text }, splitSentences(text), engine)
          : await narrateMp3({ title: null, text }, splitSentences(text), engine, {
              encoder:
                encoder === "lame"
                  ? (rate) => createMp3Stream(rate)
                  : encoder === "wasm"
                    ? (rate) => wasmLameStream(rate)
                    : (rate) => lamejsStream(rate),
            });
      const out = "mp3" in n ? n.mp3 : n.samples;
      computeMs += performance.now() - t;
      const c2 = cpuSeconds();
      if (c !== null && c2 !== null) cpu += c2 - c;
      audioMs += n.durationMs;
      words += text.split(/\s+/).length;
      return out.length;
    },
    report: () => ({
      "audio s/compute s": audioMs / computeMs,
      "s per 1000 words": computeMs / words,
      ...(cpu > 0 ? { "CPU s per 1000 words": (cpu * 1000) / words } : {}),
    }),
  } as BenchSystem;
}

const task: BenchTask = {
  name: "narrate",
  description:
    "article narration to MP3: the default set-up (Debian espeak-ng and lame where installed) and npm alone",
  systems: ["lede", "lede-npm-only", "lede-npm-lamejs", "lede-wasm-synthesis-only"],
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
    // What a machine with nothing but npm gets: eSpeak NG and LAME, both in WebAssembly.
    if (name === "lede-npm-only") return system(name, new EspeakWasmEngine(), "wasm");
    // The npm-only set-up before LAME in WebAssembly: lamejs (LAME ported to JavaScript).
    if (name === "lede-npm-lamejs") return system(name, new EspeakWasmEngine(), "lamejs");
    return system(name, new EspeakWasmEngine(), "none");
  },
};

export default task;
