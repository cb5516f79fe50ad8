/**
 * Which way an underspecified date points ("Monday", "April"): by the nearest tense cue in its sentence.
 * "faced a Monday deadline" → future; "met on Monday" → past.
 */

export type Direction = "past" | "future" | "neutral";

const FUTURE =
  /\b(?:will|won't|'ll|shall|going to|gonna|plans? to|planned|planning|expected|expects? to|scheduled|slated|set to|due|deadlines?|ultimatum|expires?|expiring|runs out|next|upcoming|coming|is to|are to|as soon as|as early as|until|till|ahead|hopes? to|intends? to|aims? to|vote on|to meet)\b/gi;

const PAST =
  /\b(?:said|told|was|were|had|did|has been|have been|met|went|came|began|took|gave|made|held|left|fell|rose|saw|won|lost|hit|led|sent|spoke|wrote|found|got|struck|shot|killed|died|announced|reported|arrested|fired|launched|occurred|happened|ago|last|earlier|since|previously|brought|bought|sold|paid|kept|became|ran|stood|chose|drew|drove|grew|knew|meant|taught|caught|built|spent|sought|broke|thought|felt|fought|wore|flew|threw)\b|\b\w+ed\b/gi;

/** Just before a participle that is not a past tense. */
const PASSIVE = /\b(?:be|is|are|being|to|will|'s|'re)\s+$/i;

/** Weight of a cue at a distance: cues right next to the expression matter most. */
function weight(distance: number, between: string): number {
  const w = 1 / (1 + distance / 8);
  return /[,;:()]|\bthat\b|\bwho\b|\bwhich\b/.test(between) ? w * 0.3 : w;
}

/**
 * The direction of the expression at [start, end) inside the context [from, to) of `text`.
 *
 * @param text the whole text
 * @param start where the expression starts
 * @param end where the expression ends
 * @param from the start of its sentence
 * @param to the end of its sentence
 * @returns "future", "past" or "neutral"
 * @example direction("They faced a Monday deadline.", 13, 19, 0, 29) // "future"
 */
export function direction(text: string, start: number, end: number, from: number, to: number): Direction {
  const ctx = text.slice(from, to);
  let future = 0;
  let past = 0;
  const gap = (i: number, len: number): string => {
    const a = from + i;
    return a + len <= start ? text.slice(a + len, start) : text.slice(end, a);
  };
  const dist = (i: number, len: number): number => {
    const a = from + i;
    const b = a + len;
    if (b <= start) return start - b;
    if (a >= end) return a - end;
    return Number.POSITIVE_INFINITY; // inside the expression itself
  };
  for (const m of ctx.matchAll(FUTURE)) {
    const d = dist(m.index, m[0].length);
    if (Number.isFinite(d))
      future +=
        weight(d, gap(m.index, m[0].length)) * (d <= 20 && /deadline|ultimatum|expir/i.test(m[0]) ? 3 : 1);
  }
  for (const m of ctx.matchAll(PAST)) {
    const d = dist(m.index, m[0].length);
    if (!Number.isFinite(d)) continue;
    // a participle after a form of "be" or "to" is passive or infinitive, not a past tense: "will be named", "is expected"
    if (/ed$/i.test(m[0]) && PASSIVE.test(ctx.slice(Math.max(0, m.index - 12), m.index))) continue;
    // "scheduled", "planned", "expected" look back but point ahead
    if (/^(?:scheduled|expected|slated)$/i.test(m[0])) continue;
    // "'... leave at 4 a.m. Thursday,' Castro said": the attribution's tense is not the quote's
    if (
      from + m.index >= end &&
      /^(?:said|told|says)$/i.test(m[0]) &&
      /["”']/.test(text.slice(end, from + m.index))
    )
      continue;
    past += weight(d, gap(m.index, m[0].length));
  }
  // "by March", "no later than Friday": a target date ahead
  if (
    /\b(?:by|no later than)\s+(?:the\s+)?(?:end\s+of\s+)?$/i.test(
      text.slice(Math.max(from, start - 24), start),
    )
  )
    future += 1;
  if (future === 0 && past === 0) return "neutral";
  if (future > past * 1.1) return "future";
  if (past > future) return "past";
  return "neutral";
}
