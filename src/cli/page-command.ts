import { loadConfig } from "../core/index.ts";
import { ingest } from "../pipeline/ingest.ts";
import { isIsoDate, parse } from "./args.ts";
import { analyseBrief, extractBrief } from "./brief.ts";
import { type Command, EXIT, type Io } from "./command.ts";
import { documentsFor } from "./inputs.ts";

const FLAGS = {
  json: { type: "boolean" },
  url: { type: "string" },
  published: { type: "string" },
  text: { type: "boolean" },
  timeout: { type: "string" },
} as const;

function help(name: "extract" | "analyse"): string {
  const what =
    name === "extract"
      ? "Extract the article (title, authors, dates, language, text, blocks, related rails) from pages."
      : "Extract and analyse pages: sentences, entities, quotes, times, counts, events, deadlines, claims.";
  return `usage: lede ${name} FILE|URL|- ... [options]

${what}
HTML is recognised by content; anything else is a text page. A .gz file is decompressed; - reads stdin.
A URL is fetched (with the SSRF guard and size limits), with up to 4 further pages when the
page declares them (<link rel="next">, a paginated article); nothing is stored.

options:
  --json              print JSON Lines (one object per input, in input order; see CONTRACT.md)
  --url URL           the page's address (for metadata and relative links; nothing is fetched)
  --published DATE    the publication date (ISO 8601) when the page has none, or to override it${
    name === "analyse"
      ? "; time\n                      expressions are resolved against it\n  --text              the input is already the article's text: nothing is extracted"
      : ""
  }
  --timeout MS        time limit per input (default 30000)
  -h, --help          show this help

exit status: 0 all inputs ok, 1 some inputs failed (each reported, the others go on), 2 usage error.
`;
}

/** `lede extract` and `lede analyse` share everything but the analysis. */
export function makeCommand(name: "extract" | "analyse"): Command {
  return {
    name,
    summary:
      name === "extract"
        ? "extract the article from pages (HTML or saved text)"
        : "extract and analyse pages: who, who said what, when, how many, what is due",
    help: help(name),
    async run(argv: readonly string[], io: Io): Promise<number> {
      const p = parse(argv, FLAGS);
      if (!p.ok) {
        io.stderr.write(`lede ${name}: ${p.message}\n\n${help(name)}`);
        return EXIT.usage;
      }
      const v = p.values;
      if (v.help) {
        io.stdout.write(help(name));
        return EXIT.ok;
      }
      if (p.positionals.length === 0) {
        io.stderr.write(`lede ${name}: no input given\n\n${help(name)}`);
        return EXIT.usage;
      }
      const published = v.published as string | undefined;
      if (published !== undefined && !isIsoDate(published)) {
        io.stderr.write(
          `lede ${name}: --published must be an ISO 8601 date such as 2025-09-01, not "${published}"\n`,
        );
        return EXIT.usage;
      }
      if (name === "extract" && v.text) {
        io.stderr.write("lede extract: --text is an option of analyse only\n");
        return EXIT.usage;
      }
      const timeout = v.timeout === undefined ? undefined : Number(v.timeout);
      if (timeout !== undefined && !(timeout > 0)) {
        io.stderr.write("lede extract: --timeout must be a positive number of milliseconds\n");
        return EXIT.usage;
      }
      const config = loadConfig(io.env);
      const json = Boolean(v.json);
      const summary = await ingest(documentsFor(p.positionals, io.stdin, config), {
        extract: {
          ...(v.url ? { url: v.url as string } : {}),
          ...(published ? { published } : {}),
          ...(v.text ? { textOnly: true } : {}),
        },
        analyse: name === "analyse",
        ...(timeout ? { timeoutMs: timeout } : {}),
        onItem: (o) => {
          if (!o.ok) {
            if (json) io.stdout.write(`${JSON.stringify({ input: o.input, error: o.error })}\n`);
            io.stderr.write(`lede ${name}: ${o.error.stage}: ${o.error.code}: ${o.error.message}\n`);
            return;
          }
          const { article, analysis } = o.output;
          if (json) {
            const line =
              name === "extract" ? { input: o.input, ...article } : { input: o.input, article, ...analysis };
            io.stdout.write(`${JSON.stringify(line)}\n`);
          } else {
            io.stdout.write(
              analysis ? analyseBrief(o.input, article, analysis) : extractBrief(o.input, article),
            );
          }
        },
      });
      return summary.failed > 0 ? EXIT.failed : EXIT.ok;
    },
  };
}
