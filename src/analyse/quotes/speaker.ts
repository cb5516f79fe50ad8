/**
 * Speaker resolution: from a speaker span ("he", "the president's special envoy Omar Haddad",
 * "Russia") to the entity it names. Uses the entity model's mentions (names, titles, nominals, pronouns)
 * when present; otherwise the nearest preceding name for pronouns, and the span's own capitalised name.
 */
import type { Entity, Span } from "../../core/index.ts";
import { PRONOUNS, TITLES } from "./cues.ts";

/** Grammatical gender a text shows for a person ("Mrs. Clinton", "she said" after a quote of hers). */
export type Gender = "m" | "f";

/** Common first names, to tell "he" from "she" without an entity model. Short on purpose; unknown is fine. */
const FEMALE_FIRST = new Set(
  `hillary elizabeth kamala nancy michelle melania ivanka sarah susan mary maria anna anne jane karen lisa laura
  linda barbara patricia jennifer jessica emily emma olivia sophia angela theresa ursula kristen kirsten amy
  debbie deborah donna diane dianne heather julia katie kate kelly megyn nikki marine christine catherine
  margaret helen ruth rachel rebecca samantha stephanie valerie victoria wendy angelique ava amelize carly`.split(
    /\s+/,
  ),
);
const MALE_FIRST = new Set(
  `donald barack joe joseph bernie ted marco jeb john james robert michael william david richard thomas charles
  george paul mark steven steve kevin brian jim tim mike chris christopher mitch chuck bill vladimir emmanuel
  volodymyr xi narendra boris justin benjamin ben tony peter andrew daniel matthew jason eric scott gary frank
  harry jack lindsey rand newt rudy reince sean jeff larry ron rick dick al ken jared`.split(/\s+/),
);

/**
 * Collect the genders a text shows: honorifics ("Mr. Obama", "Mrs. Clinton") and known first names.
 *
 * @param text - the article text
 * @returns surname or full name (lower case) → gender
 */
