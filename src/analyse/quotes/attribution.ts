/** The attribution record the rules produce, before speaker resolution, and how one is added. */
import type { Span } from "../../core/index.ts";
import type { Token } from "./tokens.ts";

/** The content of an attribution whose quotation is in the next unit ("He said:" ¶ "..."). */
export const PENDING: Span = Object.freeze({ start: -1, end: -1 });

/** One attribution found in a unit, before speaker resolution. */
export interface Attribution {
  readonly kind: "direct" | "partial" | "indirect";
  readonly content: Span;
  readonly cue: Span | null;
  readonly source: Span | null;
  /**
   * The speaker phrase without its appositive, for resolution: `source` follows PolNeAR and keeps the
   * appositive ("Ada Berg, the mayor's spokeswoman,"), `head` is "Ada Berg". Absent when the same as `source`.
   */
  readonly head?: Span | null;
  /** Index of the unit it came from. */
  readonly unit: number;
}

/** Add an attribution; for indirect content, also each quotation inside it as a partial quote. */
export function push(
  out: Attribution[],
  toks: readonly Token[],
  content: Span,
  cue: Span,
  source: Span | null,
  unit: number,
  kind?: "direct",
  head?: Span | null,
): void {
  const h = head && source && (head.start !== source.start || head.end !== source.end) ? { head } : {};
  if (kind === "direct") {
    out.push({
      kind: "direct",
      content: { start: content.start, end: content.end },
      cue,
      source,
      unit,
      ...h,
    });
    return;
  }
  const quotes = toks.filter((t) => t.kind === "quote" && t.start >= content.start && t.end <= content.end);
  const whole = quotes.length === 1 && quotes[0]!.start === content.start && quotes[0]!.end === content.end;
  out.push({ kind: whole ? "direct" : "indirect", content, cue, source, unit, ...h });
  if (!whole)
    for (const q of quotes)
      out.push({ kind: "partial", content: { start: q.start, end: q.end }, cue, source, unit, ...h });
}
