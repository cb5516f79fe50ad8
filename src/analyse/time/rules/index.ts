/**
 * The recognition rules: each a regular expression whose match becomes a candidate time expression with a
 * resolver. Spans follow TIMEX3 extent: no leading preposition; determiners and modifiers are kept.
 */
import { CLOCK_RULES } from "./clock.ts";
import { DATES_RULES } from "./dates.ts";
import { DURATIONS_RULES } from "./durations.ts";
import { PERIODS_RULES } from "./periods.ts";
import { RELATIVE_RULES } from "./relative.ts";
import type { Candidate, Rule } from "./shared.ts";

export type { Candidate } from "./shared.ts";

/** All rules, in the order ties are broken (earlier wins among equal spans and priorities). */
const RULES: readonly Rule[] = [
  ...DATES_RULES,
  ...RELATIVE_RULES,
  ...DURATIONS_RULES,
  ...PERIODS_RULES,
  ...CLOCK_RULES,
];

/**
 * Every candidate every rule proposes for `text`, unresolved and possibly overlapping.
 * @param text the text to scan
 */
export function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (const m of text.matchAll(rule.pattern)) {
      const c = rule.make(m as RegExpExecArray, text);
      if (!c || c.end <= c.start) continue;
      out.push({ priority: rule.priority ?? 0, ...c });
    }
  }
  return out;
}
