/**
 * Author names from JSON-LD, meta tags and bylines: names only, without "By", roles, dates or e-mail.
 */
import { squash } from "./dom.ts";
import type { LdNode } from "./meta.ts";

/** "By" in the languages of the news we see, at the start of a byline. */
const BY =
  /^(?:(?:written|reported|words|text|story|reporting|posted|published|photos?|edited|reviewed|fact[- ]checked|updated|compiled|medically reviewed)\s+)?(?:by|von|par|por|door|af|av|przez|od|από|автор|от)\s*[:\-–]?\s+/i;
/** Separators between several names. */
const AND =
  /\s*(?:,|;|\/|&|\+|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bog\b|\boch\b|\ben\b|\bi\b|\bmit\b|\bwith\b)\s+|\s*[,;|]\s*/i;
/** Words that say the text is a role or an organisation's desk, not a person. */
const ROLE =
  /\b(?:correspondent|reporter|editor|writer|contributor|columnist|journalist|staff|producer|photographer|analyst|bureau|chief|senior|deputy|news desk|redaktion|korrespondent|autor|autorin|redakteur|redakteurin)\b/i;
const NOT_A_NAME =
  /^(?:admin|administrator|editor|editors|staff|guest|anonymous|unknown|team|null|undefined|author)$/i;

/**
 * Split and clean a byline or an author field into names.
 *
 * @param raw the text ("By Jane Doe and John Roe, Staff Writers")
 * @returns the names (["Jane Doe", "John Roe"])
 * @example parseAuthors("By Jane Doe and John Roe") // ["Jane Doe", "John Roe"]
 */
export function parseAuthors(raw: string): string[] {
  let s = squash(raw.replace(/&amp;/g, "&"))
    .replace(/^(?:author|autor|auteur|written by)\s*[:\s]\s*/i, "")
    .replace(/\S+@\S+\.\w+/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\(.*?\)/g, " ");
  s = squash(s).replace(BY, "");
  // Cut at a date or time ("Jane Doe | 3 May 2024", "Jane Doe Updated 10:00").
  s = s.replace(
    /\s*(?:[|•·–—-]\s*)?(?:updated|published|posted|aktualisiert|veröffentlicht|\d{1,2}[./:]\d{1,2}|\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$/i,
    "",
  );
  const names: string[] = [];
  for (let part of s.split(AND)) {
    part = squash(part.replace(BY, "").replace(/^[-–—:|•·]+|[-–—:|•·.]+$/g, ""));
    if (part === "" || NOT_A_NAME.test(part)) continue;
    if (ROLE.test(part) && names.length > 0) continue;
    if (ROLE.test(part) && part.split(/\s+/).length > 2) {
      part = squash(part.replace(new RegExp(`\\s*${ROLE.source}.*$`, "i"), ""));
      if (part === "") continue;
    }
    if (!/\p{L}/u.test(part) || /\d/.test(part)) continue;
    const words = part.split(/\s+/).length;
    if (words > 5 || part.length > 60) continue;
    if (!names.includes(part)) names.push(part);
  }
  return names;
}

/** Names of JSON-LD `author` values (Person first; organisations only when no person is named). */
export function ldAuthors(value: unknown): string[] {
  const people: string[] = [];
  const orgs: string[] = [];
  const list = Array.isArray(value) ? value : [value];
  for (const v of list.slice(0, 20)) {
    if (typeof v === "string") {
      if (/^https?:\/\//.test(v)) continue;
      people.push(...parseAuthors(v));
    } else if (v && typeof v === "object") {
      const o = v as LdNode;
      const name = typeof o.name === "string" ? o.name : Array.isArray(o.name) ? String(o.name[0] ?? "") : "";
      if (!name) continue;
      const type = String(o["@type"] ?? "").toLowerCase();
      const target = type.includes("organization") || type.includes("organisation") ? orgs : people;
      target.push(...parseAuthors(name));
    }
  }
  return dedupe(people.length > 0 ? people : orgs);
}

/** Unique names, case-insensitively, in order. */
export function dedupe(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const k = n.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(n);
  }
  return out;
}
