/**
 * Events: attacks (actors, targets, place, date, killed, injured), meetings and summits, statements (from
 * the quotes), agreements, proposals and rejections, each with the sentence part that states it. The event
 * the article is mainly about comes first.
 */
import type { Entity, EventType, NewsEvent, Quantity, Span, TimeExpression } from "../../core/index.ts";
import type { AnalysisContext } from "../context.ts";
import { fallbackSentences } from "../time/index.ts";
import { sentenceCasualties } from "./casualties.ts";
import { periodOf } from "./timeline.ts";

export { sentenceCasualties } from "./casualties.ts";

/** Trigger words per event type, in the order a sentence is tested. */
const TRIGGERS: readonly [EventType, RegExp][] = [
  [
    "attack",
    /\b(?:attack(?:ed|s|ing)?|assault(?:ed|s)?|air\s?strikes?|strikes?|struck|shell(?:ed|ing)|bomb(?:ed|ing|ings)|fired|launched|shot|shoots?|shootings?|gunfire|gunshots?|shots\s+fired|homicide|murder(?:ed)?|wounded|wounding|opened\s+fire|gunman|gunmen|killed|killing|stabb(?:ed|ing)|raid(?:ed|s)?|invaded|invasion|explosion|blast|massacre|ambush(?:ed)?|drones?\s+and\s+missiles|death\s+toll|found\s+(?:shot|dead)|bod(?:y|ies)\s+(?:was|were)\s+(?:found|discovered)|robbed|robbery|armed\s+robbery|carjack(?:ed|ing)|held\s+up|pointed\s+a\s+(?:gun|handgun|rifle|pistol)|brandish(?:ed|ing)|pistol[- ]?whip(?:ped|ping)?|at\s+gunpoint|demanded\s+(?:money|cash)|pulled\s+(?:out\s+)?a\s+(?:gun|handgun|pistol|rifle|shotgun|firearm)|displayed\s+a\s+(?:gun|handgun|pistol|weapon|firearm)|threatened\s+\w+(?:\s+\w+)?\s+with\s+a\s+(?:gun|handgun|knife|rifle|pistol|firearm))\b/i,
  ],
  ["meeting", /\b(?:met|meets|meeting|summit|held\s+talks|talks\s+with|hosted|visited|sat\s+down\s+with)\b/i],
  [
    "agreement",
    /\b(?:agreed|agreement|signed|accord|treaty|truce|ceasefire\s+deal|struck\s+a\s+deal|reached\s+a\s+deal)\b/i,
  ],
  [
    "rejection",
    /\b(?:rejected|rejects|rejecting|refused|refuses|dismissed|turned\s+down|vetoed|criticised|criticized)\b/i,
  ],
  [
    "proposal",
    /\b(?:proposed|proposes|proposals?|offered|offers|suggested|called\s+for|calls\s+for|put\s+forward)\b/i,
  ],
  [
    "other",
    /\b(?:arrested|charged|seized|stole|stolen|stealing|stray\s+bullets?|bullet\s+(?:holes?|struck|hit|went|lodged)|burglar(?:y|ized)|broke\s+into|responded\s+to|recovered|confiscated|crash(?:ed)?|accident|incident|happened|occurred)\b/i,
  ],
];

/** How much an event type says about what an article is mainly about. */
const WEIGHT: Readonly<Record<EventType, number>> = {
  attack: 60,
  meeting: 40,
  agreement: 35,
  rejection: 30,
  proposal: 25,
  statement: 10,
  other: 5,
};

const DAY = /^\d{4}-\d{2}-\d{2}/;

/**
 * Dates of the reporting, not of the event: "police said Thursday", "said Denver police Friday", "(Published
 * Tuesday, March 13)", "was identified today", "a report released Monday".
 */
const REPORTING =
  /\b(?:said|says|say|told|announced|(?<!\b(?:was|were|been|being|shooting|shootings|robbery|robberies|incident|burglary|attack|gunfire|shots|stabbing|homicide|carjacking)\s+)reported|published|updated|posted|confirmed|added|arraigned|sentenced|appeared|pleaded|court|identified|released|issued)\s+(?:on\s+)?$|\b(?:said|says|told)\s+(?:[A-Z][\w.]*\s+){0,3}(?:police|officials|authorities|investigators|deputies|officers|troopers|detectives|spokes(?:man|woman|person))\s+(?:on\s+)?$/i;

