/**
 * The "said-baseline" peer for evaluation: the simplest rule, X said Y. For each "said"/"says" outside
 * quotation marks, the source is the word run before it back to a comma or sentence start, and the content is
 * the rest of the sentence after it (or, for "..., X said.", the sentence before the comma).
 */
import type { Quote, TextSpan } from "../../core/index.ts";

const SENTENCE = /[^.!?\n]+[.!?]*/g;
const CUE = /\b(said|says)\b/g;

function ts(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

function trim(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /[\s,:"“”]/.test(text[s]!)) s++;
  while (e > s && /[\s,.!?:]/.test(text[e - 1]!)) e--;
  return [s, e];
}

/**
 * Find "X said Y" attributions.
 *
 * @param text - the article text
 * @returns one quote per "said"/"says"
 * @example saidBaseline("Officials said the road was closed.")[0]?.text // "the road was closed"
 */
export function saidBaseline(text: string): Quote[] {
  const out: Quote[] = [];
  for (const m of text.matchAll(SENTENCE)) {
    const sStart = m.index;
    const sent = m[0];
    for (const c of sent.matchAll(CUE)) {
      const cs = sStart + c.index;
      const ce = cs + c[0].length;
      const before = sent.slice(0, c.index);
      const comma = before.lastIndexOf(",");
      const [ss, se] = trim(text, sStart + comma + 1, cs);
      const [rs, re] = trim(text, ce, sStart + sent.length);
      let content: [number, number];
      if (re > rs) content = [rs, re];
      else if (comma > 0) content = trim(text, sStart, sStart + comma);
      else continue;
      if (content[1] <= content[0]) continue;
      out.push({
        kind: "indirect",
        ...ts(text, content[0], content[1]),
        cue: ts(text, cs, ce),
        speaker: se > ss ? ts(text, ss, se) : null,
        speakerEntity: null,
        speakerName: null,
      });
    }
  }
  return out;
}
