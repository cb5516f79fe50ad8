/**
 * Author names from JSON-LD, meta tags and bylines: names only, without "By", roles, dates or e-mail.
 *
 * Sources are tried in order (the article's JSON-LD `author`, author meta tags, any JSON-LD `author`,
 * byline elements, a "By ..." text); the first that names a person wins. User handles ("jdoe") count
 * when no source names a person, and the site or an organisation only when nobody is named at all.
 */
import { type AnyNode, type Document, type Element, isTag } from "domhandler";
import { attr, findAll, findFirst, squash, walk } from "./dom.ts";
import type { LdNode, PageMeta } from "./meta.ts";

/** "By" in the languages of the news we see, at the start of a byline. */
const BY =
  /^(?:(?:written|reported|words|text|story|reporting|posted|published|edited|reviewed|fact[- ]checked|updated|compiled|medically reviewed|article|recipe|authored|created|insights?|interview|analysis|commentary|guest post|opinion|curated|produced)\s+)?(?:by|from|von|par|por|door|af|av|przez|od|από|автор|от)\s*[:\-–]?\s+/i;
/** A label that introduces a name in the next text ("Written by", "Author:", "Text by"). */
export const BYLINE_LABEL =
  /^(?:(?:(?:article|post|story)\s+)?(?:(?:written|reported|words|text|story|posted|published|edited|reviewed|fact[- ]checked|compiled|medically reviewed|article|recipe|authored|created|insights?|curated|produced|guest post)\s+)?(?:by|from|von|par|por|door|af|av)|(?:authors?|autor(?:in|en)?|auteur)(?:\s*\/\s*(?:authors?|autor(?:in|en)?|auteur))?|text|words)\s*:?$/iu;
/** Credits of photos, images and videos: never the article's author. */
const MEDIA_CREDIT =
  /^(?:photos?|images?|illustrations?|videos?|graphics?|pictures?|fotos?|bilder?|bild|grafik|foto\(s\))\s*(?:by|credit|courtesy|von|de|par|:)/i;
/** "written by" inside a sentence ("This post was written by Jane Doe, ..."). */
const BY_INSIDE = /\b(?:written|posted|reported|authored|created|compiled|edited)\s+by\s+(?=\p{Lu})/iu;
/** Separators between several names. */
const AND =
  /\s*(?:,|;|\/|&|\+|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bog\b|\boch\b|\ben\b|\bi\b|\bmit\b|\bwith\b)\s+|\s*[,;|]\s*/i;
/** Words of a desk's or team's credit ("Example Staff", "The Example editors"): not a person, kept when nobody is named. */
const DESK = /\b(?:staff|team|editors|editorial|desk|newsroom|redaktion|contributors?)\b/i;
/** Words that say the text is a role or an organisation's desk, not a person. */
const ROLE =
  /\b(?:correspondent|reporter|editor|writer|contributor|columnist|journalist|staff|producer|photographer|analyst|bureau|chief|senior|deputy|news desk|attorney|lawyer|expert|specialist|manager|director|founder|co-founder|ceo|cto|cfo|president|head of|officer|consultant|coordinator|strategist|intern|redaktion|korrespondent|autor|autorin|redakteur|redakteurin|journaliste|rédacteur|rédactrice|periodista|redactor|redactora)\b|(?:기자|특파원|記者|记者|特派員)$/i;
const NOT_A_NAME =
  /^(?:admin|administrator|editor|editors|staff|guest|anonymous|unknown|team|null|undefined|author|authors|name|bio|full bio|profile|about|about us|about the author|contact|follow|folgen|suivre|seguir|more|read more|view|view all|all posts|posts|articles|share|subscribe|home|menu|guide|login|sign in|website|homepage|twitter|facebook|linkedin|instagram|email|e-mail|this|that|the|our|my|your|us|me|him|her|them|it|you)$/i;
/** Weekday and month names (a date's start read as a name). */
const CALENDAR =
  /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|today|yesterday|heute|gestern|updated|published)$/i;
/**
 * Post-nominal letters (degrees, licences, fellowships) that follow a name after a comma: part of
 * that name's credit, not another author ("Jane Roe, MD, RD").
 */
