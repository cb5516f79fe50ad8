/**
 * Casualties stated without a counted quantity: "a man was shot and killed", "Gerald Roberson, 39, was found
 * shot dead", "two men were shot, one fatally". Counts are per sentence; the event takes the largest.
 */
import type { Quantity } from "../../core/index.ts";
import { parseNumber } from "../quantities/index.ts";

/** Killed and injured counts a sentence states (null when it says nothing). */
export interface Casualties {
  readonly killed: number | null;
  readonly injured: number | null;
  /** Victims told only as "were shot" ("Two men were shot"): the count may include the dead. */
  readonly shot?: number | null;
}

const PERSON =
  "(?:man|woman|men|women|teen|teenager|boy|girl|person|people|child|children|victim|victims|resident|student|officer|deputy|trooper|driver|passenger|motorist|clerk|customer|suspect|gunman|shooter|toddler|infant|baby|father|mother|son|daughter|brother|sister|husband|wife|friend|girlfriend|boyfriend|neighbor|neighbour|civilian|civilians|soldier|soldiers|worker|employee|guard|youth|juvenile|male|female|robber|intruder|homeowner|burglar|pedestrian|bystander|patron|rapper|occupant|inmate|cashier|owner|individual|firefighter|clerk|teacher|security\\s+guard|stepfather|stepmother|stepson|stepdaughter|cousin|uncle|aunt|nephew|niece|grandson|granddaughter|grandfather|grandmother|roommate|fiancee?|ex-girlfriend|ex-boyfriend|ex-wife|ex-husband|acquaintance|others?|\\d+-year-old)";

/** Words of an alternation matching with either case of their first letter. */
function either(alternation: string): string {
  return alternation
    .split("|")
    .map((w) => `[${w[0]!.toLowerCase()}${w[0]!.toUpperCase()}]${w.slice(1)}`)
    .join("|");
}

/** A singular or counted subject: "a 23-year-old man", "Chad Murray, 31,", "two men", "three others". */
const SUBJECT = new RegExp(
  `(?:\\b(${either("an?|one|another|two|three|four|five|six|seven|eight|nine|ten|both")}|\\d+(?!\\d|\\s+(?:calls?|about|from|for|at|in|on|to)\\b))\\s+(?:[\\w-]+\\s+){0,3}?${PERSON}\\b|\\b[A-Z][a-z]+(?:\\s+[A-Z][a-z'-]+)+,\\s+\\d{1,2},|\\b(?:[Hh]e|[Ss]he)\\b)`,
  "g",
);

const COUNT = either("an?|one|another|two|three|four|five");

/** Two subjects joined by "and" before their verb: "a woman and two men were", "Ellery and Pike were". */
const COORDINATED = new RegExp(
  `\\b(${COUNT})\\s+(?:[\\w-]+\\s+){0,3}?${PERSON}\\s+and\\s+(${COUNT})\\s+(?:[\\w-]+\\s+){0,3}?${PERSON}\\b(?=\\s+(?:were|have\\s+been|had\\s+been|are)\\b)|\\b[A-Z][a-z'-]+\\s+and\\s+[A-Z][a-z'-]+\\b(?=\\s+(?:were|have\\s+been|had\\s+been)\\b)`,
  "g",
);

/** The number a count word stands for ("a" and "another" are one). */
function countWord(word: string): number | null {
  return /^(?:an?|one|another)$/i.test(word) ? 1 : parseNumber(word);
}

const FATAL =
  /^[^.;]{0,50}?\b(?:was|were|is|are|has been|have been|had been)\s+(?:(?!not\b|never\b)\w+\s+){0,2}?(?:killed|fatally\s+(?:shot|wounded|stabbed|struck)|shot\s+(?:and\s+killed|dead|to\s+death)|found\s+(?:shot\s+)?dead|pronounced\s+dead|dead|slain|murdered)\b|^[^.;]{0,40}?\b(?:died|dies|was\s+killed)\b/i;