/** An expression with a time of day: "about 2 a.m. Saturday", "Friday at approximately 11:26 p.m.". */
const CLOCK_FIRST = /\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\b|o'clock)/i;

/** Days that bound or schedule rather than date: "since Sept. 9", "scheduled for Friday", "until Monday". */
const NOT_THE_DAY =
  /\b(?:since|until|till|through|scheduled\s+for|set\s+for|slated\s+for|due|expected|will\s+\w+)\s+(?:on\s+|a\s+|an\s+)?$/i;

/**
 * Days of what followed an incident, not of the incident: "was arrested Monday in the shooting", "was recovering
 * Saturday after", "asked for the public's help Friday", "police on Monday were searching", "an autopsy today".
 */
const FOLLOW_UP_BEFORE =
  /\b(?:recovering|remained|remains|asking|searching|autopsy|vigil|funeral)\b[^.,;]{0,30}$/i;
const FOLLOW_UP_AFTER =
  /^[^.,;]{0,12}?\b(?:were|was|are|is)\s+(?:still\s+)?(?:searching|looking|asking|investigating|seeking|working\s+to\s+identify)\b/i;

const REPORTED_AFTER = /^\s*(?:identified|released|announced|named)\b/i;
/** "Police Wednesday said": a weekday before "said" (a calendar date there ends a subject: "a shootout on Feb. 16 told"). */
const SAID_AFTER = /^\s*(?:said|says|told|confirmed)\b/i;

const ARREST_BEFORE =
  /\b(?:arrested|charged|booked|jailed|indicted|arraigned|captured|detained)\b[^.,;]{0,30}$/i;
