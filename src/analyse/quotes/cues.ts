/**
 * The cue lexicon: words that introduce reported speech or thought. Two parts: a hand-curated list of speech
 * and object verbs (only forms that are verbs in almost every use; ambiguous nouns such as "report" appear
 * only in unambiguous verb forms), and the learned lexicon models/quotes/cues.json (PolNeAR train: words
 * that are part of an attribution cue in at least half of their occurrences, at least 5 times), whose extra
 * words count as object cues ("endorsed", "defended", "declined").
 */

import learned from "../../../models/quotes/cues.json" with { type: "json" };

/** Words the learned lexicon lists that are parts of multi-word cues or are no speech, not cues alone. */
const NOT_CUES = new Set([
  "according",
  "statement",
  "about",
  "also",
  "expected",
  "known",
  "seemed",
  "seems",
  "appears",
  "appeared",
  "in",
  "remarks",
  "estimates",
  "criticism",
  "comments",
  // Verbs PolNeAR annotates as attributions that are actions, not speech ("agreed to", "ordered").
  ...`continued nominated eager sounded angered complaints assumption ruled restricting impassioned
  outspoken wary unveiled persuaded convinced realized sided distanced projected titled named hoping
  expecting offered balked encouraged listed deemed approved appointed`.split(/\s+/),
]);

/** How a cue relates to its content. */
export type CueClass =
  /** Takes a clause or a quotation: said, told, warned, insisted. */
  | "speech"
  /** Takes an object that may hold a partial quotation: thanked, criticised, accused, praised. */
  | "object";

/** Verb forms of speech cues that take a clause or a quotation. */
const SPEECH = `say says said saying tell tells told telling add adds added adding insist insists insisted insisting
warn warns warned warning reiterate reiterates reiterated reiterating claim claimed claiming argue argues argued arguing
note notes noted noting explain explains explained explaining announce announces announced announcing declare declares
declared declaring stated stating write writes wrote writing tweet tweets tweeted tweeting ask asks asked asking
replied replies reply replying respond responds responded responding recall recalls recalled recalling acknowledge
acknowledges acknowledged acknowledging admit admits admitted admitting deny denies denied denying confirm confirms
confirmed confirming suggest suggests suggested suggesting predict predicts predicted predicting promise promises
promised promising pledge pledges pledged pledging vow vows vowed vowing urge urges urged urging reported reporting
concede concedes conceded conceding contend contends contended contending assert asserts asserted asserting allege
alleges alleged alleging complain complains complained complaining boast boasts boasted boasting joke jokes joked joking
quipped remark remarks remarked observed stressed stresses stressing emphasised emphasized emphasises emphasizes
maintained maintains insists believes believed think thinks thought hope hopes hoped fear fears feared
wonder wonders wondered estimate estimates estimated indicated indicates concluded concludes conclude
revealed reveals disclosed assured assures reminded reminds informed informs testified testifies recounted
speculated mused cautioned cautions countered counters retorted interjected
explain explained posted wrote shouted yelled chanted whispered replied answered pointed
signaled signalled hinted hints hint implied implies clarified clarifies showed shows show found finds
`;

/** Verb forms of cues that take an object (a person, a proposal) and often a partial quotation. */
const OBJECT = `accuse accuses accused accusing criticise criticises criticised criticising criticize criticizes
criticized criticizing thank thanks thanked thanking praise praises praised praising blame blames blamed blaming
described describes describing describe called calls calling labelled labeled dubbed branded attributed attributes
condemn condemns condemned condemning denounce denounces denounced denouncing slammed slams blasted blasts decried
decries dismissed dismisses rejected rejects questioned defended defends mocked ridiculed lambasted rebuked
hailed welcomed applauded cited cites citing referred referring likened compared characterised characterized
`;

/** Learned cues are used when at least this share of their occurrences in PolNeAR train are cues... */
export const LEARNED_MIN_RATE = 0.5;
/** ...and they were cues at least this many times. */
export const LEARNED_MIN_COUNT = 5;