const HURT =
  /^[^.;]{0,50}?\b(?:was|were|is|are|has been|have been|had been)\s+(?:(?!not\b|never\b)\w+\s+){0,2}?(?:shot(?!\s+(?:up|into|through)\b|\s+at(?:\s*[,.;]|\s+(?:by|multiple|several|numerous|repeatedly|but|and|while|from|\w+\s+times)\b))|wounded|injured|hurt|struck|hit(?!\s+(?:by\s+(?:a|the)\s+(?:car|vehicle|truck|train)))|grazed|hospitali[sz]ed|recovering|(?:taken|transported|rushed|airlifted|flown)\s+to\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:hospital|medical\s+center|trauma\s+center)|in\s+(?:critical|serious|stable|fair|good)\s+condition)\b|^[^.;]{0,50}?\b(?:suffered|sustained|suffering(?:\s+from)?|with|have|has|had)\s+(?:[\w-]+\s+){0,4}?(?:gunshot\s+wounds?|injuries|wounds?|bullet\s+wounds?)\b|^[^.;]{0,30}?\b(?:was|were)\s+pistol[- ]?whipped\b|^\s+(?:shot|wounded)\s+(?:while|in|at|on|near|during|after|outside|inside)\b/i;

const OBJECT = new RegExp(
  `\\b(?:fatally\\s+shot|shot\\s+and\\s+killed|shot\\s+and\\s+(?:injured|wounded)|shot|shooting|wounded|wounding|killed|killing|shot\\s+dead|stabbed|stabbing|pistol[- ]?whipped|pistol[- ]?whipping|injured|injuring|shooting\\s+of)\\s+(${either("an?|one|two|three|four|five|another|his|her|their|the")})\\s+(?:[\\w-]+\\s+){0,3}?${PERSON}\\b`,
  "g",
);

/** Someone hurt told without a count: "taken to a hospital", "in stable condition", "minor injuries". */
const HOSPITAL =
  /\binjur(?:y|ies)\b[^.;]{0,30}?\b(?:not\s+)?(?:non-?)?life[- ]threatening|\bsent\s+(?:[\w-]+\s+){0,4}?to\s+(?:a|an|the)\s+(?:[\w-]+\s+)?hospital|\bsuffered\s+(?:a\s+|minor\s+)?(?:[\w-]+\s+)?(?:cuts?|lacerations?|graze)\b|\b(?:treated|treatment|recovering|transported|taken|rushed|driven|airlifted|flown)\b[^.;]{0,50}?\b(?:hospital|medical\s+center|trauma\s+(?:center|unit)|wounds?|injuries)\b|\b(?:minor|serious|critical|non-?life[- ]threatening)\s+injuries\b|\b(?:stable|critical|serious|fair)\s+condition\b|\bgunshot\s+victim\b|\binjuries\s+(?:were|are|was|is)\s+(?:not\s+)?(?:believed\s+to\s+be\s+)?(?:life[- ]threatening|minor|serious|critical)|\bwith\s+(?:[\w-]+\s+){0,3}?gunshot\s+wounds?\b|\bwalked\s+into\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,3}?(?:hospital|medical\s+center)/i;

/**
 * A hospital visit or a possible victim that is no wound: "taken to a medical center for a psychiatric evaluation",
 * "treated for a medical issue", "no gunshot victim has been reported", "someone may have been injured".
 */
const NOT_A_WOUND =
  /\b(?:psychiatric|mental[- ]health|evaluation|medical\s+(?:issue|condition|emergency|problem)|precaution(?:ary)?)\b|\bno\s+(?:gunshot\s+)?(?:victims?|injured)\b|\b(?:not|yet\s+to)\s+(?:\w+\s+){0,2}?(?:found|located|identified)\s+(?:a|any)\s+(?:\w+\s+)?victims?|\b(?:may|might|could)\s+have\s+been\s+(?:shot|hit|injured|wounded|struck)|\bpossible\s+(?:that\s+)?(?:a|an|the|someone)\b/i;

