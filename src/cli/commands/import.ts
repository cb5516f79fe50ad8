import { constants, createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { createInterface } from "node:readline";
import { AnalysisSchema, ArticleSchema } from "../../core/index.ts";
import type { PutStatus } from "../../store/index.ts";
import { parse } from "../args.ts";
import { type Command, EXIT, type Io } from "../command.ts";
import { storeFromEnv } from "../open-store.ts";

const HELP = `usage: lede import FILE [options]

Store the articles of a JSON Lines file written by 'lede export' (FILE, or - for stdin) in the
configured store: PostgreSQL when LEDE_DATABASE_URL is set, else the SQLite file in LEDE_DATA_DIR.
Importing is idempotent: the same article twice is stored once, so an interrupted import can simply
be run again. Each line's latest version is imported (version history, failures, sources and tokens
stay behind); its analysis comes along when the export had --analysis.

Move a desk from SQLite to PostgreSQL:
  lede export --analysis > desk.jsonl
  LEDE_DATABASE_URL=postgres://... lede migrate
  LEDE_DATABASE_URL=postgres://... lede import desk.jsonl

options:
  --jobs N    articles stored at once (default 4)
  --json      print one JSON line per input line: {line, status, id, version} or {line, error}
  -h, --help  show this help

exit status: 0 every line was imported, 1 some lines were not (each named on stderr), 2 usage error.
`;

/** Fields `lede export` adds next to the article's own. */
const EXPORT_FIELDS = ["id", "source", "version", "analysis", "fetchedAt"] as const;
/** Longest line accepted, in characters. */
const MAX_LINE = 64 * 1024 * 1024;

export const command: Command = {
  name: "import",
  summary: "store the articles of a 'lede export' JSON Lines file (SQLite to PostgreSQL)",
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const p = parse(argv, { jobs: { type: "string" }, json: { type: "boolean" } });
    if (!p.ok) {
      io.stderr.write(`lede import: ${p.message}\n\n${HELP}`);
      return EXIT.usage;
    }
    if (p.values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (p.positionals.length !== 1) {
      io.stderr.write(`lede import: give one FILE (or -)\n\n${HELP}`);
      return EXIT.usage;
    }
    const jobs = Number(p.values.jobs ?? 4);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
      io.stderr.write("lede import: --jobs must be a whole number from 1 to 64\n");
      return EXIT.usage;
    }
    const file = p.positionals[0]!;
    if (file !== "-") {
      try {
        await access(file, constants.R_OK);
      } catch (e) {
        io.stderr.write(`lede import: cannot read ${file}: ${(e as Error).message}\n`);
        return EXIT.failed;
      }
    }
    const input = file === "-" ? io.stdin : createReadStream(file, { encoding: "utf8" });
    const { store } = await storeFromEnv(io.env);
    const counts: Record<PutStatus | "failed", number> = { added: 0, updated: 0, unchanged: 0, failed: 0 };
    const fail = (line: number, message: string) => {
      counts.failed++;
      io.stderr.write(`lede import: line ${line}: ${message}\n`);
      if (p.values.json) io.stdout.write(`${JSON.stringify({ line, error: message })}\n`);
    };
    const importLine = async (n: number, text: string) => {
      let value: Record<string, unknown>;
      try {
        if (text.length > MAX_LINE) throw new Error("line too long");
        value = JSON.parse(text) as Record<string, unknown>;
        if (typeof value !== "object" || value === null || Array.isArray(value))
          throw new Error("not a JSON object");
      } catch (e) {
        fail(n, `bad JSON: ${(e as Error).message}`);
        return;
      }
      const rest = { ...value };
      for (const k of EXPORT_FIELDS) delete rest[k];
      const article = ArticleSchema.safeParse(rest);
      if (!article.success) {
        fail(n, `not an exported article: ${article.error.issues[0]?.message ?? "invalid"}`);
        return;
      }
      const analysis = value.analysis == null ? null : AnalysisSchema.safeParse(value.analysis);
      if (analysis && !analysis.success) {
        fail(n, `bad analysis: ${analysis.error.issues[0]?.message ?? "invalid"}`);
        return;
      }
      try {
        const stored = await store.putArticle({
          article: article.data,
          analysis: analysis ? analysis.data : null,
          source: typeof value.source === "string" ? value.source : null,
          fetchedAt: typeof value.fetchedAt === "string" ? value.fetchedAt : new Date().toISOString(),
        });
        counts[stored.status]++;
        if (p.values.json) io.stdout.write(`${JSON.stringify({ line: n, ...stored })}\n`);
      } catch (e) {
        fail(n, `store: ${(e as Error).message}`);
      }
    };
    try {
      const running = new Set<Promise<void>>();
      let n = 0;
      for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
        n++;
        if (line.trim() === "") continue;
        const job = importLine(n, line).finally(() => running.delete(job));
        running.add(job);
        if (running.size >= jobs) await Promise.race(running);
      }
      await Promise.all(running);
      io.stderr.write(
        `lede import: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed\n`,
      );
      return counts.failed > 0 ? EXIT.failed : EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
