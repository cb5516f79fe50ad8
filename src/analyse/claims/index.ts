/**
 * Claims: attributed propositions (from indirect speech and direct quotations) with who claims them, whom
 * they are about, and whether the text says they held up (CONTRACT.md "claims").
 *
 * @example
 * const claims = findClaims(text, sentences, entities, findQuotes(text, sentences, entities));
 */
import type { Claim, ClaimStatus, Entity, Quote, Span, TextSpan } from "../../core/index.ts";
import { cueClass } from "../quotes/index.ts";
import { BACK_REFERENCE, findStatus } from "./status.ts";

export { findStatus, STATUS_PATTERNS } from "./status.ts";

/** Cues whose own meaning is a status: "X denied that ...", "Y confirmed that ...". */
const CUE_STATUS: ReadonlyMap<string, Exclude<ClaimStatus, "asserted">> = new Map([
  ...["denied", "denies", "deny", "denying"].map((w) => [w, "denied"] as const),
  ...["confirmed", "confirms", "confirm", "confirming"].map((w) => [w, "confirmed"] as const),
  ...["disputed", "disputes", "dispute", "disputing"].map((w) => [w, "disputed"] as const),
  // The party concerned owning up: "the airline acknowledged that ...", "the firm admitted ...".
  ...["acknowledged", "acknowledges", "admitted", "admits", "conceded", "concedes"].map(
    (w) => [w, "confirmed"] as const,
  ),
]);
/** Cues that do not introduce a proposition (praise, thanks): no claim is made from them. */
const NOT_PROPOSITIONS = new Set(
  "thank thanks thanked thanking praise praises praised praising hailed welcomed applauded asked asks ask asking urged urges urge urging called calls calling".split(
    " ",
  ),
);
/** Object cues that state a proposition: "accused X of Y", "blamed X for Y". */
const ACCUSATIONS = new Set(
  "accuse accuses accused accusing blame blames blamed blaming charged alleged".split(" "),
);

/** The verb of a cue phrase: "has also denied" → "denied". */
function headWord(cue: string): string {
  const words = cue.match(/[\p{L}]+/gu) ?? [];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (CUE_STATUS.has(w) || NOT_PROPOSITIONS.has(w) || ACCUSATIONS.has(w) || cueClass(w)) return w;
  }
  return cue;
}

/** How many following sentences may hold a status that refers back to the claim. */
const FOLLOWING_SENTENCES = 2;