export function textGenders(text: string): Map<string, Gender> {
  const out = new Map<string, Gender>();
  for (const m of text.matchAll(/\b(Mr|Mrs|Ms|Miss)\.? (\p{Lu}[\p{L}’'-]+)/gu)) {
    out.set(m[2]!.toLowerCase(), m[1] === "Mr" ? "m" : "f");
  }
  for (const m of text.matchAll(/\b(\p{Lu}\p{Ll}+) (?:\p{Lu}\.? )?(\p{Lu}[\p{L}’'-]+)/gu)) {
    const first = m[1]!.toLowerCase();
    const g: Gender | undefined = FEMALE_FIRST.has(first) ? "f" : MALE_FIRST.has(first) ? "m" : undefined;
    if (g && !out.has(m[2]!.toLowerCase())) out.set(m[2]!.toLowerCase(), g);
  }
  return out;
}

/** The gender recorded for a name: by its last word (surname) or its first name. */
export function genderOf(genders: ReadonlyMap<string, Gender>, name: string): Gender | undefined {
  const words = name.toLowerCase().split(/\s+/);
  const first = words[0] ?? "";
  return (
    genders.get(words[words.length - 1] ?? "") ??
    (FEMALE_FIRST.has(first) ? "f" : MALE_FIRST.has(first) ? "m" : undefined)
  );
}

export interface Resolved {
  readonly entity: string | null;
  readonly name: string | null;
}

/** A name seen earlier in the text, for resolving pronouns when there is no entity model. */
export interface NameSeen {
  readonly start: number;
  readonly name: string;
  readonly entity: string | null;
  readonly person: boolean;
  /** It names the speaker of a quote (not just a name in the text). */
  readonly speaker?: boolean;
}

/** First words of a nominal speaker phrase ("The Russian leader", "His spokesman"). */
const NOMINAL_OPENERS = new Set(["the", "a", "an", "this", "that", "his", "her", "its", "their", "our"]);

/** How far back (characters) a pronoun speaker looks for the previous quote's speaker. */
const RECENT_SPEAKER = 600;

const PERSON_PRONOUNS = new Set(["he", "she", "him", "her", "i", "who"]);
const GROUP_PRONOUNS = new Set(["it", "they", "we", "which"]);

/**
 * Resolve a speaker span.
 *
 * @param text - the article text
 * @param span - the speaker span
 * @param entities - entities from the entity model (may be empty)
 * @param seen - names found earlier in the text (speakers and capitalised runs), in text order
 * @returns the entity id (or null) and the canonical name (or null when unknown)
 */
export function resolveSpeaker(
  text: string,
  span: Span,
  entities: readonly Entity[],
  seen: readonly NameSeen[],
  gender: (name: string) => Gender | undefined = () => undefined,
): Resolved {
  const surface = text.slice(span.start, span.end);
  const lower = surface.toLowerCase();
  const want: Gender | undefined = lower === "he" ? "m" : lower === "she" ? "f" : undefined;
  /** The name does not contradict the pronoun's gender. */
  const fits = (name: string) => want === undefined || (gender(name) ?? want) === want;
  // 0. "he said" / "she added" that the entity model did not link: the most recent named speaker of a
  //    nearby quote (news style keeps the speaker of consecutive quotes).
  const linked = entities.some(
    (e) =>
      plausibleName(e.name) &&
      fits(e.name) &&
      e.mentions.some((m) => m.start === span.start && m.end === span.end),
  );
  if (PERSON_PRONOUNS.has(lower) && lower !== "who" && !linked) {
    for (let k = seen.length - 1; k >= 0; k--) {
      const s = seen[k]!;
      if (s.start >= span.start) continue;
      if (span.start - s.start > RECENT_SPEAKER) break;
      if (s.speaker && s.person && fits(s.name)) {
        // A person who opens a sentence after that quote is the new topic: "Trump responded ... He said".
        const topic = sentenceSubject(text, entities, seen, s.start, span.start, fits);
        return topic ?? { entity: s.entity, name: s.name };
      }
    }
  }
  // 1. An entity mention inside or overlapping the span.
  let best: { e: Entity; score: number } | null = null;
  for (const e of entities) {
    if (!plausibleName(e.name) || (!fits(e.name) && PRONOUNS.has(lower))) continue;
    for (const m of e.mentions) {
      const overlap = Math.min(m.end, span.end) - Math.max(m.start, span.start);
      if (overlap <= 0) continue;
      const kindBonus = m.kind === "name" ? 2 : m.kind === "title" ? 1 : 0;
      const typeBonus = e.type === "PERSON" ? 1 : e.type === "ORG" ? 0.5 : 0;
      const score = overlap * 10 + kindBonus + typeBonus + (m.end === span.end ? 3 : 0);
      if (!best || score > best.score) best = { e, score };
    }
  }
  if (best) return { entity: best.e.id, name: best.e.name };
  // 2. A pronoun: the nearest preceding entity mention or name of a fitting kind.
  if (PRONOUNS.has(lower)) {
    const wantPerson = PERSON_PRONOUNS.has(lower);
    // The person who opens a recent sentence (the topic) before a nearer name in another role: "Varga
    // admires Lindqvist, comparing him to Moreau. ... He said" → Varga.
    if (wantPerson && lower !== "who") {
      const topic = sentenceSubject(
        text,
        entities,
        seen,
        Math.max(-1, span.start - RECENT_SPEAKER),
        span.start,
        fits,
      );
      if (topic) return topic;
    }
    const wantGroup = GROUP_PRONOUNS.has(lower) && lower !== "they";
    let cand: { start: number; id: string | null; name: string } | null = null;
    for (const e of entities) {
      if (wantPerson && e.type !== "PERSON") continue;
      if (!fits(e.name)) continue;
      if (wantGroup && e.type === "PERSON") continue;
      for (const m of e.mentions) {
        if (m.end <= span.start && (!cand || m.start > cand.start) && m.kind !== "pronoun") {
          cand = { start: m.start, id: e.id, name: e.name };
        }
      }
    }
    if (cand) return { entity: cand.id, name: cand.name };
    for (let k = seen.length - 1; k >= 0; k--) {
      const s = seen[k]!;
      if (s.start >= span.start) continue;
      if ((wantPerson && !s.person) || !fits(s.name)) continue;
      if (wantGroup && s.person) continue;
      return { entity: s.entity, name: s.name };
    }
    return { entity: null, name: null };
  }
  // 3. A nominal or title without a mention ("the Russian leader"): the nearest preceding person whose
  //    titles share a word with it.
  const words = lower.split(/[^\p{L}]+/u).filter((w) => w.length > 2 && w !== "the");
  const first = lower.split(/\s+/)[0] ?? "";
  const nominal = /^\p{Ll}/u.test(surface) || (NOMINAL_OPENERS.has(first) && !/\s\p{Lu}/u.test(surface));
  if (nominal && words.length > 0) {
    const inst = institution(surface);
    // An institution is no person: its name from the text, or none.
    if (inst) return byInstitution(text, span, inst, entities) ?? { entity: null, name: null };
    let cand: { start: number; e: Entity } | null = null;
    for (const e of entities) {
      if (e.type !== "PERSON") continue;
      const titles = e.titles.join(" ").toLowerCase();
      if (!words.some((w) => titles.includes(w))) continue;
      for (const m of e.mentions)
        if (m.end <= span.start && (!cand || m.start > cand.start)) cand = { start: m.start, e };
    }
    if (cand) return { entity: cand.e.id, name: cand.e.name };
    return byRole(text, span, words[words.length - 1] ?? "", entities, seen);
  }
  // 4. No entity model: the capitalised name in the span without its titles.
  return { entity: null, name: nameOf(surface) };
}

/** Text before a position that shows a sentence or paragraph starts there. */
const SENTENCE_START = /(?:^|[.!?]["”’]?\s+|\n\s*)$/;

/**
 * The nearest person whose name opens a sentence in (from, to), fitting the pronoun's gender: the topic a
 * later "he"/"she" refers to rather than an earlier speaker.
 */
function sentenceSubject(
  text: string,
  entities: readonly Entity[],
  seen: readonly NameSeen[],
  from: number,
  to: number,
  fits: (name: string) => boolean,
): Resolved | null {
  let best: { at: number; r: Resolved } | null = null;
  const opens = (at: number) => SENTENCE_START.test(text.slice(Math.max(0, at - 4), at));
  for (const m of personMentions(entities)) {
    if (m.start <= from || m.end >= to || (best && m.start < best.at) || !fits(m.name)) continue;
    if (opens(m.start)) best = { at: m.start, r: { entity: m.id, name: m.name } };
  }
  // A surname the entity model missed, of a person named earlier: "Donald Trump ... Trump responded ...".
  const re = /\p{Lu}[\p{L}’'-]+(?: \p{Lu}[\p{L}’'-]+){0,2}(?= \p{Ll})/gu;
  const window = text.slice(from + 1, to);
  for (let m = re.exec(window); m; m = re.exec(window)) {
    const at = from + 1 + m.index;
    if ((best && at < best.at) || !opens(at) || /[’']s$/.test(m[0])) continue;
    const last = m[0].slice(m[0].lastIndexOf(" ") + 1);
    const person = [...seen]
      .reverse()
      .find((x) => x.person && x.start <= at && (x.name === m![0] || x.name.endsWith(` ${last}`)));
    if (person && fits(person.name)) best = { at, r: { entity: person.entity, name: person.name } };
  }
  return best?.r ?? null;
}

/** A name mention of a person entity. */
interface PersonMention {
  readonly start: number;
  readonly end: number;
  readonly id: string | null;
  readonly name: string;
}

/** How far back (characters) a role phrase looks for the person it names. */
const ROLE_LOOKBACK = 3000;

const personCache = new WeakMap<readonly Entity[], PersonMention[]>();

/** Name mentions of plausible person entities, in text order (computed once per entity list). */
function personMentions(entities: readonly Entity[]): PersonMention[] {
  let out = personCache.get(entities);
  if (!out) {
    out = [];
    for (const e of entities)
      if (e.type === "PERSON" && plausibleName(e.name))
        for (const m of e.mentions)
          if (m.kind === "name") out.push({ start: m.start, end: m.end, id: e.id, name: e.name });
    out.sort((a, b) => a.start - b.start);
    personCache.set(entities, out);
  }
  return out;
}

/** How far before a role phrase ("the coach said") its referent's name may be, in characters. */
const ROLE_WINDOW = 400;
/** How far around a name its role may be written ("Tomas Vidal, the coach of ..."), in characters. */
const ROLE_CONTEXT = 80;

/**
 * A definite role phrase ("the coach", "the former minister") whose word the entity model did not list as
 * a title: the nearest preceding person with that word written next to the name ("Tomas Vidal, the coach
 * of ..."; "Coach Tomas Vidal"); else, when the word is a title, the nearest preceding person within
 * ROLE_WINDOW characters (news style names a person before it calls them by role).
 */
/**
 * Nouns news style uses to refer back to a named person without a title ("the billionaire businessman",
 * "the former reality TV star"): resolved like titles, to the nearest person within ROLE_WINDOW.
 */
const EPITHETS = new Set(
  `businessman businesswoman tycoon mogul billionaire developer hopeful frontrunner front-runner contender
  challenger incumbent politician lawmaker host anchor moderator star actor actress singer rapper veteran
  newcomer outsider populist`.split(/\s+/),
);

function byRole(
  text: string,
  span: Span,
  head: string,
  entities: readonly Entity[],
  seen: readonly NameSeen[],
): Resolved {
  // Only a definite role phrase ("the coach", "the former minister") points back to a named person;
  // "a spokesman" or "officials" introduce someone new.
  const surface = text.slice(span.start, span.end).toLowerCase();
  if (!head || !/^(?:the|this|that)\s/.test(surface) || surface.split(/\s+/).length > 5)
    return { entity: null, name: null };
  const word = head.replace(/[^\p{L}-]/gu, "");
  // "Tomas Vidal, the coach of ..." (an appositive right after the name) or "Coach Tomas Vidal".
  const after = new RegExp(`^,\\s+(?:[^,.;:!?]*?\\s)?${word}\\b`, "iu");
  const before = new RegExp(`\\b${word}\\s+$`, "iu");
  const all = personMentions(entities);
  const people: PersonMention[] = [];
  // Newest first, back to ROLE_LOOKBACK characters (the list is in text order).
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && span.start - all[k]!.start <= ROLE_LOOKBACK; k--)
    if (all[k]!.end <= span.start) people.push(all[k]!);
  if (entities.length === 0)
    for (const s of seen)
      if (s.person && s.start < span.start && span.start - s.start <= ROLE_LOOKBACK && s.name.includes(" "))
        people.push({ start: s.start, end: s.start + s.name.length, id: s.entity, name: s.name });
  people.sort((a, b) => b.start - a.start);
  for (const p of people) {
    const right = text.slice(p.end, Math.min(span.start, p.end + ROLE_CONTEXT));
    if (after.test(right) || before.test(text.slice(Math.max(0, p.start - ROLE_CONTEXT), p.start)))
      return { entity: p.id, name: p.name };
  }
  const nearest = people[0];
  if (nearest && (TITLES.has(head) || EPITHETS.has(head)) && span.start - nearest.end <= ROLE_WINDOW)
    return { entity: nearest.id, name: nearest.name };
  return { entity: null, name: null };
}

/**
 * Nouns for an institution or a work that speaks ("the poll found", "the ministry said"), which news style
 * names once ("a Kestrel University poll", "the Ministry of Harbours") and then refers back to by the noun.
 */
const INSTITUTIONS = new Set(
  `poll survey study report newspaper paper magazine company firm ministry department agency campaign board
  committee commission network bureau council`.split(/\s+/),
);

/** How far before a definite institution noun its named mention may be, in characters. */
const INSTITUTION_LOOKBACK = 3000;

/** Lower-case words that may stand between a name and its noun ("Kestrel University national poll"). */
const MODIFIER =
  "(?:(?!(?:the|a|an|and|or|of|in|on|at|to|for|by|with|from|that|this|its|his|her|their)\\s)[\\p{Ll}-]{3,}\\s+){0,2}";
/** A capitalised name ("Wall Street Journal", "CNN/ORC", "Sanders’"). */
const CAP_RUN =
  "(?<![\\p{L}\\p{N}/.&-])\\p{Lu}[\\p{L}\\p{N}.&/-]*(?:\\s+(?:of\\s+)?\\p{Lu}[\\p{L}\\p{N}.&/-]*)*";
/** Capitalised words that open a sentence or a time phrase, not a name ("The", "Monday’s"). */
const NOT_NAME =
  /^(?:The|A|An|This|That|In|On|At|But|And|As|After|Before|Last|Next|Since|When|While|If|Its|His|Her|Their|Our|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Yesterday)$/;

const institutionCache = new Map<string, RegExp[]>();

/** Patterns of a named mention holding a noun: "NAME['s] [mods] noun" and "Noun of [the] NAME". */
function institutionPatterns(noun: string): RegExp[] {
  let out = institutionCache.get(noun);
  if (!out) {
    const cap = noun[0]!.toUpperCase() + noun.slice(1);
    out = [
      new RegExp(`(${CAP_RUN})(?:[’']s?)?\\s+${MODIFIER}(?:${noun}|${cap})\\b(?![’'-])`, "gu"),
      new RegExp(`\\b${cap}\\s+of\\s+(?:the\\s+)?(${CAP_RUN})`, "gu"),
    ];
    institutionCache.set(noun, out);
  }
  return out;
}

/** The institution noun a definite lower-case phrase ends in ("the new poll" → "poll"), or null. */
function institution(surface: string): string | null {
  const m = /^(?:the|this|that)\s+(?:[\p{Ll}’'-]+\s+){0,2}(\p{Ll}+)[,;:]?$/iu.exec(surface.trim());
  return m && INSTITUTIONS.has(m[1]!) ? m[1]! : null;
}

/**
 * A definite institution noun ("the poll", "the editorial board", "the ministry") that the text names
 * earlier: the nearest preceding mention, within INSTITUTION_LOOKBACK characters, that holds the noun after a
 * capitalised name ("a Kestrel University poll", "the Marlow Gazette's editorial board", "the Harbour
 * Ministry") or before one ("the Ministry of Harbours"). Its name as written (without a leading article or
 * a day: "Monday's poll" names nothing), and the organisation the entity model found there, if any.
 */
function byInstitution(text: string, span: Span, noun: string, entities: readonly Entity[]): Resolved | null {
  const from = Math.max(0, span.start - INSTITUTION_LOOKBACK);
  const window = text.slice(from, span.start);
  let best: { start: number; end: number; name: string } | null = null;
  for (const re of institutionPatterns(noun)) {
    re.lastIndex = 0;
    for (let x = re.exec(window); x; x = re.exec(window)) {
      // The name from its sentence's start, without opening words ("The", "In", a day): none left, no name.
      const cut = x[0].search(/[.!?]["”’]?\s+(?=\S+\s)(?!.*[.!?]["”’]?\s)/su);
      const offset = cut < 0 ? 0 : x[0].indexOf(" ", cut) + 1;
      const words = x[0].slice(offset).split(/\s+/);
      const bare = (w: string) => w.replace(/[’']s?$/, "");
      let k = 0;
      while (k < words.length - 1 && NOT_NAME.test(bare(words[k]!))) k++;
      if (
        !words
          .slice(k)
          .some((w) => /^\p{Lu}/u.test(w) && !NOT_NAME.test(bare(w)) && bare(w).toLowerCase() !== noun)
      )
        continue;
      const name = words.slice(k).join(" ");
      const start = from + x.index + offset + x[0].slice(offset).indexOf(words[k]!);
      if (!best || start > best.start) best = { start, end: from + x.index + x[0].length, name };
    }
  }
  if (!best) return null;
  const b = best;
  for (const e of entities) {
    if (e.type === "PERSON" || !plausibleName(e.name) || !e.name.toLowerCase().includes(noun)) continue;
    if (e.mentions.some((mm) => mm.start < b.end && b.start < mm.end)) return { entity: e.id, name: e.name };
  }
  return { entity: null, name: b.name };
}

/** An entity name that can stand for a speaker (not a bare title such as "Mr." or a pronoun). */
function plausibleName(name: string): boolean {
  let ok = plausibleCache.get(name);
  if (ok === undefined) {
    const bare = name.toLowerCase().replace(/\.$/, "");
    ok = bare.length > 1 && !TITLES.has(bare) && !PRONOUNS.has(bare);
    if (plausibleCache.size > 10_000) plausibleCache.clear();
    plausibleCache.set(name, ok);
  }
  return ok;
}

/** Names already judged by plausibleName (bounded). */
const plausibleCache = new Map<string, boolean>();

/** Honorifics that a surname follows ("Mr. King"). */
const HONORIFICS = new Set(["mr", "mrs", "ms", "dr", "miss", "sir"]);

/**
 * The name part of a capitalised speaker phrase: "French President Paul Renard" → "Paul Renard".
 *
 * @param surface - the phrase
 * @returns the name, or null when the phrase has no capitalised word besides titles
 */
export function nameOf(surface: string): string | null {
  const words = surface.split(/\s+/).filter(Boolean);
  // Take the last run of capitalised words.
  let end = words.length;
  while (end > 0 && !/^\p{Lu}/u.test(words[end - 1]!)) end--;
  let start = end;
  while (start > 0 && /^\p{Lu}/u.test(words[start - 1]!)) start--;
  let run = words
    .slice(start, end)
    .map((w) => w.replace(/[,’']s?$/u, (m) => (m.startsWith("’") || m.startsWith("'") ? "" : m)));
  let honorific = false;
  while (run.length > 1 && TITLES.has(run[0]!.toLowerCase().replace(/\.$/, ""))) {
    honorific = HONORIFICS.has(run[0]!.toLowerCase().replace(/\.$/, ""));
    run = run.slice(1);
  }
  if (run.length === 0 || (run.length === 1 && PRONOUNS.has(run[0]!.toLowerCase()))) return null;
  // "Mr. King", "Dr. Judge": after an honorific a title word is a surname.
  if (run.length === 1 && !honorific && TITLES.has(run[0]!.toLowerCase().replace(/\.$/, ""))) return null;
  const name = run.join(" ").replace(/[,.]$/, "");
  return name.length > 0 ? name : null;
}
