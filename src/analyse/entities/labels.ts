/**
 * BILOU labels (Ratinov and Roth 2009 found them better than BIO for this task), the transitions
 * they allow, and conversions to and from IOB2.
 */
import { TYPES } from "./gazetteer.ts";

/** Label ids: 0 is O; then B, I, L, U for each type in TYPES order. */
export const LABELS: readonly string[] = [
  "O",
  ...TYPES.flatMap((t) => ["B", "I", "L", "U"].map((p) => `${p}-${t}`)),
];
export const NUM_LABELS = LABELS.length;
const LABEL_ID = new Map(LABELS.map((l, i) => [l, i]));

/** The id of a label name. */
export function labelId(label: string): number {
  const id = LABEL_ID.get(label);
  if (id === undefined) throw new Error(`ner: unknown label ${label}`);
  return id;
}

/** Whether `to` may follow `from` (-1 is the sentence start). */
export function allowed(from: number, to: number): boolean {
  const f = from < 0 ? "O" : LABELS[from]!;
  const t = LABELS[to]!;
  const open = f.startsWith("B-") || f.startsWith("I-");
  if (open) return (t.startsWith("I-") || t.startsWith("L-")) && t.slice(2) === f.slice(2);
  return t === "O" || t.startsWith("B-") || t.startsWith("U-");
}

/** Whether a sentence may end on this label. */
export function canEnd(label: number): boolean {
  const l = LABELS[label]!;
  return l === "O" || l.startsWith("L-") || l.startsWith("U-");
}

/** IOB2 tags → BILOU label ids. */
export function fromIob2(tags: readonly string[]): number[] {
  return tags.map((tag, i) => {
    if (tag === "O") return 0;
    const type = tag.slice(2);
    const next = tags[i + 1] ?? "O";
    const continues = next === `I-${type}`;
    if (tag.startsWith("B-")) return labelId(`${continues ? "B" : "U"}-${type}`);
    return labelId(`${continues ? "I" : "L"}-${type}`);
  });
}

/** BILOU label ids → IOB2 tags. */
export function toIob2Tags(ids: readonly number[]): string[] {
  return ids.map((id) => {
    const l = LABELS[id]!;
    if (l === "O") return "O";
    const p = l[0]!;
    return `${p === "B" || p === "U" ? "B" : "I"}-${l.slice(2)}`;
  });
}
