/**
 * The page's headline candidates: `<h1>` and `itemprop=headline` elements, each marked when it sits in
 * page chrome (a masthead logo, navigation, a footer, a dialog) rather than with the article.
 */
import { type Document, type Element, isTag } from "domhandler";
import { attr, findAll, squash, textOf } from "./dom.ts";
import { decodeEntities } from "./entities.ts";

export interface Heading {
  readonly text: string;
  /** In site chrome: a logo, the masthead, navigation, a footer, a dialog or a screen-reader label. */
  readonly chrome: boolean;
}

/** How many headline elements are read. */
const MAX_HEADINGS = 8;

/** Ancestors that are chrome whatever their class. */
const CHROME_TAGS = new Set(["nav", "footer", "aside", "dialog", "menu", "a", "button", "label"]);
const CHROME_ROLES =
  /^(?:banner|navigation|contentinfo|complementary|dialog|alertdialog|menu|menubar|search)$/i;
/** Class/id words of mastheads, logos, menus and hidden labels. */
const CHROME_WORDS =
  /(?:^|[\s_-])(?:logo|site-?title|site-?name|site-?branding|branding|brand|masthead|site-?header|global-?header|global-?nav|navbar|nav|menu|menu-?toggle|topbar|top-?bar|screen-?reader-?text|sr-only|visually-?hidden)(?=$|[\s_-])/i;
/** How far up class words are looked for (near ancestors only: a page wrapper's class says nothing). */
const CLASS_DEPTH = 3;

/**
 * Whether a heading element sits in page chrome.
 *
 * @example isChromeHeading(h1InsideHeaderRoleBanner) // true
 */
export function isChromeHeading(el: Element): boolean {
  let depth = 0;
  for (let e: Element | null = el; e; e = e.parent && isTag(e.parent) ? e.parent : null, depth++) {
    if (e !== el && CHROME_TAGS.has(e.name)) return true;
    if (e.name === "article" || e.name === "main" || e.name === "body" || attr(e, "role") === "main")
      return false;
    if (CHROME_ROLES.test(attr(e, "role"))) return true;
    if (depth <= CLASS_DEPTH && CHROME_WORDS.test(`${attr(e, "class")} ${attr(e, "id")}`)) return true;
  }
  return false;
}

/** How many section headings (`<h2>`, `<h3>`) are read for headlines shown in the article. */
const MAX_SHOWN = 60;

/**
 * The headline candidates of a page, in document order, and the parts of headlines split into
 * kicker and title (`<h1><span>Kicker</span><span>Title</span></h1>`); `shown` holds the texts of the
 * `<h2>`/`<h3>` headings outside the chrome, and their parts when split the same way (a page may show
 * the article's headline as one of them below an `<h1>` of the page's header).
 */
export function pageHeadings(dom: Document): { headings: Heading[]; parts: string[]; shown: string[] } {
  const els = findAll(dom, (el) => el.name === "h1" || attr(el, "itemprop") === "headline").slice(
    0,
    MAX_HEADINGS,
  );
  const headings: Heading[] = [];
  const parts: string[] = [];
  for (const el of els) {
    const text = squash(decodeEntities(textOf(el)));
    if (text === "") continue;
    headings.push({ text, chrome: isChromeHeading(el) });
    const kids = el.children.filter(isTag);
    if (kids.length >= 2) for (const c of kids) parts.push(squash(decodeEntities(textOf(c))));
  }
  const shown: string[] = [];
  const subs = findAll(dom, (el) => el.name === "h2" || el.name === "h3").slice(0, MAX_SHOWN);
  for (const el of subs) {
    if (isChromeHeading(el)) continue;
    const text = squash(decodeEntities(textOf(el)));
    if (text === "") continue;
    shown.push(text);
    const kids = el.children.filter(isTag);
    if (kids.length >= 2) for (const c of kids) shown.push(squash(decodeEntities(textOf(c))));
  }
  return { headings, parts, shown };
}
