/**
 * Consent prompts that embeds, comment forms and sign-up boxes leave inside an article ("By clicking
 * Accept, you agree to ...", "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden"):
 * what a reader is asked to agree to, not what the article says. Each cue is the wording of the
 * request itself, so an article about privacy or cookies keeps its sentences.
 */

const CUES: readonly RegExp[] = [
  // English: "By clicking/continuing/posting ..., you agree/consent to ..."
  /\bby (?:clicking|continuing|using|posting|submitting|signing up|subscribing|entering)\b.{0,120}\byou(?:'re| are)? (?:agree|accept|consent|confirm|acknowledge)/i,
  /\byou (?:agree|consent) to (?:the |our )?(?:use of cookies|storing of cookies|privacy policy|terms)/i,
  /\b(?:we|this (?:site|website)) uses? cookies\b/i,
  /\bstor(?:e|ing)(?: of)? cookies on your (?:device|browser|computer)/i,
  // German: embeds and external content
  /\bich bin damit einverstanden\b/i,
  /\bpersonenbezogene(?:n)? daten\b.{0,80}\b(?:übermittelt|drittplattform|drittanbieter)/i,
  /\beinwilligung\b.{0,80}\b(?:personenbezogen|übermittlung|drittanbieter|externe)/i,
  /\b(?:einen |ein )?externe[nr]? inhalt\b.{0,120}\b(?:anzeigen|angezeigt|klick)/i,
  /\bein klick für den datenschutz\b/i,
  /\bmehr dazu in unserer datenschutzerklärung\b/i,
  // French, Spanish, Italian, Dutch
  /\ben cliquant\b.{0,120}\bvous acceptez\b/i,
  /\bal hacer clic\b.{0,120}\bacept/i,
  /\bcliccando\b.{0,120}\baccett/i,
  /\bdoor (?:te )?klikken\b.{0,120}\b(?:ga je akkoord|accepteer)/i,
];

/** Longest block read as a prompt (a consent text is a sentence or two). */
const MAX_PROMPT = 400;
/** Words one of the cues needs: most blocks are passed over with this one test. */
const CONSENT_WORDS =
  /agree|accept|consent|confirm|acknowledge|cookie|einverstanden|daten|einwilligung|inhalt|klick|acceptez|acept|accett|akkoord|accepteer/i;
const DISCLOSURE_WORDS = /affiliate|commission|compensation|amazon associate/i;
const PAYWALL_WORDS = /subscri|member|reader-supported|abonn|reste/i;

/**
 * Whether a block is a consent prompt.
 *
 * @example isConsentPrompt("By clicking Accept, you agree to the storing of cookies on your device.") // true
 * @example isConsentPrompt("The regulator said the site stored cookies without asking.") // false
 */
export function isConsentPrompt(text: string): boolean {
  return text.length <= MAX_PROMPT && CONSENT_WORDS.test(text) && CUES.some((re) => re.test(text));
}

/**
 * Affiliate disclosures ("This post contains affiliate links", "If you buy through our links, we may
 * earn a commission"): what the page says about its links, not what the article says. An article
 * about affiliate marketing keeps its sentences: the cues are the page speaking of itself.
 */
const DISCLOSURE_CUES: readonly RegExp[] = [
  /\b(?:this|our|the) (?:post|article|page|site|website|story|stories|blog|guide|review|content)s? (?:may |might )?(?:contains?|includes?|uses?) (?:some )?affiliate links?\b/i,
  /\b(?:if|when) you (?:buy|purchase|click|shop|make a purchase|decide to (?:buy|purchase))\b.{0,100}\b(?:we|i|us)(?:'ll| may| might| will| could| can)? (?:earn|receive|get|make)s? (?:a |an )?(?:small |affiliate )?(?:commission|compensation)/i,
  /\b(?:we|i) (?:may |might |can )?(?:earn|receive|get) (?:a |an )?(?:small |affiliate )?commissions? (?:from|on|for|when|if)\b.{0,80}\b(?:links?|purchases?|buy)/i,
  /\b(?:is supported by|earns) commissions from\b/i,
  /\bas an amazon associate,? (?:we|i) earn\b/i,
];

/** Longest block read as a disclosure. */
const MAX_DISCLOSURE = 400;

/**
 * Whether a block is an affiliate disclosure.
 *
 * @example isAffiliateDisclosure("This post contains affiliate links. Read my full disclosure.") // true
 * @example isAffiliateDisclosure("Streamers earn a commission when viewers buy games via affiliate links.") // false
 */
export function isAffiliateDisclosure(text: string): boolean {
  return (
    text.length <= MAX_DISCLOSURE &&
    DISCLOSURE_WORDS.test(text) &&
    DISCLOSURE_CUES.some((re) => re.test(text))
  );
}

/**
 * Subscription notices set in an article ("This article is exclusive to subscribers", "Il vous reste
 * 57% de cet article à lire", "Become a paid subscriber to unlock this piece"): the page asking to be
 * paid, not the article.
 */
const PAYWALL_CUES: readonly RegExp[] = [
  /\b(?:this|the) (?:article|story|post|piece|content) is (?:exclusive|only available|reserved) (?:to|for)\b.{0,40}\b(?:subscribers?|members)\b/i,
  /\bbecome a (?:paid )?(?:subscriber|member)\b.{0,60}\b(?:unlock|read|access)\b/i,
  /\bis a reader-supported publication\b/i,
  /\bsubscribe (?:now |today )?to (?:continue|keep) reading\b/i,
  /\b(?:article |la suite est )?réservée? aux abonnés\b/i,
  /\bil vous reste \d/i,
  /^jetzt abonnieren\b/i,
  /\bnur für abonnenten\b/i,
];

/**
 * Whether a block is a subscription notice.
 *
 * @example isPaywallNotice("This article is exclusive to Daily+ subscribers") // true
 * @example isPaywallNotice("The service has 20 million subscribers.") // false
 */
export function isPaywallNotice(text: string): boolean {
  return text.length <= MAX_PROMPT && PAYWALL_WORDS.test(text) && PAYWALL_CUES.some((re) => re.test(text));
}
