import { createInterface } from "node:readline";
import { LedeError, LIMITS, LinkInputSchema, type LinkOutput } from "../../core/index.ts";
import { extractString } from "../../extract/index.ts";
import { StoryLinker } from "../../link/index.ts";
import { parse } from "../args.ts";
import { type Command, EXIT, type Io } from "../command.ts";

const HELP = `usage: lede link [--jsonl] < articles.jsonl

Group articles into stories and find copies, as a stream would: each article is assigned when it
arrives, seeing only the lines before it. Nothing is stored; run it again and it starts afresh.

input (stdin), JSON Lines, one article a line in arrival order:
  {"id": "a1", "text": "...", "title": "...", "published": "2016-10-03", "url": "..."}
  "html" may stand instead of "text" (the article is then extracted first); title, published and
  url may be absent. Blank lines are skipped.

output (stdout), one line per input line, in the same order:
  {"id": "a1", "story": "s1", "duplicateOf": null}
  Articles of the same developing story share "story"; "duplicateOf" names an earlier article whose
  text this one copies (exact, or near: excerpts, added boilerplate, a changed headline). When two
  stories merge later, the older id lives on; lines already printed are not rewritten.

A bad line (not JSON, not an article, no text, an id seen before, a page with no article, over
10 MB) prints
  {"line": 3, "id": "a3 or null", "error": {"stage": ..., "code": ..., "message": ...}}
and the others go on; the exit status is then 1.

options:
  --jsonl     JSON Lines in and out (the only format; accepted so scripts can say it)
  -h, --help  show this help
`;

/** One output line for an input line: an assignment or an error. */
type Line = LinkOutput | { line: number; id: string | null; error: ReturnType<LedeError["toJSON"]> };

/**
 * Link one input line.
 *
 * @param raw the line as read
 * @param n its 1-based line number
 * @param linker the linker holding the stream so far
 */
function linkLine(raw: string, n: number, linker: StoryLinker): Line {
  const fail = (id: string | null, code: "bad-input" | "too-large", message: string): Line => ({
    line: n,
    id,
    error: new LedeError("input", code, `${message} [line ${n}]`).toJSON(),
  });
  if (raw.length > LIMITS.maxInputBytes) return fail(null, "too-large", "line longer than the input limit");
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    return fail(null, "bad-input", `not JSON: ${(e as Error).message}`);
  }
  const parsed = LinkInputSchema.safeParse(json);
  if (!parsed.success) {
    const id = typeof (json as { id?: unknown })?.id === "string" ? (json as { id: string }).id : null;
    const issue = parsed.error.issues[0];
    return fail(
      id,
      "bad-input",
      `not an article: ${issue ? `${issue.path.join(".") || "line"}: ${issue.message}` : "invalid"}`,
    );
  }
  const a = parsed.data;
  if (linker.storyOf(a.id) !== undefined) return fail(a.id, "bad-input", `id already linked: ${a.id}`);
  let text = a.text;
  let title = a.title;
  let published = a.published;
  if (text === undefined) {
    if (a.html === undefined) return fail(a.id, "bad-input", 'needs "text" or "html"');
    const r = extractString(
      a.html,
      { ...(a.url ? { url: a.url } : {}), ...(a.published ? { published: a.published } : {}) },
      a.id,
    );
    if (!r.ok) return { line: n, id: a.id, error: r.error.toJSON() };
    text = r.value.text;
    title ??= r.value.title ?? undefined;
    published ??= r.value.published ?? undefined;
  }
  const out = linker.add({
    id: a.id,
    text,
    ...(title !== undefined ? { title } : {}),
    ...(published !== undefined ? { published } : {}),
    ...(a.url !== undefined ? { url: a.url } : {}),
  });
  return { id: a.id, story: out.story, duplicateOf: out.duplicateOf };
}

export const command: Command = {
  name: "link",
  summary: "group articles into stories and find copies (JSON Lines in and out)",
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const p = parse(argv, { jsonl: { type: "boolean" } });
    if (!p.ok || p.positionals.length > 0) {
      io.stderr.write(
        `lede link: ${p.ok ? "reads stdin and takes no file arguments" : p.message}\n\n${HELP}`,
      );
      return EXIT.usage;
    }
    if (p.values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const linker = new StoryLinker();
    let failed = false;
    let n = 0;
    for await (const raw of createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
      n++;
      if (raw.trim() === "") continue;
      const out = linkLine(raw.replace(/^\uFEFF/, ""), n, linker);
      if ("error" in out) failed = true;
      if (!io.stdout.write(`${JSON.stringify(out)}\n`)) await new Promise((r) => io.stdout.once("drain", r));
    }
    return failed ? EXIT.failed : EXIT.ok;
  },
};
