/** Word classes and token tests shared by the attribution rules (sources, cues, contents). */
import type { Span } from "../../core/index.ts";
import type { Token } from "./tokens.ts";

/** Words that end a source phrase when scanning left from a cue. */
export const CLAUSE_WORDS = new Set(
  `that which because while although though if when whereas since after before as so than where whether
  to of for with by from on in at about into said says is was were are be been has have had did do does
  not never but and or what when where how why let having`.split(/\s+/),
);
/** Leading words stripped from a source phrase. */
export const LEADING = new Set(
  `but and so yet still meanwhile however also then now instead later earlier today yesterday tonight last this
  next on in at during monday tuesday wednesday thursday friday saturday sunday week month year morning afternoon
  evening night separately moreover indeed thus even`.split(/\s+/),
);
/** Heads of lower-case source phrases ("a campaign operative", "sources", "the poll"). */
export const SOURCE_HEADS = new Set(
  `source sources official officials spokesman spokeswoman spokesperson aide aides adviser advisers advisor
  advisors analyst analysts expert experts critic critics people voters supporters report reports study poll polls
  survey statement campaign police prosecutors authorities investigators witnesses residents lawyer lawyers attorney
  government ministry military president leader minister senator lawmakers lawmaker democrats republicans
  administration company spokesperson researchers scientists economists observers diplomats diplomat agency
  operative operatives person man woman official's group organization newspaper paper outlet network memo letter
  document documents data figures percent respondents members member team staff strategist strategists
  officer officers commander envoy candidate nominee`.split(/\s+/),
);
export const POSSESSIVES = new Set("his her their its my our your whose".split(" "));
export const DETERMINERS = new Set(
  "the a an another some many most several his her their its our one two three few other both these those".split(
    " ",
  ),
);
/** Prepositions that may open a phrase between a cue and its content ("said in a statement that"). */
export const PREPS = new Set("in on at during to with after before via through over from".split(" "));
/** Words that start a concessive or narrator's clause that ends indirect content. */
export const CONTENT_STOPS = new Set([
  "though",
  "although",
  "whereas",
  "while",
  "however",
  "who",
  "which",
  "but",
]);

export const MAX_SOURCE_TOKENS = 9;

export function isCap(t: Token | undefined): boolean {
  return t !== undefined && t.kind === "word" && /^[\p{Lu}\p{N}]/u.test(t.text);
}

export function isComma(t: Token | undefined): boolean {
  return t !== undefined && t.kind === "punct" && (t.text === "," || t.text === ":");
}

export function isDash(t: Token | undefined): boolean {
  return t !== undefined && t.kind === "punct" && (t.text === "—" || t.text === "–");
}

export function isEndPunct(t: Token | undefined): boolean {
  return t !== undefined && t.kind === "punct" && /[.!?;)]/.test(t.text);
}

/** Words that cannot be a speaker on their own. */
export const TIME_ONLY = new Set(
  `monday tuesday wednesday thursday friday saturday sunday today yesterday tonight january february march april
  may june july august september october november december week month year morning evening past time times
  moment`.split(/\s+/),
);

/** Punctuation that may stand inside a source phrase ("Reuters/Ipsos", "Johnson & Johnson", "U.S.-based"). */
export const SOURCE_PUNCT = new Set([".", "’", "'", "-", "/", "&"]);

/** The span of tokens [a, b) (b exclusive), or null when empty. */
export function spanOf(toks: readonly Token[], a: number, b: number): Span | null {
  if (b <= a) return null;
  return { start: toks[a]!.start, end: toks[b - 1]!.end };
}

/** Words ending in -ly that are no adverbs ("family", "rally", "ally"). */
const NOT_ADVERBS = new Set(
  `family ally rally italy july supply reply assembly monopoly anomaly butterfly belly bully jelly lily holly
  daily weekly monthly quarterly yearly early only fly apply comply imply multiply folly homily`.split(/\s+/),
);

/** Is this token an adverb in -ly ("repeatedly", "flatly"), which may stand between a source and its cue? */
export function isLyAdverb(t: Token | undefined): boolean {
  return t !== undefined && /^\p{Ll}{3,}ly$/u.test(t.text) && !NOT_ADVERBS.has(t.lower);
}
