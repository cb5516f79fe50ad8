/**
 * Name mentions from the tagger, made consistent within the document: one type per name string,
 * a surname alone typed as its person, and later unmarked repeats of a name the tagger found.
 */
import type { EntityType } from "../../core/index.ts";
import type { Token } from "../text/index.ts";
import { chunks } from "./conll.ts";
import { CAPITALS, COUNTRIES, PERSON_TITLES } from "./lexicon.ts";

/** A name mention: sentence index, token range [a, b) and its type. */
export interface NameMention {
  readonly s: number;
  readonly a: number;
  readonly b: number;
  type: EntityType;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Tokens never at the edge of a name. */
const TRIM = /^(?:['’]s|['’]|[.,;:!?"“”()[\]]|--|-)$/u;

const TYPE_OF: Readonly<Record<string, EntityType>> = { PER: "PERSON", ORG: "ORG", LOC: "LOC", MISC: "MISC" };

/** The key that makes two name strings the same name. */
export function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^the\s+/, "")
    .replace(/\s+/g, " ");
}

/**
 * Turn tags into consistent name mentions.
 *
 * @param text the article text
 * @param sents tokens per sentence
 * @param tags IOB2 tags per sentence and token
 * @returns name mentions in text order
 */
export function nameMentions(
  text: string,
  sents: readonly (readonly Token[])[],
  tags: readonly string[][],
): NameMention[] {
  const out: NameMention[] = [];
  sents.forEach((toks, s) => {
    for (const c of chunks(tags[s]!)) {
      let a = c.start;
      let b = c.end;
      let type = TYPE_OF[c.type] ?? "MISC";
      // Titles are not part of names: "President Berg" is a title and the person "Berg".
      while (
        b - a > 1 &&
        type !== "LOC" &&
        type !== "ORG" &&
        PERSON_TITLES.has(toks[a]!.text.toLowerCase()) &&
        /^\p{Lu}/u.test(toks[a + 1]!.text)
      ) {
        a++;
        type = "PERSON";
      }
      const paren = toks.slice(a, b).some((t) => t.text === "(");
      while (b > a && TRIM.test(toks[b - 1]!.text) && !(paren && toks[b - 1]!.text === ")")) b--;
      while (b > a && TRIM.test(toks[a]!.text)) a++;
      // A name never runs across a colon or a quotation mark ("PENCE: Well").
      for (let k = a + 1; k < b; k++) {
        if (/^[:;!?"“”‘]$/u.test(toks[k]!.text)) {
          b = k;
          break;
        }
      }
      if (b === a) continue;
      const start = toks[a]!.start;
      const end = toks[b - 1]!.end;
      out.push({ s, a, b, type, start, end, text: text.slice(start, end) });
    }
  });
  // Surnames: a one-word mention that ends a longer PERSON name in the document is that person.
  // A name also tagged as a person ("Jon Berg", or "Estes" after "Bob Estes") is that person,
  // when the document names people so at least as often as it tags the name otherwise.
  const asPerson = new Map<string, number>();
  const otherwise = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  for (const m of out) {
    if (m.type === "PERSON") {
      bump(asPerson, nameKey(m.text));
      if (m.b - m.a > 1) bump(asPerson, nameKey(sents[m.s]![m.b - 1]!.text));
    } else bump(otherwise, nameKey(m.text));
  }
  for (const m of out) {
    const key = nameKey(m.text);
    if (m.type !== "PERSON" && (asPerson.get(key) ?? 0) >= (otherwise.get(key) ?? 0)) m.type = "PERSON";
  }
  // Countries are places, whatever the tagger said ("US" as a government is still the country).
  for (const m of out)
    if (m.type !== "PERSON" && (COUNTRIES.has(nameKey(m.text)) || CAPITALS.has(nameKey(m.text))))
      m.type = "LOC";
  return addRepeats(text, sents, out);
}

/** Add unmarked repeats of names found elsewhere in the document (exact, case-sensitive). */
function addRepeats(text: string, sents: readonly (readonly Token[])[], found: NameMention[]): NameMention[] {
  const lowerSeen = new Set<string>();
  for (const toks of sents) for (const t of toks) if (/^\p{Ll}/u.test(t.text)) lowerSeen.add(t.text);
  const names = new Map<string, { words: string[]; type: EntityType }>();
  for (const m of found) {
    const words = sents[m.s]!.slice(m.a, m.b).map((t) => t.text);
    if (!/^\p{Lu}/u.test(words[0]!) || words.some((w) => lowerSeen.has(w.toLowerCase()))) continue;
    names.set(words.join(" "), { words, type: m.type });
  }
  const byFirst = new Map<string, { words: string[]; type: EntityType }[]>();
  for (const n of names.values()) {
    const list = byFirst.get(n.words[0]!) ?? [];
    list.push(n);
    byFirst.set(n.words[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((x, y) => y.words.length - x.words.length);
  const taken = sents.map((toks) => new Array<boolean>(toks.length).fill(false));
  for (const m of found) for (let i = m.a; i < m.b; i++) taken[m.s]![i] = true;
  const added: NameMention[] = [];
  sents.forEach((toks, s) => {
    for (let i = 0; i < toks.length; i++) {
      if (taken[s]![i]) continue;
      for (const n of byFirst.get(toks[i]!.text) ?? []) {
        const b = i + n.words.length;
        if (b > toks.length) continue;
        let ok = true;
        for (let k = 0; k < n.words.length && ok; k++)
          ok = toks[i + k]!.text === n.words[k] && !taken[s]![i + k];
        // Not when the match continues a capitalised name ("Washington" inside "Washington Post").
        if (ok && b < toks.length && /^\p{Lu}/u.test(toks[b]!.text) && !taken[s]![b]) ok = false;
        if (ok && i > 0 && /^\p{Lu}/u.test(toks[i - 1]!.text) && !taken[s]![i - 1] && i - 1 > 0) ok = false;
        if (!ok) continue;
        const start = toks[i]!.start;
        const end = toks[b - 1]!.end;
        added.push({ s, a: i, b, type: n.type, start, end, text: text.slice(start, end) });
        for (let k = i; k < b; k++) taken[s]![k] = true;
        i = b - 1;
        break;
      }
    }
  });
  return [...found, ...added].sort((x, y) => x.start - y.start);
}
