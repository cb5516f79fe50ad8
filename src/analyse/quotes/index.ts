/**
 * Quotes: who said what. Direct quotations, partial quotations inside reported speech, and indirect
 * speech, each with its cue, speaker span and resolved speaker entity (CONTRACT.md "quotes").
 *
 * @example
 * const quotes = findQuotes(text, splitSentences(text), findEntities(text, sentences));
 */
import type { Entity, Quote, Span, TextSpan } from "../../core/index.ts";
import { CUES, type CueClass } from "./cues.ts";
import { type Attribution, attributeUnit, PENDING } from "./extract.ts";
import { dashAttribution } from "./headline.ts";
import { findQuoteRegions, type QuoteRegion } from "./marks.ts";
import { refineAttributions } from "./refine.ts";
import { genderOf, type NameSeen, nameOf, resolveSpeaker, textGenders } from "./speaker.ts";
import { type Token, tokenize, units } from "./tokens.ts";

export { saidBaseline } from "./baseline.ts";
export { findQuoteRegions, type QuoteRegion } from "./marks.ts";
export { nameOf } from "./speaker.ts";

/**
 * The class of a cue phrase ("has also said" → "speech", "criticised" → "object"), or null for ":" or
 * unknown words; "according to" is "speech".
 *
 * @param cue - the cue's text
 * @returns the class of the cue's verb
 * @example cueClass("had previously said") // "speech"
 */
