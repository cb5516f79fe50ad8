import { statSync } from "node:fs";
import { ingest } from "../../pipeline/ingest.ts";
import { isIsoDate, parse } from "../args.ts";
import { type Command, EXIT, type Io } from "../command.ts";
import { documentsFor } from "../inputs.ts";
import { storeFromEnv } from "../open-store.ts";
import { progressLine, summaryText } from "../progress.ts";
import { walkFiles } from "../walk.ts";

const HELP = `usage: lede add SOURCE... [options]

Take in news and store it: each SOURCE is a file, a directory (every file under it), a URL of a page,
or - for stdin. Each document is extracted, analysed and stored; the same URL and content never makes
a second article, changed content becomes a new version. One bad input never stops the others.

options:
  --published DATE   publication date (ISO 8601) for inputs that have none
  --no-analyse       store the extracted article without analysing it
  --jobs N           worker threads (default 1)
  --json             print one JSON line per input: {input, status, id, version} or {input, error}
  -h, --help         show this help

exit status: 0 everything was taken in, 1 some inputs failed (each named on stderr), 2 usage error.
`;

async function* expand(inputs: readonly string[], stdin: NodeJS.ReadableStream, allow: readonly string[]) {
  for (const input of inputs) {
    const st =
      input !== "-" && !/^https?:/i.test(input) ? statSync(input, { throwIfNoEntry: false }) : undefined;
    const names = st?.isDirectory() ? [...walkFiles(input)] : [input];
    yield* documentsFor(names, stdin, { fetchAllow: [...allow] });
  }
}

export const command: Command = {
  name: "add",
  summary: "take in pages, files, directories or stdin and store them",
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const p = parse(argv, {
      published: { type: "string" },
      "no-analyse": { type: "boolean" },
      jobs: { type: "string" },
      json: { type: "boolean" },
    });
    if (!p.ok) {
      io.stderr.write(`lede add: ${p.message}\n\n${HELP}`);
      return EXIT.usage;
    }
    if (p.values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (p.positionals.length === 0) {
      io.stderr.write(`lede add: no source given\n\n${HELP}`);
      return EXIT.usage;
    }
    const published = p.values.published as string | undefined;
    if (published !== undefined && !isIsoDate(published)) {
      io.stderr.write(`lede add: --published must be an ISO 8601 date, not "${published}"\n`);
      return EXIT.usage;
    }
    const jobs = Number(p.values.jobs ?? 1);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
      io.stderr.write("lede add: --jobs must be a whole number from 1 to 64\n");
      return EXIT.usage;
    }
    const { config, store } = await storeFromEnv(io.env);
    const progress = progressLine(io.stderr, io.isTTY);
    try {
      const summary = await ingest(expand(p.positionals, io.stdin, config.fetchAllow), {
        extract: published ? { published } : {},
        analyse: !p.values["no-analyse"],
        store,
        concurrency: jobs,
        onItem: (o, s) => {
          progress(s);
          if (!o.ok) {
            if (io.isTTY) io.stderr.write("\r\x1b[K");
            io.stderr.write(`lede add: ${o.input}: ${o.error.stage}: ${o.error.code}: ${o.error.message}\n`);
          }
          if (p.values.json) {
            io.stdout.write(
              `${JSON.stringify(o.ok ? { input: o.input, ...o.stored } : { input: o.input, error: o.error })}\n`,
            );
          }
        },
      });
      if (io.isTTY) io.stderr.write("\r\x1b[K");
      io.stderr.write(summaryText(summary));
      return summary.failed > 0 ? EXIT.failed : EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
