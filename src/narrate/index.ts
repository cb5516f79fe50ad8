/** The public face of narrate: speech text, engines, narration with timing marks, MP3, cache. */
export { type CachedNarration, NarrationCache, narrationKey } from "./cache.ts";
export { DEFAULT_WPM, type SpeechEngine } from "./engine.ts";
export * from "./engines/index.ts";
export {
  createMp3Stream,
  DEFAULT_KBPS,
  encodeMp3,
  encodeMp3Fast,
  encodeMp3Native,
  LAME_CLI,
  LAME_SPEED_ARGS,
  lamejsStream,
  lameStream,
  type Mp3Stream,
  wasmLameStream,
} from "./mp3.ts";
export { type NarrateOptions, type Narration, type NarrationMark, narrate, PAUSES } from "./narrate.ts";
export { cardinal, ordinal, year } from "./numbers.ts";
export { type Lexicon, seedLexicon, speechText } from "./speech-text.ts";
export { MP3_DELAY_SAMPLES, type Mp3Narration, type NarrateMp3Options, narrateMp3 } from "./to-mp3.ts";
export { decodeWav, encodeWav } from "./wav.ts";
