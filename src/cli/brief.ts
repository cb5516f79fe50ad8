/**
 * The readable output of `lede extract` and `lede analyse`: a brief a person reads in a terminal.
 */
import type { Analysis, Article, Entity } from "../core/index.ts";

const WIDTH = 100;

function clip(s: string, n = WIDTH): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

function section(title: string, lines: readonly string[]): string {
  return `\n${title}\n${lines.length > 0 ? lines.map((l) => `  ${l}`).join("\n") : "  (none found)"}`;
}

/** The header lines: title, source, date, authors. */
export function articleHeader(input: string, a: Article): string {
  const lines = [
    `# ${a.title ?? "(no title)"}`,
    `source: ${a.siteName ?? a.url ?? input}`,
    `published: ${a.published ?? "unknown"}${a.modified ? ` (modified ${a.modified})` : ""}`,
  ];
  if (a.authors.length > 0) lines.push(`by: ${a.authors.join(", ")}`);
  if (a.language) lines.push(`language: ${a.language}`);
  return lines.join("\n");
}

/** The brief of an extraction: header, then the text, then the rail items taken out. */
export function extractBrief(input: string, a: Article): string {
  const words = a.text.split(/\s+/).filter(Boolean).length;
  let out = `${articleHeader(input, a)}\nwords: ${words}, blocks: ${a.blocks.length}\n\n${a.text}\n`;
  if (a.related.length > 0) {
    out += section(
      "Related (taken out of the body)",
      a.related.map((r) => `${r.title}${r.age ? ` (${r.age})` : ""}`),
    );
    out += "\n";
  }
  return out;
}

function entityName(entities: readonly Entity[], id: string | null): string | null {
  return id ? (entities.find((e) => e.id === id)?.name ?? null) : null;
}

/** The brief of an analysis: who, who said what, when, how many, what is due, what was claimed. */
export function analyseBrief(input: string, a: Article, x: Analysis): string {
  const byType = (t: Entity["type"]) => x.entities.filter((e) => e.type === t);
  const ent = (list: readonly Entity[]) =>
    list.map(
      (e) => `${e.name}${e.titles.length > 0 ? ` (${e.titles.join("; ")})` : ""} ×${e.mentions.length}`,
    );
  const parts = [
    articleHeader(input, a),
    `reference date: ${x.reference ?? "none"}; ${x.sentences.length} sentences, ${a.text.split(/\s+/).filter(Boolean).length} words`,
    `\n${clip(a.text, 300)}`,
    section("People", ent(byType("PERSON"))),
    section("Organisations", ent(byType("ORG"))),
    section("Places", ent(byType("LOC"))),
    section(
      "Who said what",
      x.quotes.map(
        (q) =>
          `${q.speakerName ?? q.speaker?.text ?? "?"} [${q.kind}${q.cue ? `, ${q.cue.text}` : ""}]: ${clip(q.text, 80)}`,
      ),
    ),
    section(
      "Times",
      x.times.map((t) => `${t.text} → ${t.value ?? "?"} (${t.type})`),
    ),
    section(
      "Counts",
      x.quantities.map((q) => `${q.text} → ${q.value ?? "?"}${q.counts ? ` ${q.counts}` : ""} (${q.role})`),
    ),
    section(
      "Events",
      x.events.map(
        (e) =>
          `${e.type}${e.date ? ` on ${e.date}` : ""}: ${clip(e.text, 80)}${e.killed != null ? `; killed ${e.killed}` : ""}`,
      ),
    ),
    section(
      "Deadlines",
      x.deadlines.map(
        (d) =>
          `${d.due ?? "?"}${d.window ? ` (${d.window.from}..${d.window.to})` : ""}: ${clip(d.text, 70)}${d.setter ? ` set by ${entityName(x.entities, d.setter)}` : ""}`,
      ),
    ),
    section(
      "Claims",
      x.claims.map(
        (c) =>
          `[${c.status}] ${entityName(x.entities, c.claimant) ?? "?"}: ${clip(c.text, 80)}${c.statusEvidence ? ` — "${c.statusEvidence.text}"` : ""}`,
      ),
    ),
  ];
  return `${parts.join("\n")}\n`;
}