const ARREST_FOR =
  /^[^.;]{0,25}?\bon\s+(?:[\w-]+\s+){0,2}?(?:counts?|charges?)\s+of\b|^[^.;]{0,25}?\b(?:in|for|after|over)\s+(?:connection\s+with\s+)?(?:the|a|an|his|her|their|last\s+\w+'s)\s+(?:[\w-]+\s+){0,3}?(?:shooting|killing|death|murder|robbery|stabbing|homicide|attack|carjacking)s?\b/i;

/**
 * A day the text states for itself (a weekday, month, "yesterday", a holiday named as a day: "New Year's Day"), not a
 * bare clock time anchored elsewhere.
 */
const STATED_DAY =
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|yesterday|today|tonight|overnight|last\s+night|christmas\s+day|thanksgiving|easter|halloween|new\s+year'?s\s+day|valentine|independence\s+day|memorial\s+day|labor\s+day|\d{1,2}\/\d{1,2}|\d{4}-\d{2}/i;

/** Words that tell of someone hurt besides the dead: "another man was wounded", "injuring two others". */
const SECOND_VICTIM =
  /\b(?:another|a\s+second|other|others|two|three|four)\s+(?:[\w-]+\s+){0,3}?(?:was|were|is|are|has\s+been|have\s+been)?\s*(?:shot|wounded|injured|hurt|hospitali[sz]ed)\b|\b(?:wounding|injuring|wounded|injured|hurting)\s+(?:another|a\s+second|two|three|four|at\s+least|\d+)\b|\b(?:died|killed|dead)\b[^.;]{0,40}?\band\s+(?:a|an|one|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:was\s+|were\s+)?(?:shot|wounded|injured|hurt|hospitali[sz]ed)\b|(?:\band|,)\s+(?:another|a\s+second)\s+(?:[\w-]+\s+){0,2}?(?:was\s+|is\s+)?(?:wounded|injured|hurt|hospitali[sz]ed|taken\s+to|transported\s+to|rushed\s+to|airlifted|flown)\b|\bsurvived\b|\bnon-?life[- ]threatening\b|\bcritical\s+condition\b|\bstable\s+condition\b/i;

/** Injured as told, unless they are the dead told twice ("was shot ... died later") and no one else is said hurt. */
function survivors(text: string, killed: number | null, injured: number | null): number | null {
  if (killed !== null && killed >= 1 && injured !== null && injured <= killed && !SECOND_VICTIM.test(text))
    return null;
  return injured;
}

/** The text says none were hurt / killed (then the count is 0, not null). */
const NO_ONE_HURT =
  /\b(?:no\s+(?:one|injuries|other\s+injuries)|nobody)\s+(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+|had\s+been\s+)?(?:hurt|injured|wounded|reported)|\bno\s+injuries\b|\bno\s+injured\b/i;
/** "The officer was not injured": the one person in the telling was not hurt (not said of "other residents"). */
const NOT_HURT =
  /(?<!\b(?:other|others|also)\b[^.;]{0,90})\b(?:(?:was|were)\s+not|wasn't|weren't|wasn’t|weren’t)\s+(?:injured|hurt|wounded|struck)\b/i;
const NO_ONE_KILLED = /\b(?:no\s+one|nobody)\s+(?:was\s+)?(?:killed|died)|\bno\s+(?:deaths|fatalities)\b/i;

/** Whether a time is a usable event day: day-precise, stated, and not the date of a report about it. */
function eventDay(ctx: AnalysisContext, t: TimeExpression): boolean {
  if (!(t.type === "DATE" || t.type === "TIME") || !t.value || !DAY.test(t.value)) return false;
  if (!STATED_DAY.test(t.text)) return false;
  const before = ctx.text.slice(Math.max(0, t.start - 30), t.start);
  // "police said about 2 a.m. Saturday, a driver was ...", "police say on Friday at 11:26 p.m., a car was ...":
  // a clock time after "said" is the event's, not the report's
  const clocked =
    CLOCK_FIRST.test(t.text) ||
    /^\s*,?\s*(?:(?:just|shortly)\s+)?(?:after|before|around|about|at)?\s*\d{1,2}(?::\d{2})?\s*[ap]\.?m\b/i.test(
      ctx.text.slice(t.end, t.end + 30),
    );
  if ((REPORTING.test(before) && !clocked) || NOT_THE_DAY.test(before)) return false;
  // "between 10 p.m. Jan. 10 and 9 a.m. Jan. 11": the incident began at the first bound
  const span = /\bbetween\b([^;!?]{0,60})\band\s+$/i.exec(ctx.text.slice(Math.max(0, t.start - 70), t.start));
  if (span && STATED_DAY.test(span[1]!)) return false;
  // a dateline "(February 13, 2014)" dates the report
  if (/\(\s*$/.test(before) && /^\s*\)/.test(ctx.text.slice(t.end, t.end + 3))) return false;
  const clause = ctx.text.slice(Math.max(0, t.start - 60), t.start);
  if (
    FOLLOW_UP_BEFORE.test(clause) &&
    !/\b(?:shot|shooting|killed|stabbed|fired|robbed|wounded)\b[^.,;]*$/i.test(clause.slice(-35))
  )
    return false;
  // "was arrested Monday in the fatal shooting": the arrest's day, the shooting was before
  if (ARREST_BEFORE.test(clause) && ARREST_FOR.test(ctx.text.slice(t.end, t.end + 80))) return false;
  // "the coroner on Wednesday identified", "Authorities Wednesday released the names": the day of the report
  const next = ctx.text.slice(t.end, t.end + 30);
  if (REPORTED_AFTER.test(next) || (SAID_AFTER.test(next) && !/\d/.test(t.text))) return false;
  return !FOLLOW_UP_AFTER.test(ctx.text.slice(t.end, t.end + 40));
}

/** Entities with a mention inside [start, end), with the mention's start, in text order. */
function mentionsIn(
  entities: readonly Entity[],
  start: number,
  end: number,
): { id: string; type: string; at: number }[] {
  const out: { id: string; type: string; at: number }[] = [];
  for (const e of entities) {
    for (const m of e.mentions) {
      if (m.start >= start && m.end <= end) out.push({ id: e.id, type: e.type, at: m.start });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];
const max = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.max(a, b);

/** The most specific date among times in a span: a day nearest `near` (or the nearest of several anchors), else any DATE value. */
export function dateIn(
  ctx: AnalysisContext,
  start: number,
  end: number,
  near: number | readonly number[],
): string | null {
  const anchors = typeof near === "number" ? [near] : near;
  const gap = (at: number): number => Math.min(...anchors.map((a) => Math.abs(at - a)));
  const inside = ctx.times.filter(
    (t) =>
      t.start >= start &&
      t.end <= end &&
      t.value &&
      (t.type === "DATE" || t.type === "TIME") &&
      !/(?:copyright|©|\(c\))\s*$/i.test(ctx.text.slice(Math.max(0, t.start - 12), t.start)),
  );
  const days = inside.filter((t) => eventDay(ctx, t)).sort((a, b) => gap(a.start) - gap(b.start));
  if (days[0]) return days[0].value!.slice(0, 10);
  // coarser dates (a month, a week); a day rejected above (a reporting date, a bare clock time) is not used
  const other = inside.filter((t) => !/_REF$/.test(t.value!) && !DAY.test(t.value!) && t.type === "DATE");
  return other[0]?.value ?? null;
}

/**
 * A day for an attack whose own sentences give none: the nearest day-precise date within two sentences, else
 * for the first event of its kind in the article, the first one in the article that is not after the reference (reports name
 * the incident day early).
 */
function nearbyDay(ctx: AnalysisContext, sents: readonly Span[], i: number, lead: boolean): string | null {
  const days = ctx.times.filter((t) => eventDay(ctx, t));
  const from = sents[Math.max(0, i - 2)]!.start;
  const to = sents[Math.min(sents.length - 1, i + 2)]!.end;
  const at = sents[i]!.start;
  const near = days
    .filter((t) => t.start >= from && t.end <= to)
    .sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0];
  if (near) return near.value!.slice(0, 10);
  if (!lead) return null;
  const ref = ctx.reference?.slice(0, 10) ?? null;
  const past = days.map((t) => t.value!.slice(0, 10)).filter((v) => ref === null || v <= ref);
  return past.sort()[0] ?? null;
}

/** How much less an attack counts when it is background: no one hurt, and over a month before the report. */
const BACKGROUND = 60;
/**
 * How much less an attack with casualties counts when dated over a month before the report (a file photo's
 * "two men were shot on March 8, 2017"): enough to yield to a recent attack told as fully, not to outrank one alone.
 */
const PAST_CASUALTIES = 20;

/** Whether a date (a day, month or year) ended more than 30 days before the reference ("an armed robbery in 1977"). */
function background(date: string | null, reference: string | null): boolean {
  if (!date || !reference || !/^\d{4}(?:-\d{2}){0,2}$/.test(date)) return false;
  const [y, m, d] = date.split("-").map(Number) as [number, number | undefined, number | undefined];
  // the last day of the period: the day itself, the month's last day, or 31 December
  const last =
    d !== undefined ? Date.UTC(y, m! - 1, d) : m !== undefined ? Date.UTC(y, m, 0) : Date.UTC(y, 11, 31);
  const ref = Date.parse(reference.slice(0, 10));
  return Number.isFinite(ref) && ref - last > 30 * 86_400_000;
}

/** Whether two dates of attack mentions lie more than about three months apart (then they are different attacks). */
function farApart(a: string | null, b: string | null): boolean {
  const pa = periodOf(a);
  const pb = periodOf(b);
  if (!pa || !pb) return false;
  const gap = (x: string, y: string): number => (Date.parse(y) - Date.parse(x)) / 86_400_000;
  return gap(pa.end, pb.start) > 90 || gap(pb.end, pa.start) > 90;
}

interface Scored {
  readonly event: NewsEvent;
  readonly score: number;
}

/** How many sentences from an attack's own its telling may run. */
const TELLING = 4;

/** Attacks whose day was borrowed from a neighbouring sentence, not stated in their own. */
const BORROWED = new WeakSet<NewsEvent>();

/** Fill in an attack: casualties of its sentence and the two after it, actors before the trigger, targets after. */
function attack(
  ctx: AnalysisContext,
  sents: readonly Span[],
  i: number,
  trigger: number,
  lead: boolean,
): NewsEvent {
  const s = sents[i]!;
  let killed: number | null = null;
  let injured: number | null = null;
  let shot: number | null = null;
  // the day nearest any telling of the attack: "... questions today about the shooting in Dalby yesterday"
  const tellings = [...ctx.text.slice(s.start, s.end).matchAll(new RegExp(TRIGGERS[0]![1].source, "gi"))].map(
    (m) => s.start + m.index,
  );
  let date: string | null = dateIn(ctx, s.start, s.end, tellings.length > 0 ? tellings : trigger);
  let borrowed = false;
  // the telling goes on while no other attack is told; a sentence without casualties ("It happened in the 2700
  // block") is passed over for one close after it ("The victim's injury was not life-threatening")
  let quiet = 0;
  for (let j = i; j < Math.min(sents.length, i + TELLING); j++) {
    const sj = sents[j]!;
    const text = ctx.text.slice(sj.start, sj.end);
    if (j > i && TRIGGERS[0]![1].test(text)) break;
    if (j > i && !/\b(?:dead|died|death\s+toll|injur|wound|hurt|hospital|condition)/i.test(text)) {
      if (++quiet > 1) break;
      continue;
    }
    const qs: Quantity[] = ctx.quantities.filter((q) => q.start >= sj.start && q.end <= sj.end);
    const c = sentenceCasualties(text, qs);
    if (c.killed !== null) killed = Math.max(killed ?? 0, c.killed);
    if (c.shot) shot = Math.max(shot ?? 0, c.shot);
    else if (c.injured !== null) injured = Math.max(injured ?? 0, c.injured);
    if (date === null && j > i) {
      date = dateIn(ctx, sj.start, sj.end, sj.start);
      borrowed = date !== null;
    }
  }
  if (date === null || !DAY.test(date)) {
    // a day nearby refines a coarser date it falls in ("in January" ... "Jan. 21")
    const day = nearbyDay(ctx, sents, i, lead);
    if (day && (date === null || day.startsWith(date) || /_REF$|W\d|X/.test(date))) {
      date = day;
      borrowed = true;
    }
  }
  // "Two men were shot" and one died: the shot who did not die are the injured
  if (shot !== null) injured = max(injured, killed !== null && killed >= 1 ? shot - killed || null : shot);
  // one victim told twice ("was shot ... died later") is not also an injured person
  injured = survivors(ctx.text, killed, injured);
  // "no one was hurt" in the telling of this attack overrides a guess from a victim phrase
  const told = ctx.text.slice(s.start, sents[Math.min(sents.length - 1, i + 2)]!.end);
  if (
    (injured === null || injured === 1) &&
    (NO_ONE_HURT.test(told) || (killed === null && NOT_HURT.test(told)))
  )
    injured = 0;
  if (killed === null && NO_ONE_KILLED.test(told)) killed = 0;
  const ms = mentionsIn(ctx.entities, s.start, s.end);
  const actors = unique(ms.filter((m) => m.at < trigger && m.type !== "MISC").map((m) => m.id));
  const after = ms.filter((m) => m.at > trigger && m.type !== "MISC");
  const targets = unique(after.map((m) => m.id)).filter((id) => !actors.includes(id));
  const place = after.find((m) => m.type === "LOC")?.id ?? null;
  const event: NewsEvent = {
    start: s.start,
    end: s.end,
    text: ctx.text.slice(s.start, s.end),
    type: "attack",
    date,
    actors,
    targets: targets.slice(0, 3),
    place,
    killed,
    injured,
  };
  if (borrowed) BORROWED.add(event);
  return event;
}

/**
 * Find the events of an article, the main one first.
 *
 * @param ctx the analysis context: text, sentences (may be empty), entities (ids are used only from here),
 *   quotes (become statements), times (dates) and quantities (casualties)
 * @returns events, ordered by importance
 * @example
 * findEvents(ctx) // [{ type: "attack", date: "2025-08-28", killed: 23, ... }, { type: "meeting", ... }]
 */
export function findEvents(ctx: AnalysisContext): NewsEvent[] {
  const sents = ctx.sentences.length > 0 ? ctx.sentences : fallbackSentences(ctx.text);
  const scored: Scored[] = [];
  let lastAttack: { index: number; sentence: number } | null = null;
  sents.forEach((s, i) => {
    const text = ctx.text.slice(s.start, s.end);
    for (const [type, re] of TRIGGERS) {
      const m = re.exec(text);
      if (!m) continue;
      const trigger = s.start + m.index;
      if (type === "attack") {
        let e = attack(
          ctx,
          sents,
          i,
          trigger,
          i < sents.length / 2 || !scored.some((x) => x.event.type === "attack"),
        );
        let at = i;
        const near = lastAttack && i - lastAttack.sentence <= 3 ? scored[lastAttack.index] : undefined;
        // mentions dated months apart ("last Thursday" ... "first shelled in March 2022") are two attacks;
        // days apart ("shot Friday" ... "died Monday") one
        const prev = near && farApart(near.event.date, e.date) ? undefined : near;

        if (prev && lastAttack) {
          // one attack told over neighbouring sentences: keep the sentence that says most, merge the facts
          const p = prev.event;
          const says = (x: NewsEvent): number => (x.killed ?? 0) + (x.injured ?? 0) + (x.date ? 1 : 0);
          const base = says(e) > says(p) ? e : p;
          // a day the attack's own sentence states beats one borrowed from a neighbour
          const fromPrev = p.date !== null && !(BORROWED.has(p) && e.date !== null && !BORROWED.has(e));
          const borrowedDate = fromPrev ? BORROWED.has(p) : BORROWED.has(e);
          e = {
            ...base,
            date: fromPrev ? p.date : e.date,
            killed: max(p.killed, e.killed),
            injured: survivors(ctx.text, max(p.killed, e.killed), max(p.injured, e.injured)),
            actors: unique([...p.actors, ...e.actors]),
            targets: unique([...p.targets, ...e.targets]).slice(0, 3),
            place: p.place ?? e.place,
          };
          if (borrowedDate) BORROWED.add(e);
          at = sents.findIndex((x) => x.start === p.start);
          if (at < 0) at = i;
          scored.splice(lastAttack.index, 1);
        }
        const casualties = (e.killed ?? 0) + (e.injured ?? 0) / 2;
        lastAttack = { index: scored.length, sentence: i };
        scored.push({
          event: e,
          score:
            WEIGHT.attack +
            (casualties > 0 ? 40 + Math.min(casualties, 100) / 10 : 0) -
            at * 2 -
            (background(e.date, ctx.reference) ? (casualties === 0 ? BACKGROUND : PAST_CASUALTIES) : 0),
        });
      } else {
        const ms = mentionsIn(ctx.entities, s.start, s.end);
        const actors = unique(
          ms
            .filter(
              (x) => x.type === "PERSON" || x.type === "ORG" || (type !== "meeting" && x.type === "LOC"),
            )
            .map((x) => x.id),
        );
        const place =
          type === "meeting"
            ? (ms.find(
                (x) =>
                  x.type === "LOC" &&
                  /\b(?:in|at)\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(s.start, x.at - 8), x.at)),
              )?.id ?? null)
            : null;
        scored.push({
          event: {
            start: s.start,
            end: s.end,
            text,
            type,
            date:
              dateIn(ctx, s.start, s.end, trigger) ??
              (type === "other"
                ? nearbyDay(ctx, sents, i, !scored.some((x) => x.event.type === "other"))
                : null),
            actors,
            targets: [],
            place,
            killed: null,
            injured: null,
          },
          score: WEIGHT[type] - i * 0.5,
        });
      }
      break;
    }
  });
  const seen = new Set(scored.map((x) => `${x.event.start}`));
  for (const q of ctx.quotes) {
    const i = sents.findIndex((s) => s.start <= q.start && q.start < s.end);
    const s = sents[i];
    if (!s || seen.has(`${s.start}`)) continue;
    seen.add(`${s.start}`);
    scored.push({
      event: {
        start: q.start,
        end: q.end,
        text: q.text,
        type: "statement",
        date: dateIn(ctx, s.start, s.end, q.start),
        actors: q.speakerEntity ? [q.speakerEntity] : [],
        targets: [],
        place: null,
        killed: null,
        injured: null,
      },
      score: WEIGHT.statement - i * 0.1,
    });
  }
  const events = scored
    .sort((a, b) => b.score - a.score || a.event.start - b.event.start)
    .map((x) => x.event);
  return datedMain(ctx, events);
}

