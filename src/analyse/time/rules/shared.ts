/**
 * What the recognition rules share: the candidate and rule shapes and small helpers.
 */
import { day } from "../calendar.ts";
import type { Env, Resolved } from "../resolve.ts";

/** A candidate span and how to resolve it once the context is known. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  /** Higher wins among candidates of equal extent. */
  readonly priority: number;
  /** "clock" for a bare time of day (may merge with a neighbouring day). */
  readonly kind: "clock" | "day" | "other";
  resolve(env: Env): Resolved | null;
}

export interface Rule {
  readonly name: string;
  readonly pattern: RegExp;
  readonly priority?: number;
  make(m: RegExpExecArray, text: string): Candidate | Omit<Candidate, "priority"> | null;
}

export const re = (source: string, flags = "gi"): RegExp => new RegExp(source, flags);
export const isCap = (s: string | undefined): boolean => !!s && /^[A-Z]/.test(s);
export const PREFIX_MOD =
  "(?:(?:the\\s+)?(?:end|beginning|start|middle|turn)\\s+of\\s+(?:the\\s+)?|(?:early|late|mid)(?:\\s+|-)|mid-?)";
export const PART = "(morning|afternoon|evening|night)";
export const TIME_WORDS = new Set([
  "In",
  "By",
  "Since",
  "Until",
  "On",
  "Last",
  "Next",
  "This",
  "Early",
  "Late",
  "Mid",
  "From",
  "Through",
  "During",
  "Before",
  "After",
  "Of",
  "And",
  "Or",
  "To",
  "Between",
  "Each",
  "Every",
  "Since",
  "The",
  "Until",
  "Till",
  "Throughout",
]);

/** The word before position i, or "". */
export function wordBefore(text: string, i: number): string {
  const m = /([A-Za-z][A-Za-z.'-]*)\s*$/.exec(text.slice(Math.max(0, i - 30), i));
  return m?.[1] ?? "";
}

/** Clock value "T14:05" from hour, minutes and an am/pm marker. */
export function clock(h: number, min: number, ampm: string | undefined): string | null {
  let hour = h;
  const a = ampm?.toLowerCase().replace(/\./g, "");
  if (a === "pm" && hour < 12) hour += 12;
  if (a === "am" && hour === 12) hour = 0;
  if (hour > 24 || min > 59) return null;
  return `T${String(hour).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

export function full(y: number | null, m: number, d: number): string {
  const yy = y === null ? "XXXX" : String(y).padStart(4, "0");
  return `${yy}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function validDay(y: number, m: number, d: number): boolean {
  const dt = day(y, m, d);
  return dt.getUTCMonth() + 1 === m && dt.getUTCDate() === d;
}
