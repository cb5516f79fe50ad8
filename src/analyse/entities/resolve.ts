/**
 * Canonical entities within one article: name mentions grouped ("Lindqvist" with "Ada Lindqvist",
 * "SCO" with "Nordic Council"), titles before names ("Russian President"),
 * nominal mentions ("the Russian president") and pronouns ("he"), each added only when unambiguous.
 */
import type { Entity, EntityType, Mention, MentionKind } from "../../core/index.ts";
import type { Token } from "../text/index.ts";
import {
  countryOf,
  HONORIFICS,
  LEADER_HEADS,
  NOMINAL_HEADS,
  PRONOUNS,
  TITLE_HEADS,
  TITLE_MODIFIERS,
} from "./lexicon.ts";
import { type NameMention, nameKey } from "./names.ts";

/** The share of a name's mentions one type needs for all of them to form one entity. */
const MERGE_SHARE = 0.75;

interface Draft {
  type: EntityType;
  /** Name mentions per type (non-person names seen with several types take the most frequent). */
  readonly votes: Map<EntityType, number>;
  /** Lower-cased token lists of the names seen. */
  readonly names: string[][];
  readonly mentions: Mention[];
  readonly titles: string[];
  /** The name mentions' texts, for the canonical name. */
  readonly nameTexts: string[];
  last: number;
  gender: "m" | "f" | undefined;
}

/** Where a mention of a draft sits, for pronoun resolution. */
interface Placed {
  readonly s: number;
  readonly a: number;
  readonly draft: Draft;
}

const lowerWords = (toks: readonly Token[], a: number, b: number): string[] =>
  toks.slice(a, b).map((t) => nameKey(t.text));

function contains(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > hay.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

const SKIP_IN_ACRONYM = new Set(["of", "and", "the", "for", "&", "de", "la"]);
function acronym(words: readonly string[]): string {
  return words
    .filter((w) => !SKIP_IN_ACRONYM.has(w))
    .map((w) => w[0] ?? "")
    .join("");
}

function mention(text: string, start: number, end: number, kind: MentionKind): Mention {
  return { start, end, text: text.slice(start, end), kind };
}

/**
 * Group name mentions into entities and add titles, nominals and pronouns.
 *
 * @param text the article text
 * @param sents tokens per sentence
 * @param names consistent name mentions in text order
 * @returns contract entities, ids in order of first mention
 */
export function resolveEntities(
  text: string,
  sents: readonly (readonly Token[])[],
  names: readonly NameMention[],
): Entity[] {
  const drafts: Draft[] = [];
  const placed: Placed[] = [];
  const byName = new Map<NameMention, Draft>();
  // Names tagged with several types join into one entity when one type clearly dominates.
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of names) {
    if (m.type === "PERSON") continue;
    const v = votes.get(nameKey(m.text)) ?? new Map<EntityType, number>();
    v.set(m.type, (v.get(m.type) ?? 0) + 1);
    votes.set(nameKey(m.text), v);
  }
  const anyType = new Set<string>();
  for (const [key, v] of votes) {
    const counts = [...v.values()];
    const total = counts.reduce((a, b) => a + b, 0);
    if (Math.max(...counts) / total >= MERGE_SHARE) anyType.add(key);
  }
  for (const m of names) {
    const words = lowerWords(sents[m.s]!, m.a, m.b);
    const d = findDraft(drafts, m.type, words, anyType.has(nameKey(m.text))) ?? newDraft(drafts, m.type);
    if (!d.names.some((n) => n.join(" ") === words.join(" "))) d.names.push(words);
    d.votes.set(m.type, (d.votes.get(m.type) ?? 0) + 1);
    d.mentions.push(mention(text, m.start, m.end, "name"));
    d.nameTexts.push(m.text);
    d.last = m.start;
    byName.set(m, d);
    placed.push({ s: m.s, a: m.a, draft: d });
  }
  addTitles(text, sents, names, byName, placed);
  addNominals(text, sents, names, drafts, placed);
  addPronouns(text, sents, placed);
  return finish(drafts);
}

