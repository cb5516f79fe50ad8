/**
 * What boilerplate looks like in markup: tags that never hold article text, hidden elements, ARIA
 * roles of page chrome, and class/id words of share bars, rails, comments, prompts and ads. General
 * rules only; nothing here names a site.
 */
import type { Element } from "domhandler";
import { attr } from "./dom.ts";

/** Tags removed with everything inside. */
/** AMP components that are ads, tracking, prompts, menus, share buttons or media, never article text. */
const AMP_CHROME = [
  "amp-ad",
  "amp-embed",
  "amp-sticky-ad",
  "amp-auto-ads",
  "amp-analytics",
  "amp-pixel",
  "amp-sidebar",
  "amp-consent",
  "amp-user-notification",
  "amp-geo",
  "amp-social-share",
  "amp-web-push-widget",
  "amp-subscriptions-dialog",
  "amp-list",
  "amp-iframe",
  "amp-img",
  "amp-anim",
  "amp-video",
  "amp-audio",
  "amp-youtube",
  "amp-twitter",
  "amp-instagram",
  "amp-facebook",
];

export const DROP_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "canvas",
  "iframe",
  "object",
  "embed",
  "video",
  "audio",
  "button",
  "input",
  "select",
  "textarea",
  "option",
  "nav",
  "dialog",
  "link",
  "meta",
  "head",
  "map",
  "area",
  "footer",
  "aside",
  "menu",
  "source",
  "picture",
  "img",
  "label",
  // AMP's components of page chrome and media (an AMP page's text is ordinary markup around them).
  ...AMP_CHROME,
]);

/** ARIA roles of page chrome. */
const DROP_ROLES = new Set([
  "navigation",
  "banner",
  "contentinfo",
  "complementary",
  "dialog",
  "alertdialog",
  "search",
  "menu",
  "menubar",
  "toolbar",
  "tablist",
  "button",
  "alert",
]);

function wordsRe(words: readonly string[]): RegExp {
  return new RegExp(`(?:^|[\\s_-])(?:${words.join("|")})(?=$|[\\s_-])`, "i");
}

/** Class/id words that mark boilerplate even next to a content word ("article-comments", "related-content"). */
const STRONG = wordsRe([
  "share",
  "shares",
  "sharing",
  "sharebar",
  "social",
  "socials",
  "comment",
  "comments",
  "disqus",
  "related",
  "recommended",
  "recommendation",
  "recommendations",
  "newsletter",
  "subscribe",
  "subscription",
  "sign-up",
  "signup",
  "cookie",
  "cookies",
  "consent",
  "gdpr",
  "promo",
  "promos",
  "advert",
  "advertisement",
  "ads",
  "adslot",
  "adunit",
  "sponsor",
  "sponsored",
  "sidebar",
  "breadcrumb",
  "breadcrumbs",
  "outbrain",
  "taboola",
  "paywall",
  "popup",
  "modal",
  "trending",
  "most-read",
  "mostread",
  "most-popular",
  "recirc",
  "recirculation",
  "more-stories",
  "read-next",
  "author-bio",
  "author-box",
  "about-author",
  "newsletter-signup",
  "screen-reader-text",
  "sr-only",
  "visually-hidden",
  "jump-link",
  "webpush",
  "web-push",
  "push-notifications",
  "upsell",
  "donate",
  "donation",
]);

/**
 * Strong words of what never wraps an article (consent prompts, comment threads, recommendation
 * widgets): removed even in the lenient reading that ignores other class words.
 */
const NEVER_ARTICLE = wordsRe([
  "comments",
  "disqus",
  "cookie",
  "cookies",
  "consent",
  "gdpr",
  "onetrust",
  "outbrain",
  "taboola",
  "recommended",
  "recommendations",
  "most-read",
  "mostread",
  "most-popular",
  "trending",
]);

/**
 * Whether class/id words mark something that never holds the article, whatever else they say.
 *
 * @example isNeverArticle("onetrust-consent-sdk") // true
 * @example isNeverArticle("paywall-article") // false
 */
export function isNeverArticle(names: string): boolean {
  return names.trim() !== "" && NEVER_ARTICLE.test(names);
}

