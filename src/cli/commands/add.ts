import { readFileSync } from "node:fs";
import { readInputs } from "../../acquire/index.ts";
import { type InputItem, ingest } from "../../pipeline/ingest.ts";
import { Ingester } from "../../pipeline/ingester.ts";
import { Poller } from "../../pipeline/poller.ts";
import { StoryKeeper } from "../../pipeline/stories.ts";
import type { Store } from "../../store/index.ts";
import { isIsoDate, isUrl, parse } from "../args.ts";
import { type Command, EXIT, type Io } from "../command.ts";
import { storeFromEnv } from "../open-store.ts";
import { progressLine, summaryText } from "../progress.ts";
import { subscribeOpml } from "./start.ts";

const HELP = `usage: lede add SOURCE... [options]

Take in news and store it. A SOURCE is a URL (a page, a feed, a sitemap or an OPML file, recognised by
content), a path (a page, a text file, a .gz, a WARC/ARC archive, a feed, a sitemap, an OPML file, or a
directory of them), or - for stdin. Each document is extracted, analysed and stored: the same URL and
content never makes a second article; changed content becomes a new version. In a WARC archive or a
sitemap, listing pages (tag, category and search pages of linked headlines) are not articles: they are
skipped and counted, not stored (a listing page named on its own is stored). One bad input never stops
the others; each failure is named on stderr and counted in the summary.

options:
  --subscribe        subscribe to the SOURCE feeds (feed URLs or OPML files) and poll each once now;
                     'lede start' then keeps polling them. Health: 'lede sources'
  --published DATE   publication date (ISO 8601) for inputs that have none
  --no-analyse       store the extracted article without analysing it
  --jobs N           worker threads (default 1)
  --json             print one JSON line per document: {input, status, id, version} or {input, error}
  -h, --help         show this help

exit status: 0 everything was taken in, 1 some inputs failed, 2 usage error.
`;

async function* expand(
  specs: readonly string[],
  stdin: NodeJS.ReadableStream,
  allow: readonly string[],
): AsyncIterable<InputItem> {
  for (const spec of specs) {
    for await (const result of readInputs(spec, { stdin, allow })) {
      const input = result.ok
        ? result.value.input
        : (/\[(?:GET )?([^\]]+)\]$/.exec(result.error.message)?.[1] ?? spec);
      yield { input, result };
    }
  }
}

async function subscribe(
  specs: readonly string[],
  store: Store,
  io: Io,
  allow: readonly string[],
): Promise<number> {
  for (const spec of specs) {
    if (isUrl(spec)) await store.addSource({ kind: "feed", url: spec });
    else {
      try {
        readFileSync(spec, "utf8");
        io.stderr.write(`subscribed to ${await subscribeOpml(store, spec)} feeds from ${spec}\n`);
      } catch (e) {
        io.stderr.write(`lede add: ${spec}: ${(e as Error).message}\n`);
        return EXIT.failed;
      }
    }
  }
  const ingester = new Ingester({ store });
  const poller = new Poller({ store, ingester, fetch: { allow: [...allow] } });
  let failed = 0;
  try {
    for (const r of await poller.pollDue()) {
      io.stderr.write(
        `${r.source}: ${r.status}${r.error ? ` (${r.error})` : `, ${r.newItems} new, ${r.stored} stored, ${r.failed} failed`}\n`,
      );
      if (r.status === "failed" || r.failed > 0) failed++;
    }
  } finally {
    await ingester.close();
  }
  return failed > 0 ? EXIT.failed : EXIT.ok;
}

export const command: Command = {
  name: "add",
  summary: "take in pages, feeds, OPML, sitemaps, WARC files, files, directories or stdin and store them",
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const p = parse(argv, {
      subscribe: { type: "boolean" },
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
    try {
      if (p.values.subscribe) return await subscribe(p.positionals, store, io, config.fetchAllow);
      const progress = progressLine(io.stderr, io.isTTY);
      const stories = new StoryKeeper(store);
      const summary = await ingest(expand(p.positionals, io.stdin, config.fetchAllow), {
        extract: published ? { published } : {},
        analyse: !p.values["no-analyse"],
        store,
        stories,
        concurrency: jobs,
        onItem: (o, s) => {
          if (!o.ok && o.error.code !== "listing") {
            if (io.isTTY) io.stderr.write("\r\x1b[K");
            io.stderr.write(`lede add: ${o.input}: ${o.error.stage}: ${o.error.code}: ${o.error.message}\n`);
          }
          progress(s);
          if (p.values.json) {
            io.stdout.write(
              `${JSON.stringify(o.ok ? { input: o.input, ...o.stored } : { input: o.input, error: o.error })}\n`,
            );
          }
        },
      });
      // Link what this run added (unless a running desk holds the link lease: then it links them).
      await stories
        .catchUp()
        .catch((e: Error) => io.stderr.write(`lede add: linking stories: ${e.message}\n`));
      await stories.close();
      if (io.isTTY) io.stderr.write("\r\x1b[K");
      io.stderr.write(summaryText(summary));
      return summary.failed > 0 ? EXIT.failed : EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