function newDraft(drafts: Draft[], type: EntityType): Draft {
  const d: Draft = {
    type,
    votes: new Map(),
    names: [],
    mentions: [],
    titles: [],
    nameTexts: [],
    last: -1,
    gender: undefined,
  };
  drafts.push(d);
  return d;
}

/** The entity a name belongs to: the most recent of the same type that shares it. */
function findDraft(
  drafts: readonly Draft[],
  type: EntityType,
  words: readonly string[],
  anyType: boolean,
): Draft | undefined {
  let best: Draft | undefined;
  for (const d of drafts) {
    // People stay apart from other types ("Washington" the man, "Washington" the city); other
    // names join across types when one type dominates the document's mentions of the name.
    if (anyType ? (d.type === "PERSON") !== (type === "PERSON") : d.type !== type) continue;
    const same =
      type === "PERSON"
        ? d.names.some((n) => contains(n, words) || contains(words, n))
        : d.names.some(
            (n) =>
              n.join(" ") === words.join(" ") ||
              (type === "ORG" &&
                ((words.length === 1 && n.length > 2 && acronym(n) === words[0]) ||
                  (n.length === 1 && words.length > 2 && acronym(words) === n[0]))),
          );
    if (same && (!best || d.last > best.last)) best = d;
  }
  return best;
}

/** Titles directly before a person's name: "Russian President", "US special envoy", "Gen.". */
function addTitles(
  text: string,
  sents: readonly (readonly Token[])[],
  names: readonly NameMention[],
  byName: ReadonlyMap<NameMention, Draft>,
  placed: Placed[],
): void {
  for (const m of names) {
    if (m.type !== "PERSON") continue;
    const toks = sents[m.s]!;
    const head = m.a - 1;
    if (head < 0 || !TITLE_HEADS.has(toks[head]!.text.toLowerCase())) continue;
    let k = head - 1;
    while (k >= 0) {
      const w = toks[k]!.text.toLowerCase();
      const inName = names.find((n) => n.s === m.s && n.a <= k && k < n.b && n.type !== "PERSON");
      if (inName) k = inName.a - 1;
      else if ((TITLE_HEADS.has(w) && !HONORIFICS.has(w)) || TITLE_MODIFIERS.has(w)) k--;
      else break;
    }
    let first = k + 1;
    while (first < head && ["the", "of"].includes(toks[first]!.text.toLowerCase())) first++;
    const d = byName.get(m)!;
    const start = toks[first]!.start;
    const end = toks[head]!.end;
    d.mentions.push(mention(text, start, end, "title"));
    placed.push({ s: m.s, a: first, draft: d });
    if (HONORIFICS.has(toks[head]!.text.toLowerCase())) {
      const w = toks[head]!.text.toLowerCase().replace(".", "");
      if (w === "mr" || w === "sir" || w === "lord") d.gender = "m";
      if (w === "mrs" || w === "ms" || w === "dame" || w === "lady") d.gender = "f";
      continue;
    }
    const title = text.slice(start, end);
    const key = title.toLowerCase();
    const i = d.titles.findIndex((t) => t.toLowerCase().endsWith(key) || key.endsWith(t.toLowerCase()));
    if (i < 0) d.titles.push(title);
    else if (title.length > d.titles[i]!.length) d.titles[i] = title;
  }
}

/** The country a modifier names (a demonym or a country name), lower-cased. */
function countryKey(words: readonly string[]): string {
  const w = words.join(" ");
  return (countryOf(w) ?? w).toLowerCase();
}

