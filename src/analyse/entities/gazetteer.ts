/**
 * Gazetteers: lower-cased names with the entity types they were seen with. Derived from training
 * data (never downloaded); matched longest-first over a sentence's tokens.
 */

/** Entity types in a fixed order; bit i of a gazetteer mask is TYPES[i]. */
export const TYPES = ["PER", "ORG", "LOC", "MISC"] as const;
export type NerType = (typeof TYPES)[number];

/** The longest name, in tokens, a gazetteer keeps. */
export const GAZ_MAX_TOKENS = 6;

/** A gazetteer: phrase (tokens lower-cased, joined by a space) → bit mask of types. */
export class Gazetteer {
  readonly names = new Map<string, number>();
  /** Every proper prefix (in words) of a name, built on first match, to stop early. */
  private prefixes: Set<string> | undefined;

  /** Add a name (its tokens) with a type. */
  add(tokens: readonly string[], type: string): void {
    const bit = TYPES.indexOf(type as NerType);
    if (bit < 0 || tokens.length === 0 || tokens.length > GAZ_MAX_TOKENS) return;
    const key = tokens.join(" ").toLowerCase();
    this.names.set(key, (this.names.get(key) ?? 0) | (1 << bit));
    this.prefixes = undefined;
  }

  /**
   * Match the sentence: for each token, features naming the type and the token's place in the
   * longest name that covers it (`U` alone, `B` first, `I` inside, `L` last).
   *
   * @param lower the sentence's tokens, lower-cased
   * @returns per token, strings such as `LOC:U`, `PER:B`
   */
  match(lower: readonly string[]): string[][] {
    const out: string[][] = lower.map(() => []);
    if (!this.prefixes) {
      this.prefixes = new Set();
      for (const name of this.names.keys()) {
        let at = name.indexOf(" ");
        while (at > 0) {
          this.prefixes.add(name.slice(0, at));
          at = name.indexOf(" ", at + 1);
        }
      }
    }
    const prefixes = this.prefixes;
    for (let i = 0; i < lower.length; i++) {
      let key = "";
      for (let n = 1; n <= GAZ_MAX_TOKENS && i + n <= lower.length; n++) {
        key = n === 1 ? lower[i]! : `${key} ${lower[i + n - 1]!}`;
        const mask = this.names.get(key);
        if (mask === undefined) {
          if (!prefixes.has(key)) break;
          continue;
        }
        for (let b = 0; b < TYPES.length; b++) {
          if ((mask & (1 << b)) === 0) continue;
          const t = TYPES[b]!;
          if (n === 1) out[i]!.push(`${t}:U`);
          else
            for (let k = 0; k < n; k++)
              out[i + k]!.push(`${t}:${k === 0 ? "B" : k === n - 1 ? "L" : "I"}${n > 2 ? "" : "2"}`);
        }
        if (!prefixes.has(key)) break;
      }
    }
    return out;
  }

  /** Serialise as lines `mask<TAB>name`, sorted, for a deterministic model file. */
  serialise(): string {
    return [...this.names.entries()]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([k, v]) => `${v}\t${k}`)
      .join("\n");
  }

  /** Parse what `serialise` wrote. */
  static parse(text: string): Gazetteer {
    const g = new Gazetteer();
    for (const line of text.split("\n")) {
      const tab = line.indexOf("\t");
      if (tab > 0) g.names.set(line.slice(tab + 1), Number(line.slice(0, tab)));
    }
    return g;
  }
}