/** Class/id words that mark boilerplate unless a content word is present too. */
const WEAK = wordsRe([
  "ad",
  "menu",
  "navbar",
  "navigation",
  "nav",
  "footer",
  "masthead",
  "overlay",
  "login",
  "tags",
  "tag-list",
  "taglist",
  "byline",
  "bio",
  "popular",
  "toolbar",
  "pagination",
  "pager",
  "rating",
  "reactions",
  "read-more",
  "readmore",
  "next-article",
  "prev-next",
  "post-navigation",
  "teaser",
  "teasers",
  "banner",
  "meta",
  "post-meta",
  "entry-meta",
  "article-meta",
  "dateline",
  "timestamp",
  "toc",
  "table-of-contents",
  "caption",
  "credit",
  "credits",
  "copyright",
  "disclaimer",
  "factbox",
  "infobox",
  "call-to-action",
  "footnotes",
  "disclosure",
  "tweet",
  "twitter-tweet",
  "instagram-media",
  "tiktok-embed",
  "feedback",
  "tooltip",
  "contact-form",
  "login-form",
  "search",
  "searchbar",
  "carousel",
  "slider",
  "gallery",
  "lightbox",
  "player",
  "audio-player",
  "video-player",
  "embed",
  "top-stories",
  "latest",
  "latest-news",
  "more-news",
  "topics",
  "keywords",
  "partner",
  "partners",
  "affiliate",
  "notice",
  "alert",
  "cta",
  "author-description",
  "author-card",
  "author-info",
  "publish-date",
]);

/** Weak words whose element is furniture even when it holds prose (captions, bios, calls to action). */
const NEVER_PROSE = wordsRe([
  "caption",
  "credit",
  "credits",
  "copyright",
  "disclaimer",
  "disclosure",
  "cta",
  "author-description",
  "author-card",
  "author-info",
  "bio",
  "byline",
  "meta",
  "post-meta",
  "entry-meta",
  "article-meta",
  "pagination",
  "pager",
  "slider",
  "carousel",
  "gallery",
  "lightbox",
  "login",
  "menu",
  "nav",
  "navbar",
  "navigation",
  "footer",
  "twitter",
  "tweet",
  "instagram",
  "tiktok",
]);

/**
 * Whether a weakly-marked element may still be the article's own prose ("embed", "toc", "banner"
 * blocks of page builders), unlike captions, bios, calls to action, sliders and social posts.
 *
 * @example weakMayHoldProse("ck-block--embed place") // true
 * @example weakMayHoldProse("wp-caption alignnone") // false
 */
export function weakMayHoldProse(names: string): boolean {
  return !NEVER_PROSE.test(names);
}

/** Words in class or id that mark content; they save an element from NEGATIVE. */
const POSITIVE =
  /(?:^|[\s_-])(?:article|articlebody|article-body|article-content|body|content|entry|entry-content|main|page|post|post-content|story|story-body|text|blog|prose|richtext|rich-text)(?=$|[\s_-])/i;

/** Class/id words of "Latest" / "Related" rails whose links go to `related`. */
export const RAIL =
  /(?:^|[\s_-])(?:related|latest|more-stories|more-news|read-next|recommended|recommendations|trending|most-read|mostread|most-popular|popular|top-stories|recirc|recirculation|teasers)(?=$|[\s_-])/i;

/** The class and id of an element, lower-cased. */
export function classId(el: Element): string {
  // camelCase and PascalCase (CSS modules: "NewsletterBox_root__x1") split into words.
  return `${attr(el, "class")} ${attr(el, "id")}`.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
}

/** Utility classes that hide an element. */
const HIDDEN_CLASS = /(?:^|\s)(?:hidden|d-none|is-hidden|hide|invisible|w-condition-invisible)(?:$|\s)/;

/**
 * Whether an element is hidden from readers (`hidden`, `aria-hidden`, `display:none`).
 *
 * @example isHidden(<div hidden>) // true
 */
export function isHidden(el: Element): boolean {
  if ("hidden" in el.attribs) return true;
  if (attr(el, "aria-hidden") === "true" && el.name !== "html" && el.name !== "body") return true;
  if (HIDDEN_CLASS.test(attr(el, "class"))) return true;
  const style = attr(el, "style");
  return style !== "" && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Whether an element's role marks page chrome. */
export function hasChromeRole(el: Element): boolean {
  const role = attr(el, "role").toLowerCase();
  return role !== "" && DROP_ROLES.has(role);
}

/**
 * Whether an element's class or id marks it as boilerplate (and nothing marks it as content).
 *
 * @example isBoilerplateClass("share-bar") // true
 * @example isBoilerplateClass("article-body nav-links") // false (content word present)
 */
export function isBoilerplateClass(names: string): boolean {
  if (names.trim() === "") return false;
  return STRONG.test(names) || (WEAK.test(names) && !POSITIVE.test(names));
}

/** Whether class/id words mark boilerplate that a content word does not excuse. */
export function isStrongBoilerplateClass(names: string): boolean {
  return names.trim() !== "" && STRONG.test(names);
}

/** Whether class/id words mark content. */
export function isContentClass(names: string): boolean {
  return POSITIVE.test(names);
}

/** Whether class/id words mark boilerplate, ignoring content words (for weighting, not removal). */
export function hasNegativeWord(names: string): boolean {
  return STRONG.test(names) || WEAK.test(names);
}