export function cueClass(cue: string): CueClass | null {
  const words = cue.toLowerCase().match(/[\p{L}’']+/gu) ?? [];
  if (words[0] === "according") return "speech";
  let cls: CueClass | null = null;
  for (const w of words) cls = CUES.get(w) ?? cls;
  return cls;
}

/** Words that mark a capitalised run as an organisation rather than a person. */
const ORG_WORDS =
  /\b(?:Party|Ministry|Department|University|News|Post|Times|Inc|Company|Association|Council|Committee|Union|Bank|House|Senate|Congress|Court|Agency|Office|Service|Institute|Foundation|Campaign|Network|Group|Organisation|Organization|Journal|Street|Daily)\b/;
/** Capitalised words that open a sentence or a time phrase rather than a name ("Last Thursday Oslo"). */
const RUN_OPENERS =
  /^(?:The|A|An|But|And|In|On|At|As|After|Before|Following|Meanwhile|Last|This|Next|Since|When|While|If|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;
/** Most words a person's name run has ("Martin Luther King Jr."). */
const MAX_NAME_WORDS = 4;
/** Upper bound on the text length analysed (characters); longer texts are cut to keep time bounded. */
const MAX_TEXT = 2_000_000;

function textSpan(text: string, s: Span): TextSpan {
  return { start: s.start, end: s.end, text: text.slice(s.start, s.end) };
}

/** Capitalised multi-word runs that look like person names, in text order (for pronouns without NER). */
function personRuns(text: string): NameSeen[] {
  const out: NameSeen[] = [];
  // Runs of capitalised words (initials allowed), not across a sentence end.
  const re = /\b(\p{Lu}(?:[\p{L}’'-]+|\.)(?:[ \t]+\p{Lu}(?:[\p{L}’'-]+|\.))+)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (ORG_WORDS.test(m[1]!)) continue;
    const words = m[1]!.split(/\s+/);
    while (words.length > 0 && RUN_OPENERS.test(words[0]!)) words.shift();
    // Longer runs are headlines in title case ("Warren Hammers Wells Fargo CEO"), not names.
    if (words.length > MAX_NAME_WORDS) continue;
    const name = nameOf(words.join(" "));
    if (name?.includes(" ")) out.push({ start: m.index, name, entity: null, person: true });
  }
  // "Mr. Hart", "Sen. Reed": a surname after an honorific is a person too.
  for (const m of text.matchAll(/\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\. (\p{Lu}[\p{L}’'-]+)\b(?! \p{Lu})/gu)) {
    out.push({ start: m.index, name: m[1]!, entity: null, person: true });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Expand a surname to the full name seen earlier ("Lindqvist" → "Ada Lindqvist"). */
function fullName(name: string, seen: readonly NameSeen[], before: number): string {
  if (name.includes(" ")) return name;
  for (let k = seen.length - 1; k >= 0; k--) {
    const s = seen[k]!;
    if (s.start < before && s.name.endsWith(` ${name}`)) return s.name;
  }
  return name;
}

/**
 * Find quotations and reported speech.
 *
 * @param text - the article text; every span indexes it
 * @param sentences - sentence spans (may be empty: a simple internal split is used)
 * @param entities - entities with their mentions (may be empty: speakers are then named from the text and
 *   `speakerEntity` is null)
 * @returns quotes in text order of their content; a quotation split by its attribution is two items sharing
 *   `cue` and `speaker`
 * @example
 * findQuotes('"We will win," he said.', [], [])[0]?.kind // "direct"
 */
export function findQuotes(text: string, sentences: readonly Span[], entities: readonly Entity[]): Quote[] {
  const body = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const regions = findQuoteRegions(body);
  const atts = refineAttributions(body, ruleAttributions(body, sentences, regions), {
    regions,
    sentences,
    entities,
  });
  return resolveQuotes(body, atts, entities);
}

/**
 * The rules' attributions of a text, in order of their content, before speaker resolution.
 *
 * @param body - the text (already cut to MAX_TEXT)
 * @param sentences - sentence spans (may be empty)
 * @param regions - the quoted regions (`findQuoteRegions(body)`)
 */
export function ruleAttributions(
  body: string,
  sentences: readonly Span[],
  regions: readonly QuoteRegion[] = findQuoteRegions(body),
): Attribution[] {
  const tokens = tokenize(body, regions);
  const us = units(body, tokens, sentences);
  const atts: Attribution[] = [];
  for (let u = 0; u < us.length; u++) {
    atts.push(...attributeUnit(withoutDateline(us[u]!), u));
    // A signature opening the unit after a quotation: "...” ⏎ ― Ada Berg".
    const prevLast = us[u - 1]?.[us[u - 1]!.length - 1];
    if (prevLast?.kind === "quote" && us[u]![0]?.kind === "punct")
      atts.push(...dashAttribution([prevLast, ...us[u]!], u));
  }
  resolvePending(us, atts);
  addOrphans(us, atts);
  atts.sort((a, b) => a.content.start - b.content.start || a.content.end - b.content.end);
  dropNested(atts);
  dedupePartials(atts);
  // A sentence-final abbreviation ("in the U.S.") carries the sentence's period, which is not content.
  return atts.map((a) => {
    const content = a.content;
    if (
      a.kind === "indirect" &&
      body[content.end - 1] === "." &&
      body[content.end - 2] !== "." &&
      /^\s|^$/.test(body.slice(content.end, content.end + 1))
    )
      return { ...a, content: { start: content.start, end: content.end - 1 } };
    return a;
  });
}

/** Quotes from attributions: speakers resolved, in the order given. */
function resolveQuotes(body: string, atts: readonly Attribution[], entities: readonly Entity[]): Quote[] {
  const runs = personRuns(body);
  const seen: NameSeen[] = [...runs];
  const genders = textGenders(body);
  const out: Quote[] = [];
  const keys = new Set<string>();
  for (const a of atts) {
    const key = `${a.content.start}:${a.content.end}:${a.cue?.start ?? -1}`;
    if (keys.has(key)) continue;
    keys.add(key);
    let entity: string | null = null;
    let name: string | null = null;
    if (a.source) {
      const head = a.head ?? a.source;
      const r = resolveSpeaker(body, head, entities, seen, (n) => genderOf(genders, n));
      entity = r.entity;
      name = r.name && !r.entity ? fullName(r.name, seen, a.source.start) : r.name;
      if (name) {
        const surface = body.slice(head.start, head.end).toLowerCase();
        const type = entities.find((e) => e.id === entity)?.type;
        const person = type
          ? type === "PERSON"
          : /^(?:he|she|i)$/.test(surface) ||
            (/^\p{Lu}/u.test(body.slice(head.start, head.end)) && !ORG_WORDS.test(name));
        insertSeen(seen, {
          start: a.source.start,
          name,
          entity,
          person,
          speaker: true,
        });
      }
    }
    const content = a.content;
    const q: Quote = {
      kind: a.kind,
      ...textSpan(body, content),
      cue: a.cue ? textSpan(body, a.cue) : null,
      speaker: a.source ? textSpan(body, a.source) : null,
      speakerEntity: entity,
      speakerName: name,
    };
    out.push(q);
  }
  return out;
}

function insertSeen(seen: NameSeen[], s: NameSeen): void {
  let k = seen.length;
  while (k > 0 && seen[k - 1]!.start > s.start) k--;
  seen.splice(k, 0, s);
}

/**
 * Quotations no cue claimed: a paragraph that is only a quotation continues the previous direct quote's
 * speaker (same cue and speaker, as a quotation split by its attribution); the continuation paragraphs of
 * a multi-paragraph quotation likewise.
 */
function addOrphans(us: readonly (readonly Token[])[], atts: Attribution[]): void {
  const claimed = new Set<number>();
  for (const a of atts) claimed.add(a.content.start);
  const byUnit = new Map<number, Attribution>();
  for (const a of atts) if (a.kind === "direct" || a.kind === "indirect") byUnit.set(a.unit, a);
  let last: Attribution | null = null;
  let lastUnit = -10;
  for (let u = 0; u < us.length; u++) {
    const toks = us[u]!;
    const own = byUnit.get(u);
    const quoteOnly =
      toks.every((t) => t.kind === "quote" || t.kind === "punct") && toks.some((t) => t.kind === "quote");
    if (quoteOnly) {
      for (const t of toks) {
        if (t.kind !== "quote" || claimed.has(t.start)) continue;
        const near = last && (u - lastUnit <= 2 || t.region?.continued === true);
        const a: Attribution = {
          kind: "direct",
          content: { start: t.start, end: t.end },
          cue: near && last ? last.cue : null,
          source: near && last ? last.source : null,
          unit: u,
        };
        atts.push(a);
        claimed.add(t.start);
        if (near) lastUnit = u;
      }
    }
    if (own) {
      last = own;
      lastUnit = u;
    }
  }
}

/**
 * Drop attributions whose cue lies inside another attribution's reported clause ("Berg said Holt had told
 * her that ..."): the inner claim is the outer speaker's report, not the inner speaker's own words, and
 * PolNeAR annotates only the outer relation (each token belongs to at most one attribution). Partial quotes
 * of a dropped cue go with it; the outer attribution keeps its own.
 */
function dropNested(atts: Attribution[]): void {
  const outer = atts.filter((a) => a.kind === "indirect" && a.cue);
  const nested = new Set<string>();
  for (const a of atts) {
    const c = a.cue;
    if (!c || a.kind === "partial") continue;
    if (
      outer.some(
        (b) =>
          b !== a &&
          b.cue !== c &&
          b.cue!.end <= b.content.start &&
          b.content.start <= c.start &&
          c.end <= b.content.end,
      )
    )
      nested.add(`${c.start}:${c.end}`);
  }
  if (nested.size === 0) return;
  for (let i = atts.length - 1; i >= 0; i--) {
    const c = atts[i]!.cue;
    if (c && nested.has(`${c.start}:${c.end}`)) atts.splice(i, 1);
  }
}

/** A quotation inside two reported clauses is one partial quote: keep the one whose cue is nearest before it. */
function dedupePartials(atts: Attribution[]): void {
  const best = new Map<string, Attribution>();
  for (const a of atts) {
    if (a.kind !== "partial") continue;
    const k = `${a.content.start}:${a.content.end}`;
    const prev = best.get(k);
    const dist = (x: Attribution) =>
      x.cue && x.cue.start < a.content.start ? a.content.start - x.cue.start : 1e9;
    if (!prev || dist(a) < dist(prev)) best.set(k, a);
  }
  for (let i = atts.length - 1; i >= 0; i--) {
    const a = atts[i]!;
    if (a.kind === "partial" && best.get(`${a.content.start}:${a.content.end}`) !== a) atts.splice(i, 1);
  }
}

/** Agencies whose name in brackets marks a dateline: "LOS ANGELES, Feb. 2 (UPI) — ...". */
const AGENCIES = /^(?:AP|UPI|AFP|Reuters|CNN|Bloomberg|dpa|Xinhua|TASS|IANS|PTI|ANI)$/;
/** Most tokens a dateline has before its dash. */
const MAX_DATELINE = 14;

/** Drop a dateline from the start of a unit ("WASHINGTON (AP) — ", "CAMBRIDGE, Mass., Dec. 11 (UPI) — "). */
function withoutDateline(toks: readonly Token[]): readonly Token[] {
  const first = toks[0];
  if (first?.kind !== "word") return toks;
  for (let k = 1; k < Math.min(toks.length - 1, MAX_DATELINE); k++) {
    const t = toks[k]!;
    if (t.kind === "punct" && /^[—–-]$/.test(t.text)) {
      const head = toks.slice(0, k);
      const agency = head.some((x) => AGENCIES.test(x.text));
      const caps = /^\p{Lu}{2,}$/u.test(first.text.replace(/[.’'-]/g, ""));
      return agency || caps ? toks.slice(k + 1) : toks;
    }
    if (t.kind === "quote") return toks;
  }
  return toks;
}

/** Give "He said:" attributions the quotation that opens the next unit, or drop them. */
function resolvePending(us: readonly (readonly Token[])[], atts: Attribution[]): void {
  for (let i = atts.length - 1; i >= 0; i--) {
    const a = atts[i]!;
    if (a.content !== PENDING) continue;
    const first = us[a.unit + 1]?.[0];
    if (first?.kind === "quote")
      atts[i] = { ...a, content: { start: first.start, end: first.end }, unit: a.unit + 1 };
    else atts.splice(i, 1);
  }
}
