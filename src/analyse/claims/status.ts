/**
 * Status cues: phrases in the text that say whether an attributed claim held up.
 * Each pattern names the status it shows; the first match after the claim (same sentence, or a following
 * sentence that refers back to it) decides.
 */
import type { ClaimStatus } from "../../core/index.ts";

export interface StatusPattern {
  readonly status: Exclude<ClaimStatus, "asserted">;
  readonly re: RegExp;
}

/** Ordered: the more specific phrases come first. All case-insensitive, matched on word boundaries. */
export const STATUS_PATTERNS: readonly StatusPattern[] = [
  {
    status: "unconfirmed",
    re: /\b(?:ha(?:s|ve|d) yet to (?:confirm|verify|comment on)|ha(?:s|ve|d)(?: not|n[’']t)(?: yet)? (?:been )?(?:confirmed|verified)|(?:did|does|do|could|can|would)(?: not|n[’']t) (?:immediately |independently )?(?:confirm|verify)|could(?: not|n[’']t) be (?:independently |immediately )?(?:verified|confirmed)|(?:was|were|is|are)(?: not|n[’']t) (?:independently |immediately )?(?:verified|confirmed)|unable to (?:independently )?(?:verify|confirm)|not (?:been )?independently (?:verified|confirmed)|unverified|unconfirmed|without (?:providing |offering |giving )?(?:any )?evidence|(?:provided|offered|gave) no evidence|no (?:immediate )?confirmation)\b/i,
  },
  {
    status: "denied",
    re: /\b(?:denied|denies|deny|denying|denial|rejected (?:the|this|that|those|these) (?:claim|report|allegation|account|assertion|accusation)s?|dismissed (?:the|this|that|those|these) (?:claim|report|allegation|account|assertion|accusation)s?|(?:called|branded|dubbed) (?:the|this|that|it|them|those) (?:\w+ ){0,3}(?:false|fake|untrue|baseless|lies?|nonsense|fabricat\w+))\b/i,
  },
  {
    status: "disputed",
    re: /\b(?:disputed|disputes|dispute|contested|contests|contradict(?:s|ed)?|challenged (?:the|this|that) (?:claim|account|figure|report)|questioned (?:the|this|that) (?:claim|account|figure|report)|at odds with|cast doubt on|pushed back on)\b/i,
  },
  {
    status: "confirmed",
    re: /\b(?:(?:later |since |subsequently |officially )?confirmed|confirms|verified|corroborated|acknowledged (?:the|this|that|it))\b/i,
  },
];

/** Words in a following sentence that refer back to a claim ("Oslo denied this.", "The report could not be ..."). */
export const BACK_REFERENCE =
  /\b(?:this|that|it|these|those|the (?:claim|claims|report|reports|allegation|allegations|account|assertion|figure|figures|statement|accusation|accusations))\b/i;

/**
 * Find the first status cue in `text` from `from` to `to`.
 *
 * @param text - the article text
 * @param from - where to start looking
 * @param to - where to stop
 * @returns the status and the cue's offsets, or null
 * @example findStatus("X, though Oslo has yet to confirm this.", 0, 40)?.status // "unconfirmed"
 */
export function findStatus(
  text: string,
  from: number,
  to: number,
): { status: StatusPattern["status"]; start: number; end: number } | null {
  const slice = text.slice(from, to);
  let best: { status: StatusPattern["status"]; start: number; end: number } | null = null;
  for (const p of STATUS_PATTERNS) {
    const m = p.re.exec(slice);
    if (m && (!best || from + m.index < best.start))
      best = { status: p.status, start: from + m.index, end: from + m.index + m[0].length };
  }
  return best;
}