function textSpan(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

/** Sentence spans, or a simple split when none are given. */
function sentenceSpans(text: string, sentences: readonly Span[]): readonly Span[] {
  if (sentences.length > 0) return sentences;
  const out: Span[] = [];
  const re = /[^.!?\n]+(?:[.!?]+["”’]?|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text))
    if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** The claim's proposition inside a quote: marks, a leading "that" and trailing punctuation removed. */
function proposition(q: Quote): Span | null {
  const marks = q.kind === "direct" ? /["“”'‘’«»\s]/ : /\s/;
  const trailing = q.kind === "direct" ? /["“”'‘’«»\s,.;:]/ : /[\s,.;:]/;
  let s = 0;
  let e = q.text.length;
  while (s < e && marks.test(q.text[s]!)) s++;
  while (e > s && trailing.test(q.text[e - 1]!)) e--;
  if (/^that\s/i.test(q.text.slice(s))) s += 5;
  return e - s >= 3 ? { start: q.start + s, end: q.start + e } : null;
}

/** The clause around a status cue, without its opener: "Oslo has yet to confirm this". */
function evidenceClause(text: string, sentence: Span, cue: { start: number; end: number }): Span {
  let s = cue.start;
  while (s > sentence.start) {
    const before = text.slice(sentence.start, s);
    if (/[,;:(—–]\s*$/.test(before) || /\b(?:though|although|but|while|whereas|however)\s+$/i.test(before))
      break;
    s--;
  }
  while (s < cue.start && /\s/.test(text[s]!)) s++;
  let e = cue.end;
  while (e < sentence.end && !/[,;.!?]/.test(text[e]!)) e++;
  return { start: s, end: e };
}

/** Entities mentioned inside a span, in order of first mention. */
function mentioned(entities: readonly Entity[], span: Span): string[] {
  const hits: { id: string; at: number }[] = [];
  for (const e of entities) {
    const m = e.mentions.find((x) => x.start >= span.start && x.end <= span.end);
    if (m) hits.push({ id: e.id, at: m.start });
  }
  return hits.sort((a, b) => a.at - b.at).map((h) => h.id);
}

/**
 * Find attributed claims and their status.
 *
 * @param text - the article text; every span indexes it
 * @param sentences - sentence spans (may be empty: a simple split is used)
 * @param entities - entities with mentions (may be empty: `claimant` is then null and `about` empty)
 * @param quotes - the quotes found in the text (`findQuotes`); each direct or indirect quote whose cue
 *   introduces a proposition gives one claim
 * @returns claims in text order
 * @example
 * findClaims("Envoy Jo Bloggs said Lindqvist had agreed, though Oslo has yet to confirm this.", [], [], quotes)[0]?.status
 * // "unconfirmed"
 */
export function findClaims(
  text: string,
  sentences: readonly Span[],
  entities: readonly Entity[],
  quotes: readonly Quote[],
): Claim[] {
  const sents = sentenceSpans(text, sentences);
  const sentenceOf = (pos: number) => {
    let lo = 0;
    let hi = sents.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sents[mid]!;
      if (pos < s.start) hi = mid - 1;
      else if (pos >= s.end) lo = mid + 1;
      else return mid;
    }
    return Math.max(0, Math.min(sents.length - 1, lo - 1));
  };
  const out: Claim[] = [];
  const seen = new Set<string>();
  const attributed = quotes
    .filter((q) => q.kind !== "partial" && !CUE_STATUS.has(headWord(q.cue?.text.toLowerCase() ?? "")))
    .map((q) => ({ at: Math.min(q.start, q.speaker?.start ?? q.start), cue: q.cue }));
  /** Another attributed statement starts in [from, hit) and its cue is not the status phrase itself. */
  const between = (from: number, hit: { start: number; end: number }, after = -1) =>
    attributed.some(
      (x) =>
        x.at >= from &&
        x.at > after &&
        x.at < hit.start &&
        !(x.cue && x.cue.start < hit.end && hit.start < x.cue.end),
    );
  for (const q of quotes) {
    if (q.kind === "partial") continue;
    const cueText = q.cue?.text.toLowerCase() ?? "";
    const cue = headWord(cueText);
    if (
      NOT_PROPOSITIONS.has(cue) ||
      q.text
        .trimEnd()
        .replace(/["”’]$/, "")
        .endsWith("?")
    )
      continue;
    // Claims come from speech ("said", "according to", "Name:"), accusations and status verbs; not from
    // object cues such as "criticised X as", nor from negated cues ("did not say whether ...").
    const cls = q.cue ? cueClass(q.cue.text) : "speech";
    if (cls !== "speech" && cueText !== ":" && !ACCUSATIONS.has(cue) && !CUE_STATUS.has(cue)) continue;
    if (/\b(?:not|never)\b|n[’']t\b/.test(cueText) || /^(?:whether|if)\b/i.test(q.text)) continue;
    let prop = proposition(q);
    if (!prop) continue;
    // "X said A, a figure analysts disputed": a status clause inside the reported content ends the claim.
    let inner: ReturnType<typeof findStatus> = null;
    if (q.kind === "indirect") {
      // After a comma or a narrator's conjunction: "X claimed A but offered no evidence".
      // One search from the first boundary; the claim then ends at the last boundary before the status.
      const boundary = /,\s|\s(?:but|though|although|while|and)\s/g;
      boundary.lastIndex = prop.start;
      const first = boundary.exec(text);
      if (first && first.index < prop.end) {
        inner = findStatus(text, first.index, prop.end);
        if (inner) {
          let cut = first.index;
          boundary.lastIndex = first.index + 1;
          for (let m = boundary.exec(text); m && m.index < inner.start; m = boundary.exec(text))
            cut = m.index;
          prop = { start: prop.start, end: cut };
        }
      }
    }
    const key = `${prop.start}:${prop.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let status: ClaimStatus = "asserted";
    let evidence: TextSpan | null = null;
    const cueStatus = CUE_STATUS.get(cue);
    if (inner) {
      status = inner.status;
      const clause = evidenceClause(text, { start: prop.end, end: q.end }, inner);
      evidence = textSpan(text, clause.start, clause.end);
    } else if (cueStatus && q.cue) {
      status = cueStatus;
      evidence = textSpan(text, q.cue.start, q.cue.end);
    } else if (sents.length > 0) {
      const si = sentenceOf(q.end - 1);
      const sent = sents[si]!;
      const after = Math.max(
        q.end,
        q.cue && q.cue.end > q.end ? q.cue.end : q.end,
        q.speaker && q.speaker.end > q.end ? q.speaker.end : q.end,
      );
      let hit = findStatus(text, after, Math.max(after, sent.end));
      if (hit && between(after, hit, q.start)) hit = null;
      let within = sent;
      for (let k = 1; !hit && k <= FOLLOWING_SENTENCES && si + k < sents.length; k++) {
        const next = sents[si + k]!;
        if (text.slice(sent.end, next.start).includes("\n\n") && k > 1) break;
        const found = findStatus(text, next.start, next.end);
        if (!found) continue;
        // Another attributed statement before the status cue takes it ("Y said Z, though ...").
        if (between(next.start, found)) break;
        const clause = evidenceClause(text, next, found);
        // The next sentence's status speaks of the claim before it; a later one must point back to it.
        if (k === 1 || BACK_REFERENCE.test(text.slice(clause.start, clause.end))) {
          hit = found;
          within = next;
        }
      }
      // "Without providing evidence, X said ..." before the claim in its own sentence.
      if (!hit) {
        const first = sents[sentenceOf(q.start)]!;
        const before = findStatus(text, first.start, Math.min(q.start, q.cue?.start ?? q.start));
        if (before?.status === "unconfirmed") {
          hit = before;
          within = first;
        }
      }
      if (hit) {
        status = hit.status;
        const clause = evidenceClause(text, within, hit);
        evidence = textSpan(text, clause.start, clause.end);
      }
    }
    const claimantEntity = q.speakerEntity;
    const about = mentioned(entities, prop);
    out.push({
      ...textSpan(text, prop.start, prop.end),
      claimant: claimantEntity,
      about,
      status,
      statusEvidence: evidence,
    });
  }
  shareStatus(out);
  return out.sort((a, b) => a.start - b.start);
}

/** Words of a proposition, for comparing restatements: lower case, without marks and a leading "that". */
function propositionWords(t: string): string {
  return t
    .toLowerCase()
    .replace(/^that\s+/, "")
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Shortest restatement that can share a status (words), so "it" or "so" do not match everything. */
const MIN_SHARED = 4;

/**
 * The same claim stated twice in one article by the same claimant ("Halvorsen said the minister had agreed
 * to the plan. ... Halvorsen also told a radio station that the minister had agreed to the plan"): an asserted restatement takes
 * the status and evidence the text gives the other.
 */
function shareStatus(claims: Claim[]): void {
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i]!;
    if (c.status !== "asserted" || c.claimant === null) continue;
    const w = propositionWords(c.text);
    if (w.split(" ").length < MIN_SHARED) continue;
    const other = claims.find((o) => {
      if (o === c || o.status === "asserted" || o.claimant !== c.claimant) return false;
      const ow = propositionWords(o.text);
      return ow.startsWith(w) || w.startsWith(ow);
    });
    if (other) claims[i] = { ...c, status: other.status, statusEvidence: other.statusEvidence };
  }
}
