import { copyFileSync, existsSync, writeFileSync } from "node:fs";
import { readFileInput } from "../../acquire/file.ts";
import { splitSentences } from "../../analyse/text/index.ts";
import { type Article, loadConfig, textHash } from "../../core/index.ts";
import { openRunner } from "../../jobs/index.ts";
import { DEFAULT_WPM, encodeWav, engineFromEnv, narrate } from "../../narrate/index.ts";
import { loadLexicon, respellings } from "../../pipeline/narration-task.ts";
import { Narrator } from "../../pipeline/narrator.ts";
import { processDocument } from "../../pipeline/process.ts";
import { openStore, type StoredArticle } from "../../store/index.ts";
import { isUrl, parse } from "../args.ts";
import { type Command, EXIT, type Io } from "../command.ts";
import { fetchInput } from "../fetch-input.ts";

const HELP = `usage: lede narrate FILE|URL|ARTICLE_ID --out FILE.mp3 [options]

Narrate a page or a stored article offline: the title, then each sentence, with numbers, dates,
money, abbreviations and acronyms spelled out for the voice. Stored articles are cached per version.
Names are respelled from the data dir's lexicon.json ({"Kovac": "zeh-LEN-skee"}), which the
reader's narrations seed with each article's names.

options:
  --out FILE       where to write the audio (.mp3, or .wav with --format wav)
  --format F       mp3 (default) or wav
  --rate WPM       speaking rate in words per minute (default ${DEFAULT_WPM})
  --marks FILE     also write the sentence timing marks as JSON
  -h, --help       show this help

engine (environment): LEDE_TTS_ENGINE=auto (default: Debian espeak-ng if installed, else the npm build)
  | espeak-wasm (from npm) | espeak-cli (Debian espeak-ng)
  | http (LEDE_TTS_URL of an OpenAI-compatible /v1/audio/speech server); LEDE_TTS_VOICE (default en-us).
`;

export const command: Command = {
  name: "narrate",
  summary: "narrate a page or stored article to an MP3 with sentence timing marks",
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const p = parse(argv, {
      out: { type: "string" },
      format: { type: "string" },
      rate: { type: "string" },
      marks: { type: "string" },
    });
    if (p.ok && p.values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (!p.ok || p.positionals.length !== 1 || !p.values.out) {
      io.stderr.write(`lede narrate: ${p.ok ? "give one input and --out FILE" : p.message}\n\n${HELP}`);
      return EXIT.usage;
    }
    const format = (p.values.format as string | undefined) ?? "mp3";
    const wpm = Number(p.values.rate ?? DEFAULT_WPM);
    if ((format !== "mp3" && format !== "wav") || !(wpm >= 80 && wpm <= 450)) {
      io.stderr.write("lede narrate: --format is mp3 or wav; --rate is 80 to 450 words per minute\n");
      return EXIT.usage;
    }
    let engine: ReturnType<typeof engineFromEnv>;
    try {
      engine = engineFromEnv(io.env);
    } catch (e) {
      io.stderr.write(`lede ${(e as Error).message}\n`);
      return EXIT.usage;
    }
    const input = p.positionals[0]!;
    const config = loadConfig(io.env);
    let article: Article;
    let stored: StoredArticle | null = null;
    if (/^\d+$/.test(input) && !existsSync(input)) {
      const store = await openStore(config);
      const a = await store.getArticle(Number(input));
      await store.close();
      if (!a) {
        io.stderr.write(`lede narrate: no stored article ${input}\n`);
        return EXIT.failed;
      }
      article = a.article;
      stored = a;
    } else {
      const doc = isUrl(input)
        ? await fetchInput(input, config)
        : await readFileInput(input, { stdin: io.stdin });
      if (!doc.ok) {
        io.stderr.write(`lede narrate: ${doc.error.stage}: ${doc.error.code}: ${doc.error.message}\n`);
        return EXIT.failed;
      }
      const out = processDocument({ doc: doc.value, options: {}, analyse: false });
      if (!out.ok) {
        io.stderr.write(`lede narrate: ${out.error.stage}: ${out.error.code}: ${out.error.message}\n`);
        return EXIT.failed;
      }
      article = out.article;
    }
    const t0 = performance.now();
    let marks: unknown;
    if (format === "mp3") {
      // MP3: a job on the narrate queue (in-process, or BullMQ with LEDE_REDIS_URL), cached per version.
      const runner = openRunner(config);
      const narrator = new Narrator(config.dataDir, { runner, env: io.env });
      try {
        const task = stored
          ? { ...narrator.taskFor(stored, io.env), wordsPerMinute: wpm }
          : {
              ...narrator.taskForText(
                article,
                `text-${textHash(`${article.title ?? ""}\n${article.text}`).slice(0, 16)}`,
                io.env,
              ),
              wordsPerMinute: wpm,
            };
        const wasCached = narrator.cached(task) !== null;
        const r = await narrator.narrate(task, (percent) => {
          if (io.isTTY) io.stderr.write(`\r\x1b[Knarrating: ${percent}%`);
        });
        if (io.isTTY) io.stderr.write("\r\x1b[K");
        if (!r.ok) {
          io.stderr.write(`lede narrate: ${r.message}\n`);
          return EXIT.failed;
        }
        copyFileSync(r.value.mp3Path, p.values.out as string);
        marks = r.value.marks;
        const secs = (performance.now() - t0) / 1000;
        const audioS = r.value.durationMs / 1000;
        io.stderr.write(
          wasCached
            ? `cached narration: ${audioS.toFixed(1)} s of audio, voice: ${r.value.voice}\n`
            : `${audioS.toFixed(1)} s of audio in ${secs.toFixed(1)} s (${(audioS / secs).toFixed(0)}x real time), voice: ${r.value.voice}\n`,
        );
      } finally {
        await narrator.close();
        await runner.close();
      }
    } else {
      const n = await narrate(article, splitSentences(article.text), engine, {
        wordsPerMinute: wpm,
        lexicon: respellings(loadLexicon(config.dataDir)),
        onProgress: (done: number, total: number) => {
          if (io.isTTY) io.stderr.write(`\r\x1b[Knarrating: sentence ${done}/${total}`);
        },
      });
      if (io.isTTY) io.stderr.write("\r\x1b[K");
      writeFileSync(p.values.out as string, encodeWav(n.samples, n.sampleRate));
      marks = n.marks;
      const secs = (performance.now() - t0) / 1000;
      io.stderr.write(
        `${(n.durationMs / 1000).toFixed(1)} s of audio in ${secs.toFixed(1)} s (${(n.durationMs / 1000 / secs).toFixed(0)}x real time), voice: ${n.voice}\n`,
      );
    }
    if (p.values.marks) writeFileSync(p.values.marks as string, `${JSON.stringify(marks, null, 1)}\n`);
    return EXIT.ok;
  },
};