/** Victims counted over several incidents: "in separate shootings", "at different locations", "across the city". */
const SEPARATE =
  /\b(?:separate|unrelated|different|multiple|several|two|three|four)\s+(?:[\w-]+\s+)?(?:shootings|incidents|locations|attacks|scenes|crime\s+scenes|neighbou?rhoods)\b|\b(?:across|around|throughout)\s+(?:the\s+(?:city|county|region|state|area)|[A-Z][a-z]+)\b|\b(?:hours|miles|blocks|minutes)\s+apart\b/i;

/** "were shot" told without a survivor's word: "Two men were shot near the park". */
const SHOT_ONLY =
  /^(?![^.;]*\b(?:wounded|injured|hurt|hospitali[sz]ed|survived|condition|recovering|treated)\b)[^.;]{0,50}?\b(?:was|were|have\s+been|had\s+been)\s+(?:\w+\s+){0,2}?shot\b/i;

/**
 * Murder named as a charge or a past conviction, not a death in this telling: "attempted second-degree murder",
 * "assault with intent to murder", "convicted of murder ... in 2001", "tried to kill her son".
 */
const NOT_A_DEATH =
  /\b(?:attempted|attempt\s+to\s+commit|conspiracy\s+to\s+commit|solicitation\s+to\s+commit)\s+(?:(?:first|second|third|1st|2nd|3rd)[- ]degree\s+)?(?:murder|homicide)\b|\bintent\s+to\s+(?:murder|kill)\b|\b(?:tried|attempted|trying|attempting)\s+to\s+(?:murder|kill)\b|\bconvicted\s+(?:of|for)\s+(?:[\w-]+\s+){0,2}?(?:murder|killing)\b/gi;

/** A second person hurt, told after the first: "and another wounded", "injured another". */
const ANOTHER_HURT =
  /\b(?:injur(?:ed|ing)|wound(?:ed|ing)|hurt(?:ing)?)\s+(?:another|a\s+second|one\s+other)\b(?!\s+(?:shooting|incident|attack|case|time))|(?:\band|,)\s+(?:another|a\s+second(?!\s+(?:shooting|incident|time)))\s+(?:(?:man|woman|person|teen|boy|girl|victim)\s+)?(?:was\s+|is\s+)?(?:critically\s+|seriously\s+)?(?:wounded|injured|hurt|hospitali[sz]ed|taken\s+to|transported\s+to|rushed\s+to)\b/i;

/** A bullet that hit someone: "striking her in the leg", "shot him in the foot", "a round struck him in the groin". */
const HIT =
  /\b(?:shot|struck|striking|hit|hitting|grazed|grazing|wounded)\s+(?:him|her|them|the\s+(?:man|woman|victim|boy|girl|teen)|[A-Z][a-z]+)\s+(?:once\s+|twice\s+|several\s+times\s+|multiple\s+times\s+)?in\s+the\s+(?:(?:left|right|upper|lower)\s+)?(?:legs?|arms?|foot|feet|hands?|back|chest|head|face|neck|shoulders?|stomach|abdomen|groin|hip|thigh|buttocks?|torso|side|knee|ankle|wrist|jaw|eye|mouth|elbow|calf)\b/;

/** A death told without a victim count: "a fatal shooting", "the homicide", "found dead", "passed away". */
const DEATH_WORDS =
  /\b(?:fatal(?:ly)?|deadly)\s+(?:shooting|shot|wounded|stabbing)|\bhomicide\b|\bmurder(?:ed)?\b|\bshot\s+(?:to\s+death|dead)|\bdeath\s+of\s+(?:a|an|the)\b|\b(?:body|bodies)\s+(?:was\s+|were\s+)?(?:found|discovered)|\bfound\s+(?:dead|deceased)|\bturned\s+fatal|\bdied\b|\bpassed\s+away|\bpronounced\s+dead|\b(?:man|woman|teen|boy|girl|person)\s+killed\b/i;