/**
 * The main attack or incident told without a day ("The homicide unit is investigating the shooting.", "a
 * burglary occurred sometime this weekend") takes the day of the
 * first attack mention that states one ("shot and killed a man on Thursday afternoon"), else of an incident
 * ("police responded ... Thursday"): a report tells one
 * incident over sentences too far apart to merge, and the dated mention is the same incident unless its date
 * lies months away.
 */
function datedMain(ctx: AnalysisContext, events: NewsEvent[]): NewsEvent[] {
  const main = events[0];
  if ((main?.type !== "attack" && main?.type !== "other") || (main.date !== null && DAY.test(main.date)))
    return events;
  const dated = events
    .filter(
      (e) => e !== main && (e.type === "attack" || e.type === "other") && e.date !== null && DAY.test(e.date),
    )
    .filter((e) => !background(e.date, ctx.reference) && (main.date === null || !farApart(main.date, e.date)))
    // an attack mention before an arrest or a call ("other")
    .sort((a, b) => Number(a.type !== "attack") - Number(b.type !== "attack") || a.start - b.start)[0];
  if (!dated) return events;
  return [{ ...main, date: dated.date }, ...events.slice(1)];
}

export { articleTimeline, deadlineStanding, type Period, periodOf, type TimelineItem } from "./timeline.ts";
