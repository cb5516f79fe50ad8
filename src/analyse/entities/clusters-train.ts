/** Word clusters: placeholder until the clustering lands. */
import type { TaggedDoc } from "./conll.ts";

export function collectUnlabelled(
  _data: string,
  _a: readonly TaggedDoc[],
  _b: readonly TaggedDoc[],
): string[][] {
  return [];
}
export function buildClusters(
  _s: string[][],
  _o: { log: (m: string) => void; small: boolean },
): Map<string, string> {
  return new Map();
}
