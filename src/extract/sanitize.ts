/**
 * Sanitised HTML of an article body for the reader: no scripts, styles, event handlers, forms or
 * `javascript:` URLs; iframes only from an allowlist of embed hosts; links made absolute and opened
 * without an opener. Uses sanitize-html (allowlist based). Serve the result under a Content-Security-Policy.
 */
import sanitizeHtml from "sanitize-html";

/** Hosts whose iframes (video and social embeds) are kept. */
export const EMBED_HOSTS: readonly string[] = [
  "www.youtube.com",
  "www.youtube-nocookie.com",
  "player.vimeo.com",
  "www.dailymotion.com",
  "platform.twitter.com",
  "embed.bsky.app",
  "www.instagram.com",
  "open.spotify.com",
  "w.soundcloud.com",
  "www.facebook.com",
  "www.tiktok.com",
  "datawrapper.dwcdn.net",
  "flo.uri.sh",
];

const ALLOWED_TAGS = [
  "p",
  "br",
  "hr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "q",
  "cite",
  "pre",
  "code",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "a",
  "b",
  "strong",
  "i",
  "em",
  "u",
  "s",
  "small",
  "sub",
  "sup",
  "mark",
  "abbr",
  "time",
  "figure",
  "figcaption",
  "img",
  "picture",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
  "caption",
  "iframe",
  "span",
  "div",
  "section",
  "article",
];

/**
 * Sanitise article HTML for display.
 *
 * @param html the body HTML (untrusted)
 * @param baseUrl the page's address, to make relative links and images absolute
 * @returns HTML safe to insert into the reader
 * @example sanitizeArticleHtml('<p onclick="x()">Hi<script>bad()</script></p>') // "<p>Hi</p>"
 */
export function sanitizeArticleHtml(html: string, baseUrl?: string): string {
  const absolute = (value: string): string | null => {
    try {
      const url = baseUrl ? new URL(value, baseUrl) : new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch {
      return baseUrl ? null : value.startsWith("/") || !/^[a-z][\w+.-]*:/i.test(value) ? value : null;
    }
  };
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ["href", "title", "rel"],
      img: ["src", "alt", "title", "width", "height", "loading"],
      iframe: ["src", "width", "height", "title", "allowfullscreen"],
      time: ["datetime"],
      td: ["colspan", "rowspan"],
      th: ["colspan", "rowspan", "scope"],
      blockquote: ["cite"],
    },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesByTag: { img: ["http", "https", "data"] },
    allowProtocolRelative: false,
    allowedIframeHostnames: [...EMBED_HOSTS],
    disallowedTagsMode: "discard",
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "title"],
    transformTags: {
      a: (tagName, attribs) => {
        const href = attribs.href ? absolute(attribs.href) : null;
        const out: Record<string, string> = { rel: "noopener noreferrer nofollow" };
        if (href) out.href = href;
        if (attribs.title) out.title = attribs.title;
        return { tagName, attribs: out };
      },
      img: (tagName, attribs) => {
        const src = attribs.src ? absolute(attribs.src) : null;
        const out: Record<string, string> = { ...attribs, loading: "lazy" };
        if (src) out.src = src;
        else delete out.src;
        return { tagName, attribs: out };
      },
    },
    exclusiveFilter: (frame) => (frame.tag === "img" || frame.tag === "iframe") && !frame.attribs.src,
  });
}