const CREDENTIALS = new Set(
  "md do phd dphil dvm vmd rn lpn np pa pa-c ba bs bsc ma ms msc mba mph mpa mfa jd llm llb cpa cfa cfp cma rd rdn ld cdn cde cdces dds dmd od pharmd dc lpc lcsw lmft lcpc facp faclm fand foma dabom dacvb lvt vts cpt cscs ryt e-ryt mbbs frcp mrcp frcs dnp crnp aprn fnp-c ccc-slp otr pt dpt atc ibclc cnm cpm edd psyd phr sphr shrm-cp shrm-scp pmp cissp".split(
    " ",
  ),
);

/** Whether a text is nothing but post-nominal letters ("MD", "Ph.D.", "RDN, LD"). */
export function isCredential(text: string): boolean {
  const tokens = text
    .split(/[\s,]+/)
    .map((t) => t.replace(/\./g, "").toLowerCase())
    .filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => CREDENTIALS.has(t));
}

/** A date at the start of a byline, with the separator after it. */
const LEADING_DATE =
  /^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4})\s*(?:[·•|,–—-]\s*)?(?=\p{L})/iu;

/** Lower-case words that may stand inside a name ("Ludwig van Beethoven", "Ana de la Cruz"). */
const PARTICLES = new Set(
  "van von der den de del della di da das dos du la le les ten ter zu bin ibn al el y e af av ben bint mc st the of for".split(
    " ",
  ),
);

/**
 * Split and clean a byline or an author field into names.
 *
 * @param raw the text ("By Jane Doe and John Roe, Staff Writers")
 * @returns the names (["Jane Doe", "John Roe"])
 * @example parseAuthors("By Jane Doe and John Roe") // ["Jane Doe", "John Roe"]
 * @example parseAuthors("Von Anna Schmidt, Berlin") // ["Anna Schmidt"]
 */