const COUNT_WORDS = /^(a|an|one|another|he|she|his|her|their|the)$/i;

/** More victims than this in one sentence's subject is a phone number, an id or a "911 call", not a count. */
const MAX_SUBJECT = 500;

function subjectCount(match: RegExpExecArray): number {
  const word = match[1];
  if (!word) return 1; // a name with an age, or he/she
  if (COUNT_WORDS.test(word)) return 1;
  if (word.toLowerCase() === "both") return 2;
  if (/^\d+$/.test(word)) {
    const n = Number(word);
    // "911 calls about a male who had been shot", "call 410 ...": not the number of people
    if (n === 911 || n > MAX_SUBJECT || /^\s*\d+\s+(?:calls?|about|from|for|at|in|on|to)\b/i.test(match[0]))
      return 0;
    return n;
  }
  return parseNumber(word) ?? 1;
}

/**
 * Casualties in one sentence, from counted quantities (role killed/injured) and from victim phrases.
 *
 * @param sentence the sentence text
 * @param quantities the quantities inside the sentence (offsets relative to the article; only roles used)
 * @returns killed and injured, null where the sentence says nothing
 * @example sentenceCasualties("A man was shot and killed on Monday.", []) // { killed: 1, injured: null }
 */
export function sentenceCasualties(sentence: string, quantities: readonly Quantity[]): Casualties {
  let killed: number | null = null;
  let injured: number | null = null;
  let shot: number | null = null;
  for (const q of quantities) {
    if (q.value === null) continue;
    if (q.role === "killed") killed = Math.max(killed ?? 0, q.value);
    if (q.role === "injured") injured = Math.max(injured ?? 0, q.value);
  }
  const fromCounts = killed !== null || injured !== null;
  // the victim as object: "shot a man", "fatally shot two teens", "killed himself"
  for (const m of fromCounts ? [] : sentence.matchAll(OBJECT)) {
    const n = subjectCount(m as RegExpExecArray);
    if (n === 0) continue;
    if (/fatal|killed|killing|dead|death/i.test(m[0])) killed = Math.max(killed ?? 0, n);
    else injured = Math.max(injured ?? 0, n);
  }
  if (/\b(?:killed|shot\s+and\s+killed|fatally\s+shot)\s+(?:himself|herself)\b/i.test(sentence))
    killed = Math.max(killed ?? 0, 1);
  else if (/\b(?:shot|shoots|wounded)\s+(?:himself|herself|self)\b/i.test(sentence)) {
    if (/\b(?:died|dead|death|killed|fatal)/i.test(sentence)) killed = Math.max(killed ?? 0, 1);
    else injured = Math.max(injured ?? 0, 1);
  }
  const multiple = /\b(double|triple|quadruple)\s+shooting\b/i.exec(sentence);
  if (multiple && killed === null && injured === null) {
    injured = { double: 2, triple: 3, quadruple: 4 }[multiple[1]!.toLowerCase() as "double"];
  }
  if (
    !fromCounts &&
    /\b(?:found|left|sent)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:man|woman|teen|boy|girl|juvenile|person|victim)\s+(?:shot|with\s+(?:a\s+|multiple\s+)?gunshot|to\s+the\s+hospital)/i.test(
      sentence,
    )
  )
    injured = Math.max(injured ?? 0, 1);
  const left =
    /\b(?:left|leaving)\s+(two|three|four|five)\s+(?:[\w-]+\s+){0,2}?(?:men|women|people|teens|persons)\s+(?:with\s+(?:[\w-]+\s+)?(?:gunshot\s+)?wounds|wounded|injured)/i.exec(
      sentence,
    );
  if (!fromCounts && left) injured = Math.max(injured ?? 0, parseNumber(left[1]!) ?? 2);
  if (
    !fromCounts &&
    /\b(?:the|that)\s+(?:victim|man|woman|driver|teen|boy|girl|suspect)\s+(?:was\s+|later\s+)?(?:pronounced\s+dead|died|was\s+killed)\b/i.test(
      sentence,
    )
  )
    killed = Math.max(killed ?? 0, 1);
  const subjects: { n: number; rest: string }[] = [];
  for (const m of fromCounts ? [] : sentence.matchAll(SUBJECT))
    subjects.push({ n: subjectCount(m as RegExpExecArray), rest: sentence.slice(m.index + m[0].length) });
  // "a woman and two men were wounded", "Jon Ellery and Ann Pike were shot": the joined subjects together
  for (const m of fromCounts ? [] : sentence.matchAll(COORDINATED)) {
    const n = m[1] ? (countWord(m[1]) ?? 0) + (countWord(m[2]!) ?? 0) : 2;
    subjects.push({ n, rest: sentence.slice(m.index + m[0].length) });
  }
  for (const { n, rest: told } of subjects) {
    if (n === 0) continue;
    // "... opened fire on the man, who was later taken to a hospital": the relative clause tells of the man
    const rel = /^[^,]+?,\s*(?:who|whom|whose|which)\b/.exec(told);
    const own = rel ? told.slice(0, rel[0].lastIndexOf(",")) : told;
    // "an officer is recovering and another man is dead": the second verb has its own subject
    const joined = /\s(?:and|while|but)\s+(?:another|an?|the|his|her|their|one|two|three)\s/i.exec(own);
    const rest =
      joined && /\b(?:was|were|is|are|has|have|had)\b/i.test(own.slice(0, joined.index))
        ? own.slice(0, joined.index)
        : own;
    if (FATAL.test(rest)) {
      killed = Math.max(killed ?? 0, n);
      continue;
    }
    // "were rushed to a hospital, where they were pronounced dead"
    if (HURT.test(rest) && /^[^.;]{0,120}?\b(?:pronounced\s+dead|died|succumbed)\b/i.test(rest)) {
      killed = Math.max(killed ?? 0, n);
      continue;
    }
    if (HURT.test(rest)) {
      const fatally = /\b(one|two|three)\s+(?:of\s+(?:them|whom)\s+)?(?:fatally|died|was\s+killed)/i.exec(
        rest.slice(0, 80),
      );
      if (fatally) {
        const k = parseNumber(fatally[1]!) ?? 1;
        killed = Math.max(killed ?? 0, k);
        injured = Math.max(injured ?? 0, n - k);
      } else {
        injured = Math.max(injured ?? 0, n);
        if (SHOT_ONLY.test(rest)) shot = Math.max(shot ?? 0, n);
      }
    }
  }
  // "killed one person and seriously injured another", "one man was killed and another taken to a hospital"
  // (also after a count of the dead alone: "One man was killed and another wounded")
  if ((!fromCounts || injured === null) && ANOTHER_HURT.test(sentence)) {
    const base = killed !== null && killed >= 1 ? 0 : (injured ?? 0);
    injured = Math.max(injured ?? 0, base + 1);
  }
  if (
    killed === null &&
    injured === null &&
    !fromCounts &&
    !NOT_A_WOUND.test(sentence) &&
    (HOSPITAL.test(sentence) ||
      (HIT.test(sentence) &&
        /\b(?:shot|shots|fired|firing|bullets?|rounds?|gunfire|projectile)\b/i.test(sentence)))
  )
    injured = 1;
  if (killed === null && !fromCounts && DEATH_WORDS.test(sentence.replace(NOT_A_DEATH, " "))) killed = 1;
  // a tally over several incidents is no count of one: "Two people were injured in unrelated shootings"
  if (SEPARATE.test(sentence)) {
    if (killed !== null && killed > 1) killed = 1;
    if (injured !== null && injured > 1) injured = 1;
  }
  return shot !== null && shot === injured ? { killed, injured, shot } : { killed, injured };
}
