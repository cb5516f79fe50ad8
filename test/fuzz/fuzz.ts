/**
 * Shared pieces of the fuzz tests: seeds from ../shared/data, mutations, and the run count
 * (`FUZZ_RUNS`, small in `npm test`, large in `npm run fuzz`).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import fc from "fast-check";

export const SHARED = resolve(import.meta.dirname, "../../../shared/data");
/** Runs per property: FUZZ_RUNS, default 150 (CI); `npm run fuzz` sets many more. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/** A fixed seed unless FUZZ_SEED is set, so a failure in CI reproduces. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20251125);

/** Up to `max` files under a folder of the shared data whose names end with one of `ends` (gunzipped). */
export function seeds(dir: string, ends: readonly string[], max = 40): Uint8Array[] {
  const out: Uint8Array[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (out.length >= max) return;
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (ends.some((e) => name.endsWith(e)) && st.size < 2_000_000) {
        const b = readFileSync(p);
        try {
          out.push(name.endsWith(".gz") ? gunzipSync(b) : b);
        } catch {
          out.push(b);
        }
      }
    }
  };
  walk(join(SHARED, dir));
  return out;
}

const JUNK = [
  "<",
  ">",
  "&#",
  "&#x",
  "<![CDATA[",
  "]]>",
  "<!--",
  "\u0000",
  "\uFEFF",
  "<script>",
  "</div>",
  '"',
  "&amp;",
  "<?xml",
  "\r\n",
  "<p>",
  "</p>",
  '<a href="javascript:x">',
  "\uD800",
  "WARC/1.0\r\n",
  "Content-Length: 99999999\r\n",
];

/** Bytes derived from a seed: spliced with junk or markup, bytes flipped, cut short. */
export function mutated(seedList: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const junk = fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constantFrom(...JUNK));
  return fc
    .tuple(
      fc.integer({ min: 0, max: Math.max(0, seedList.length - 1) }),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), junk), { maxLength: 8 }),
      fc.nat(),
    )
    .map(([i, edits, cut]) => {
      let b = Buffer.from(seedList[i] ?? new Uint8Array());
      for (const [at, op, j] of edits) {
        const pos = b.length === 0 ? 0 : at % b.length;
        const piece = Buffer.from(j as string | Uint8Array);
        if (op === 0) b = Buffer.concat([b.subarray(0, pos), piece, b.subarray(pos)]);
        else if (op === 1)
          b = Buffer.concat([b.subarray(0, pos), b.subarray(Math.min(b.length, pos + piece.length + 1))]);
        else if (op === 2 && b.length > 0) b[pos] = (b[pos]! ^ (at & 0xff)) & 0xff;
        else b = Buffer.concat([b.subarray(0, pos), piece]);
      }
      if (cut % 5 === 0 && b.length > 0) b = b.subarray(0, cut % b.length);
      return new Uint8Array(b);
    });
}

/** Property options every fuzz test uses. */
export const params = { numRuns: RUNS, seed: SEED, endOnFailure: true } as const;
