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
    re: /\b(?:ha(?:s|ve|d) yet to (?:confirm|verify|comment on)|ha(?:s|ve|d)(?: not|n[’']t)(?: yet)? (?:been )?(?:confirmed|verified)|(?:did|does|do|could|can|would)(?: not|n[’']t) (?:immediately |independently )?(?:confirm|verify)|could(?: not|n[’']t) be (?:independently |immediately )?(?:verified|confirmed)|(?:was|were|is|are)(?: not|n[’']t) (?:independently |immediately )?(?:verified|confirmed)|unable to (?:independently )?(?:verify|confirm)|(?:could|can|would|has|have|had|was|were|is|are)(?: not|n[’']t)(?: (?:yet|immediately|independently|be|been|yet|officially)){1,3} (?:verified|confirmed)|(?:declined|refused|declining|refusing|declines|refuses) to (?:confirm|verify|comment)|no way (?:to|of) (?:independently )?(?:verify|verifying|confirm|confirming)|remains? unconfirmed|not (?:been )?independently (?:verified|confirmed)|unverified|unconfirmed|without (?:providing |offering |giving )?(?:any )?evidence|(?:provided|offered|gave) no evidence|no (?:immediate |independent |official )?confirmation)\b/i,
  },
  {
    status: "denied",
    re: /\b(?:denied|denies|deny|denying|denial|rejected (?:the|this|that|those|these) (?:claim|report|allegation|account|assertion|accusation)s?|dismissed (?:the|this|that|those|these) (?:claim|report|allegation|account|assertion|accusation)s?|(?:called|branded|dubbed) (?:the|this|that|it|them|those) (?:\w+ ){0,3}(?:false|fake|untrue|baseless|lies?|nonsense|fabricat\w+)|(?:rejected|dismissed) (?:it |them |this |that )?as (?:\w+ )?(?:false|fake|untrue|baseless|nonsense|lies?|fabricat\w+|groundless|unfounded))\b/i,
  },
  {
    status: "disputed",
    re: /\b(?:disputed|disputes|dispute|contested|contests|contradict(?:s|ed)?|challenged (?:the|this|that) (?:claim|account|figure|report)|questioned (?:the|this|that) (?:claim|account|figure|report)|(?:challenged|questioned|rebutted|refuted) (?:the|this|that|these|those|its|their|his|her) (?:claim|account|figure|report|estimate|number|assessment|tally|version|timeline|statement|assertion)s?|(?:found|finds|saw|sees|there (?:is|was)) no evidence (?:for|of|to support|that)|disagreed|disagrees|disagree|at odds with|cast(?:ing)? doubt on|pushed back (?:on|against))\b/i,
  },
  {
    status: "confirmed",
    re: /\b(?:(?:later |since |subsequently |officially )?confirmed|confirms|verified|corroborated|acknowledged (?:the|this|that|it))\b/i,
  },
];

/** The patterns with the global flag, to walk past negated matches. */
const GLOBAL_PATTERNS: readonly StatusPattern[] = STATUS_PATTERNS.map((p) => ({
  status: p.status,
  re: new RegExp(p.re.source, "gi"),
}));

/** Words in a following sentence that refer back to a claim ("Oslo denied this.", "The report could not be ..."). */
export const BACK_REFERENCE =
  /\b(?:this|that|it|these|those|(?:the|its|their|his|her|this|that|these|those) (?:claims?|reports?|allegations?|accounts?|assertions?|figures?|statements?|accusations?|estimates?|numbers?|assessments?|tally|version|timeline|story|charges?))\b/i;

/** A negation right before a status cue ("did not deny it", "has never disputed"): the cue does not hold. */
const NEGATED = /\b(?:not|never|n[’']t)\s+(?:\w+\s+)?$/i;
/** "Neither the club nor the council has confirmed": a confirmation nobody gave. */
const NOBODY = /\b(?:neither|nobody|no one|none of)\b[^,;.]*$/i;

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
  for (const p of GLOBAL_PATTERNS) {
    const re = p.re;
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      // "did not deny it": a negated denial, dispute or confirmation is no status (the unconfirmed patterns
      // hold their own negations: "did not confirm").
      const before = slice.slice(Math.max(0, m.index - 60), m.index);
      let status = p.status;
      if (status === "confirmed" && (NEGATED.test(before.slice(-30)) || NOBODY.test(before)))
        status = "unconfirmed";
      else if (status !== "unconfirmed" && NEGATED.test(before.slice(-30))) continue;
      if (!best || from + m.index < best.start)
        best = { status, start: from + m.index, end: from + m.index + m[0].length };
      break;
    }
  }
  return best;
}