/** "the Russian president", "the US envoy": a nominal of the one person whose title fits. */
function addNominals(
  text: string,
  sents: readonly (readonly Token[])[],
  names: readonly NameMention[],
  drafts: readonly Draft[],
  placed: Placed[],
): void {
  const HEAD_OF_STATE = new Set([
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "leader",
  ]);
  sents.forEach((toks, s) => {
    for (let i = 0; i < toks.length; i++) {
      if (toks[i]!.text.toLowerCase() !== "the") continue;
      let j = i + 1;
      const mods: string[] = [];
      while (j < toks.length) {
        const n = names.find((x) => x.s === s && x.a === j && x.type !== "PERSON");
        if (n) {
          mods.push(...lowerWords(toks, n.a, n.b));
          j = n.b;
        } else break;
      }
      if (j >= toks.length) continue;
      let head = toks[j]!.text.toLowerCase();
      let endTok = j;
      if (head === "prime" && toks[j + 1]?.text.toLowerCase() === "minister") {
        head = "prime minister";
        endTok = j + 1;
      }
      if (!NOMINAL_HEADS.has(head) || head === "prime") continue;
      const after = toks[endTok + 1];
      if (after && (/^\p{Lu}/u.test(after.text) || after.text.toLowerCase() === "and")) continue;
      const candidates = drafts.filter(
        (d) =>
          d.type === "PERSON" &&
          d.titles.some((t) => {
            const tw = t.toLowerCase().split(/\s+/);
            const tHead = tw.slice(-2).join(" ") === "prime minister" ? "prime minister" : tw[tw.length - 1]!;
            const headOk = tHead === head || (LEADER_HEADS.has(head) && HEAD_OF_STATE.has(tHead));
            if (!headOk) return false;
            if (mods.length === 0) return true;
            const tMods = tw.slice(0, tHead === "prime minister" ? -2 : -1);
            return (
              tMods.length > 0 &&
              countryKey(tMods.filter((w) => !TITLE_MODIFIERS.has(w))) === countryKey(mods)
            );
          }),
      );
      if (candidates.length !== 1) continue;
      const d = candidates[0]!;
      d.mentions.push(mention(text, toks[i]!.start, toks[endTok]!.end, "nominal"));
      placed.push({ s, a: i, draft: d });
      i = endTok;
    }
  });
}

/** How early in a sentence a mention must start to count as its subject. */
const SUBJECT_WINDOW = 6;

/**
 * Pronouns, conservatively: the one person mentioned earlier in the same sentence, else the
 * subject of the previous sentence when it is a person. Gender, when known, must agree.
 */
function addPronouns(text: string, sents: readonly (readonly Token[])[], placed: Placed[]): void {
  const people = (s: number): Placed[] =>
    placed.filter((p) => p.s === s && p.draft.type === "PERSON").sort((x, y) => x.a - y.a);
  sents.forEach((toks, s) => {
    for (let i = 0; i < toks.length; i++) {
      const w = toks[i]!.text.toLowerCase();
      if (!PRONOUNS.has(w)) continue;
      const gender = w.startsWith("h") && w !== "her" && w !== "hers" && w !== "herself" ? "m" : "f";
      const before = people(s).filter((p) => p.a < i);
      const distinct = [...new Set(before.map((p) => p.draft))];
      let d: Draft | undefined;
      if (distinct.length === 1) d = distinct[0];
      else if (distinct.length === 0 && s > 0) {
        const prev = people(s - 1)[0];
        if (prev && prev.a < SUBJECT_WINDOW) d = prev.draft;
      }
      if (!d || (d.gender !== undefined && d.gender !== gender)) continue;
      d.gender = gender;
      d.mentions.push(mention(text, toks[i]!.start, toks[i]!.end, "pronoun"));
      placed.push({ s, a: i, draft: d });
    }
  });
}

function finish(drafts: readonly Draft[]): Entity[] {
  const out = drafts
    .filter((d) => d.nameTexts.length > 0)
    .map((d) => {
      let n = 0;
      for (const [t, c] of d.votes) if (c > n) [d.type, n] = [t, c];
      const mentions = [...d.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
      const name = d.nameTexts.reduce((best, n) => {
        const words = n.split(/\s+/).length;
        const bw = best.split(/\s+/).length;
        return words > bw || (words === bw && n.length > best.length) ? n : best;
      });
      return { type: d.type, name, titles: d.titles, mentions };
    })
    .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  return out.map((e, i) => ({ id: `e${i + 1}`, ...e }));
}
