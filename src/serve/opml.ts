/** Read the feed outlines of an OPML document (bounded: at most `MAX_OPML_OUTLINES`, http(s) only). */
import { Parser } from "htmlparser2";
import { safeUrl } from "./html.ts";

/** Most feeds taken from one OPML file. */
export const MAX_OPML_OUTLINES = 2000;

export interface OpmlFeed {
  readonly url: string;
  readonly title: string | null;
  /** The enclosing outline's title (a folder), if any. */
  readonly category: string | null;
}

/**
 * The feeds an OPML document lists.
 *
 * @example parseOpml('<opml><body><outline text="News"><outline xmlUrl="https://x.example/rss" text="X"/></outline></body></opml>')
 * // [{ url: "https://x.example/rss", title: "X", category: "News" }]
 */
export function parseOpml(text: string): OpmlFeed[] {
  const feeds: OpmlFeed[] = [];
  const folders: (string | null)[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name.toLowerCase() !== "outline") return;
        const get = (k: string) =>
          Object.entries(attrs).find(([a]) => a.toLowerCase() === k.toLowerCase())?.[1] ?? null;
        const url = safeUrl(get("xmlUrl"));
        const title = get("title") ?? get("text");
        if (url && feeds.length < MAX_OPML_OUTLINES)
          feeds.push({ url, title, category: folders.findLast((f) => f !== null) ?? null });
        folders.push(url ? null : title);
      },
      onclosetag(name) {
        if (name.toLowerCase() === "outline") folders.pop();
      },
    },
    { xmlMode: true },
  );
  parser.write(text);
  parser.end();
  return feeds;
}