export function parseAuthors(raw: string): string[] {
  let s = squash(raw.replace(/&amp;/g, "&"))
    .replace(/^(?:author|autor|auteur|written by)\s*[:\s]\s*/i, "")
    .replace(/\S+@\S+\.\w+/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\(.*?\)/g, " ")
    .replace(/^["“”„'‘’«»]+|["“”„'‘’«»]+$/g, "");
  if (BYLINE_LABEL.test(squash(s)) || MEDIA_CREDIT.test(squash(s))) return [];
  const inside = BY_INSIDE.exec(s);
  if (inside) {
    const before = s.slice(0, inside.index).trim().split(/\s+/).length;
    if (before >= 3 && before <= 8) s = s.slice(inside.index + inside[0].length);
  }
  // A date before the name ("Dec. 19, 2025 · Jane Doe") goes; a date after it ends the byline (below).
  s = squash(s).replace(LEADING_DATE, "").replace(BY, "");
  // Cut at a date or time ("Jane Doe | 3 May 2024", "Jane Doe Updated 10:00") or a place or time after
  // at/on/in ("Posted by Jane at 10:15", "Press Association in Leeds").
  s = s.replace(
    /\s*(?:[|•·–—-]\s*)?(?:updated|published|posted|aktualisiert|veröffentlicht|\d{1,2}[./:]\d{1,2}|\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$/i,
    "",
  );
  s = s.replace(/\s+(?:at|on|in)(?:\s+.*)?$/, "");
  const names: string[] = [];
  for (let part of s.split(AND)) {
    part = squash(part.replace(BY, "").replace(/^[-–—:|•·]+|[-–—:|•·.]+$/g, ""));
    part = part.replace(/^[^\p{L}\p{N}]+/u, "").replace(/["“”„'‘’«»]+$/g, "");
    if (part === "" || NOT_A_NAME.test(part) || CALENDAR.test(part.replace(/\.$/, ""))) continue;
    if (isCredential(part)) continue;
    if (ROLE.test(part) && names.length > 0) continue;
    if (ROLE.test(part) && part.split(/\s+/).length > 2) {
      const cut = squash(part.replace(new RegExp(`\\s*(?:${ROLE.source}).*$`, "i"), ""));
      if (cut.split(/\s+/).length >= 2) part = cut;
    }
    if (!/\p{L}/u.test(part) || /\d/.test(part)) continue;
    const words = part.split(/\s+/).length;
    if (words > 5 || part.length > 60) continue;
    // A single capitalised word after a full name is a place ("Jane Doe, Berlin"); an agency's
    // acronym is kept ("Jane Doe, dpa").
    if (words === 1 && names.some((n) => n.includes(" ")) && /^\p{Lu}\p{Ll}+$/u.test(part)) continue;
    if (!names.includes(part)) names.push(part);
  }
  return names;
}

/** Whether a text looks like a person's name as a byline writes it (capitalised words, particles). */
export function looksLikeName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.length > 5) return false;
  // Scripts without case (Chinese, Korean, Arabic ...) cannot be checked this way.
  if (!/[\p{Lu}\p{Ll}]/u.test(name)) return true;
  return words.every(
    (w) =>
      /^[\p{Lu}\p{Lt}]/u.test(w) ||
      PARTICLES.has(w.toLowerCase()) ||
      /^\P{L}/u.test(w) ||
      /^\p{Ll}['’]/u.test(w) ||
      DESK.test(w) ||
      ROLE.test(w),
  );
}

/** A user handle rather than a written name ("jdoe", "j.doe_42"). */
function isHandle(name: string): boolean {
  return /^[\p{Ll}\d._-]+$/u.test(name);
}

/** Handles of administrator and shared accounts, never a person. */
const GENERIC_HANDLE = /admin|webmaster|editor|staff|team|user\d*$|^wp|root|support|info|null|undefined/i;

/** Names of JSON-LD `author` values: people and organisations apart. */
export function ldAuthorsByKind(value: unknown): { people: string[]; orgs: string[] } {
  const people: string[] = [];
  const orgs: string[] = [];
  const stack: unknown[] = [value];
  let seen = 0;
  while (stack.length > 0 && seen++ < 40) {
    const v = stack.shift();
    if (Array.isArray(v)) {
      stack.unshift(...v.slice(0, 20));
      continue;
    }
    if (typeof v === "string") {
      if (/^https?:\/\//.test(v)) continue;
      people.push(...parseAuthors(v));
    } else if (v && typeof v === "object") {
      const o = v as LdNode;
      let name = typeof o.name === "string" ? o.name : Array.isArray(o.name) ? String(o.name[0] ?? "") : "";
      if (!name && (typeof o.givenName === "string" || typeof o.familyName === "string")) {
        name = [o.givenName, o.familyName].filter((x) => typeof x === "string").join(" ");
      }
      if (!squash(name)) continue;
      const type = String(o["@type"] ?? "").toLowerCase();
      const target = /organi[sz]ation|corporation|newsmedia|website|brand/.test(type) ? orgs : people;
      target.push(...parseAuthors(name));
    }
  }
  return { people: dedupe(people), orgs: dedupe(orgs) };
}

/** Names of JSON-LD `author` values (Person first; organisations only when no person is named). */
export function ldAuthors(value: unknown): string[] {
  const { people, orgs } = ldAuthorsByKind(value);
  return people.length > 0 ? people : orgs;
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

function key(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** A test for names that are the site's own (an organisation credited as author). */
export function siteNameTest(siteName: string | null, host: string | null): (name: string) => boolean {
  const site = siteName ? key(siteName) : "";
  const hostKey = host ? key(host.replace(/^www\./, "").replace(/\.[a-z]+$/i, "")) : "";
  return (name: string) => {
    const k = key(name);
    if (k === "") return true;
    if (/^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$/i.test(name)) return true;
    if (site && (k === site || k.includes(site) || site.includes(k))) return true;
    return hostKey !== "" && (k === hostKey || k.includes(hostKey) || hostKey.includes(k));
  };
}

/** Candidates of one source: names and how they were found. */
interface Found {
  readonly names: readonly string[];
  /** From markup whose structure says "author" (JSON-LD, meta, rel/itemprop=author): handles count. */
  readonly structured: boolean;
  /** Organisations named as such (JSON-LD `Organization`). */
  readonly orgs?: readonly string[];
}

/**
 * The article's authors.
 *
 * @param dom the parsed page
 * @param meta its metadata
 * @param ld the JSON-LD node of the article, if any
 * @param siteName the site's name if known
 * @param host the page's host if known
 * @returns names, people first; handles, then the site or an organisation, only when nobody is named
 */
export function pickAuthors(
  dom: Document,
  meta: PageMeta,
  ld: LdNode | null,
  siteName: string | null,
  host: string | null,
): string[] {
  const isSite = siteNameTest(siteName, host);
  const byId = new Map<string, LdNode>();
  for (const node of meta.ld) if (typeof node["@id"] === "string" && node.name) byId.set(node["@id"], node);
  // Authors given as {"@id": ...} references to Person nodes elsewhere in the graph.
  const resolve = (value: unknown): unknown => {
    const list = Array.isArray(value) ? value : [value];
    return list.map((v) => {
      if (v && typeof v === "object" && !(v as LdNode).name && typeof (v as LdNode)["@id"] === "string") {
        return byId.get((v as LdNode)["@id"] as string) ?? v;
      }
      return v;
    });
  };
  const fromLd = (value: unknown): Found => {
    const { people, orgs } = ldAuthorsByKind(resolve(value));
    return { names: people, orgs, structured: true };
  };
  const sources: (() => Found)[] = [
    () => (ld?.author ? fromLd(ld.author) : { names: [], structured: true }),
    () => ({ names: metaAuthors(meta), structured: true }),
    () => {
      const all = meta.ld.filter((node) => node.author).map((node) => fromLd(node.author));
      return {
        names: all.flatMap((f) => f.names),
        orgs: all.flatMap((f) => f.orgs ?? []),
        structured: true,
      };
    },
    () => bylineAuthors(dom),
  ];
  // The first source naming a person wins; then handles; then organisations and the site itself.
  let handles: string[] = [];
  let fallback: string[] = [];
  for (const source of sources) {
    const found = source();
    const people = found.names.filter(
      (n) => !isSite(n) && !isHandle(n) && !NOT_A_NAME.test(n) && !DESK.test(n) && !ROLE.test(n),
    );
    if (people.length > 0) return dedupe(people);
    if (handles.length === 0 && found.structured)
      handles = found.names.filter((n) => isHandle(n) && !isSite(n) && !GENERIC_HANDLE.test(n));
    if (fallback.length === 0)
      fallback = [...found.names, ...(found.orgs ?? [])].filter((n) => !isHandle(n) || isSite(n));
  }
  return dedupe(handles.length > 0 ? handles : fallback);
}

/** Names from author meta tags (not profile URLs). */
function metaAuthors(meta: PageMeta): string[] {
  const out: string[] = [];
  // Scholarly pages list every author in `citation_author` (one tag each); `author` often holds the first.
  for (const key of [
    "citation_author",
    "citation_authors",
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "byl",
    "dcterms.creator",
  ]) {
    for (const v of meta.meta.get(key) ?? []) {
      if (/^https?:\/\//.test(v) || /facebook\.com|twitter\.com/.test(v) || /^\d+$/.test(v)) continue;
      // One author per citation tag, often written "Family, Given".
      const inverted = key.startsWith("citation_") ? /^([^,]+),\s*([^,]+)$/.exec(v) : null;
      out.push(...parseAuthors(inverted ? `${inverted[2]} ${inverted[1]}` : v));
    }
    if (out.length > 0) break;
  }
  return out;
}

/** Byline elements: `rel=author`, `itemprop=author`, classes naming an author or byline. */
const BYLINE_CLASS = /author|byline|writer|contributor/i;
/** A text that is a byline by itself ("By Jane Doe", "Written by Jane Doe"). */
const BYLINE_TEXT = /^(?:by|written by|words by|posted by|author:|von|par|por)\s+\p{Lu}/iu;
/** Longest byline element read. */
const MAX_BYLINE_ELEMENT = 160;
/** How many byline elements are read. */
const MAX_BYLINE_ELEMENTS = 10;

function markedAuthor(el: Element): boolean {
  return attr(el, "rel").toLowerCase() === "author" || attr(el, "itemprop").toLowerCase() === "author";
}

/** Names from byline elements, else from a "By ..." text. */
function bylineAuthors(dom: Document): Found {
  const candidates = findAll(
    dom,
    (el) =>
      markedAuthor(el) ||
      (el.name !== "body" &&
        el.name !== "html" &&
        el.name !== "article" &&
        BYLINE_CLASS.test(attr(el, "class"))),
  ).slice(0, MAX_BYLINE_ELEMENTS);
  let short: Found | null = null;
  for (const el of candidates) {
    const parent = el.parent && isTag(el.parent) ? el.parent : null;
    const structured = markedAuthor(el) || (parent !== null && markedAuthor(parent));
    const nameEl = findFirst(el, (x) => attr(x, "itemprop") === "name") ?? el;
    // Text by text, so that a name is not glued to the date or role that follows it.
    const parts = textParts(nameEl);
    if (parts.join(" ").length > MAX_BYLINE_ELEMENT) continue;
    for (let i = 0; i < parts.length; i++) {
      const labelled = BYLINE_LABEL.test(parts[i]!);
      const part = labelled ? (parts[i + 1] ?? "") : parts[i]!;
      // A single word is a name only where the markup or a "By" says so (not a section or a place).
      const marked = structured || labelled || BY.test(part) || /author/i.test(attr(el, "class"));
      const names = parseAuthors(part).filter(
        (n) =>
          (looksLikeName(n) && (marked || n.includes(" "))) ||
          (structured && isHandle(n) && !GENERIC_HANDLE.test(n)),
      );
      if (names.length === 0) continue;
      // Initials in an avatar ("JD") only when no fuller name follows.
      if (names.every((n) => /^\p{Lu}{1,3}$/u.test(n))) {
        short ??= { names, structured };
        continue;
      }
      return { names, structured };
    }
  }
  const text = bylineFromText(dom);
  if (text.length > 0) return { names: text, structured: false };
  return short ?? { names: [], structured: false };
}

/** The non-empty texts under an element, each squashed. */
function textParts(el: Element): string[] {
  const out: string[] = [];
  walk(el, (x) => {
    for (const c of x.children) if (c.type === "text") out.push(squash((c as { data: string }).data));
    return x.name !== "script" && x.name !== "style";
  });
  for (const c of el.children) if (c.type === "text") out.unshift(squash((c as { data: string }).data));
  return out.filter(Boolean);
}

/** Longest text read as a byline. */
const MAX_BYLINE_TEXT = 80;
/** How many texts are searched for a byline. */
const BYLINE_SCAN_TEXTS = 600;

/** A byline in the text: "By Jane Doe", or a "Written by" label followed by the name. */
/** Elements whose text is never a byline. */
const SKIPPED_TAGS = new Set(["script", "style", "head", "nav", "noscript", "template"]);

function bylineFromText(dom: Document): string[] {
  // Texts in document order ("<li><b>Author</b> Jane Doe</li>": the label, then the name).
  const texts: string[] = [];
  const stack: AnyNode[] = [dom];
  while (stack.length > 0 && texts.length <= BYLINE_SCAN_TEXTS) {
    const n = stack.pop()!;
    if (n.type === "text") {
      const t = squash((n as { data: string }).data);
      if (t !== "") texts.push(t);
      continue;
    }
    if (isTag(n) && SKIPPED_TAGS.has(n.name)) continue;
    if ("children" in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!;
    if (t.length > MAX_BYLINE_TEXT) continue;
    let candidate: string | null = null;
    if (BYLINE_TEXT.test(t)) candidate = t;
    else if (BYLINE_LABEL.test(t) && texts[i + 1] && texts[i + 1]!.length <= MAX_BYLINE_TEXT)
      candidate = texts[i + 1]!;
    if (!candidate) continue;
    // After a bare label, only a full name (a label in a menu is followed by the next menu item).
    const words = (n: string) => n.split(" ").length;
    const names = parseAuthors(candidate).filter(
      (n) => looksLikeName(n) && words(n) <= 4 && (candidate === t || words(n) >= 2),
    );
    if (names.length > 0) return names;
  }
  return [];
}