/** The hand-curated cue words (speech and object verbs), which the learned lexicon never prunes. */
export const HAND_CUES: ReadonlySet<string> = new Set(`${SPEECH} ${OBJECT}`.split(/\s+/).filter(Boolean));

/** Lower-cased word → cue class. */
export const CUES: ReadonlyMap<string, CueClass> = (() => {
  const m = new Map<string, CueClass>();
  const model = learned as unknown as { words: Record<string, [number, number]>; pruned?: string[] };
  const pruned = new Set(model.pruned ?? []);
  for (const [w, [c, t]] of Object.entries(model.words)) {
    // Adverbs ("reportedly", "repeatedly") belong to a cue but are none alone.
    const ok = /^\p{L}+$/u.test(w) && !w.endsWith("ly") && !NOT_CUES.has(w) && !pruned.has(w);
    if (c >= LEARNED_MIN_COUNT && c / t >= LEARNED_MIN_RATE && ok) m.set(w, "object");
  }
  for (const w of OBJECT.split(/\s+/)) if (w) m.set(w, "object");
  for (const w of SPEECH.split(/\s+/)) if (w) m.set(w, "speech");
  return m;
})();

/** Cues that are strong enough to stand with a quotation alone, even with no subject nearby. */
export const CORE_CUES: ReadonlySet<string> = new Set(
  "say says said saying tell tells told telling add adds added adding wrote writes tweeted asked insisted warned".split(
    " ",
  ),
);

/** Participles that attach to the main clause's subject: "..., saying X", "..., adding that Y". */
export const PARTICIPLES: ReadonlySet<string> = new Set(
  `saying adding noting arguing warning insisting telling calling claiming writing explaining asking accusing citing
  describing referring suggesting stating declaring criticizing criticising blaming praising thanking insisting
  acknowledging admitting denying stressing urging vowing pledging promising tweeting recalling responding replying
  predicting complaining alleging asserting conceding contending reiterating announcing confirming`.split(
    /\s+/,
  ),
);

/** Cues after which an indirect object comes before the content: "told CNN that ...". */
export const TAKES_OBJECT: ReadonlySet<string> = new Set(
  "tell tells told telling warn warns warned warning assured assures reminded reminds informed informs asked asks ask urged urges urge promised promises".split(
    " ",
  ),
);

/** Words allowed between a source and its cue: "he also said", "Berg has repeatedly said". */
export const BETWEEN: ReadonlySet<string> = new Set(
  `also has have had later previously repeatedly once again then further has also had also
  would will could may might did does do reportedly publicly privately recently earlier again first
  initially separately still even already long never often frequently simply flatly quickly openly
  explicitly specifically clearly strongly bluntly angrily is are was were be can might must should shall now just
  basically not doesn't doesn’t don't don’t didn't didn’t isn't isn’t wasn't wasn’t won't won’t wouldn't
  wouldn’t can't can’t couldn't couldn’t hasn't hasn’t haven't haven’t hadn't hadn’t
  ’s 's ’re 're ’ve 've ’ll 'll ’d 'd ’m 'm`.split(/\s+/),
);

/** Pronouns that can be speakers. */
export const PRONOUNS: ReadonlySet<string> = new Set(
  "he she they it we i you who which this that".split(" "),
);

/** Title words stripped to get a speaker's name without an entity model ("French President Paul Renard"). */
export const TITLES: ReadonlySet<string> = new Set(
  `president vice prime minister secretary sen senator rep representative gov governor mayor dr mr mrs ms miss
  sir lord lady chancellor chairman chairwoman chair ceo chief judge justice gen general col lt adm admiral
  ambassador envoy special spokesman spokeswoman spokesperson leader speaker king queen prince princess pope
  foreign defence defense interior finance state deputy former us u.s. uk russian french german chinese
  british american ukrainian israeli iranian indian democratic republican candidate nominee attorney
  commissioner director professor prof sgt officer captain capt rev father bishop minister's premier
  congressman congresswoman councillor councilman assemblyman the a an`.split(/\s+/),
);
