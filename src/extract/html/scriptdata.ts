/**
 * Article markup that a client-rendered page carries only in its scripts' data: the body as an HTML
 * string inside JSON state (`__NEXT_DATA__`, `window.__STATE__ = {...}`) or inside the string payloads
 * of a streamed render (`self.__next_f.push([1, "..."])`, where it is escaped twice). Read only when the
 * page's own markup yields no article.
 */

/** Scripts longer than this are not searched. */
const MAX_SCRIPT = 4_000_000;
/** Shortest string literal searched (an article's markup is longer). */
const MIN_LITERAL = 200;
/** Paragraph tags a fragment needs to be an article body. */
const MIN_PARAGRAPHS = 3;
/** Characters of text (tags removed) a fragment needs. */
const MIN_TEXT = 400;
/** String literals decoded at most per page (bounded work on pages with huge state). */
const MAX_LITERALS = 5000;

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const LITERAL = /"((?:[^"\\\n]|\\.)*)"/g;
const PARAGRAPH = /<p[\s>]/gi;
/** Placeholders a template leaves for ads or widgets ("$$ARTICLEAD$$", "{{AD_SLOT}}"). */
const PLACEHOLDER = /\$\$[A-Z0-9_]+\$\$|\{\{\s*[A-Z0-9_]+\s*\}\}/g;

function textLengthOf(fragment: string): number {
  return fragment
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim().length;
}

function decode(literal: string): string | null {
  try {
    const v: unknown = JSON.parse(`"${literal}"`);
    return typeof v === "string" ? v : null;
  } catch {
    return null;
  }
}

/**
 * The HTML fragment in the page's script data that reads most like an article body (several
 * paragraphs, the most text), or null.
 *
 * @example scriptArticleHtml('<script>window.S={"body":"<p>One ...</p><p>Two ...</p><p>Three ...</p>"}</script>')
 */
export function scriptArticleHtml(html: string): string | null {
  let best: string | null = null;
  let bestText = 0;
  let budget = MAX_LITERALS;
  const consider = (s: string, depth: number) => {
    LITERAL.lastIndex = 0;
    const literals: string[] = [];
    for (let m = LITERAL.exec(s); m && budget > 0; m = LITERAL.exec(s)) {
      if (m[1]!.length < MIN_LITERAL) continue;
      budget--;
      literals.push(m[1]!);
    }
    for (const lit of literals) {
      const v = decode(lit);
      if (v === null) continue;
      const paragraphs = v.match(PARAGRAPH)?.length ?? 0;
      if (paragraphs >= MIN_PARAGRAPHS && !v.includes('\\"')) {
        const n = textLengthOf(v);
        if (n >= MIN_TEXT && n > bestText) {
          best = v;
          bestText = n;
        }
      } else if (depth === 0 && v.includes('\\"')) {
        // A payload holding JSON of its own (a streamed render's chunk): its strings are escaped again.
        consider(v, 1);
      }
    }
  };
  SCRIPT.lastIndex = 0;
  for (let m = SCRIPT.exec(html); m; m = SCRIPT.exec(html)) {
    const body = m[2]!;
    if (/ld\+json/i.test(m[1]!) || body.length > MAX_SCRIPT) continue;
    if (!/\\u003cp|<p[\s>]|\\\\u003cp/i.test(body)) continue;
    consider(body, 0);
  }
  return best === null ? null : (best as string).replace(PLACEHOLDER, " ");
}
