/**
 * "Latest stories" and "Related" rails in saved pages: a short heading followed by headlines,
 * often with relative ages ("41 seconds", "2 hours ago") and bullet separators ("-").
 */
import type { RelatedItem } from "../../core/index.ts";

const RAIL_HEADING =
  /^(?:(?:the\s+)?(?:latest|related|more|top|trending|popular|most\s+(?:read|popular|viewed|shared|watched)|recommended|recent|editor'?s'?\s+picks?|also\s+read|read\s+(?:more|next|also)|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be interested in)|in\s+other\s+news|don'?t\s+miss|what\s+to\s+read\s+next|further\s+reading|see\s+also|more\s+from|stories\s+you\s+may\s+like|breaking|headlines)\b)[\w\s'’&:-]{0,40}$/i;

const AGE_UNIT = "(?:second|sec|minute|min|hour|hr|day|week|month|year)s?";
const AGE = new RegExp(
  `^(?:[-–—•·|]\\s*)?((?:\\d+|an?|one|a few)\\s+${AGE_UNIT}(?:\\s+ago)?|just now|moments? ago|yesterday|today|\\d+\\s*[smhdw](?:\\s+ago)?)\\s*(?:[-–—•·|])?$`,
  "i",
);
const BULLET = /^[-–—•·*|]+$/;

/** Longest line taken as a rail headline. */
const MAX_HEADLINE = 200;

/**
 * Whether a line is the heading of a rail ("Latest Stories", "Related", "Most read").
 *
 * @example isRailHeading("Latest Stories") // true
 * @example isRailHeading("Latest figures show inflation fell.") // false
 */
export function isRailHeading(line: string): boolean {
  const s = line.trim();
  return s.length > 0 && s.length <= 50 && !/[.!?,;]$/.test(s) && RAIL_HEADING.test(s);
}

/**
 * The relative age a line states, or null.
 *
 * @example parseAge("41 seconds -") // "41 seconds"
 * @example parseAge("2 hours ago") // "2 hours ago"
 */
export function parseAge(line: string): string | null {
  const m = AGE.exec(line.trim());
  return m ? m[1]!.trim() : null;
}

/** Whether a line is only a separator bullet. */
export function isBullet(line: string): boolean {
  return BULLET.test(line.trim());
}

/**
 * Whether a line could be an item of a rail: a headline (one short sentence at most), an age or a bullet.
 */
export function isRailLine(line: string): boolean {
  const s = line.trim();
  if (s === "" || isBullet(s) || parseAge(s) !== null) return true;
  if (s.length > MAX_HEADLINE) return false;
  // Headlines rarely hold two sentences.
  const sentences = s.split(/[.!?]["'”’]?\s+(?=[A-Z“"])/).length;
  return sentences <= 1;
}

/**
 * Turn the lines of a rail (after its heading) into items: each headline with the age that follows it.
 *
 * @example parseRailItems(["-", "Headline one", "41 seconds -", "Headline two", "2 hours"])
 *   // [{title: "Headline one", age: "41 seconds", url: null}, {title: "Headline two", age: "2 hours", url: null}]
 */
export function parseRailItems(lines: readonly string[]): RelatedItem[] {
  const items: RelatedItem[] = [];
  for (const raw of lines) {
    const s = raw.trim();
    if (s === "" || isBullet(s)) continue;
    const age = parseAge(s);
    const last = items[items.length - 1];
    if (age !== null) {
      if (last && last.age === null) items[items.length - 1] = { ...last, age };
      continue;
    }
    items.push({ title: s.replace(/^[-–—•·*]\s+/, "").replace(/\s+[-–—•·|]$/, ""), age: null, url: null });
  }
  return items;
}

/**
 * Whether a run of lines has the rhythm of a headless rail: at least three headlines each followed by an age.
 */
export function looksLikeAgedRail(lines: readonly string[]): boolean {
  const ages = lines.filter((l) => parseAge(l) !== null).length;
  const headlines = lines.filter((l) => l.trim() !== "" && !isBullet(l) && parseAge(l) === null).length;
  return ages >= 3 && ages >= headlines * 0.6;
}
