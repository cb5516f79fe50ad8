/** Markup that only HTML has, looked for near the start of a document. */
const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<!--)/i;
const HTML_TAGS =
  /<(?:html|head|body|div|p|article|section|span|a\s|title|script|meta|br|h[1-6]|ul|table)\b[^>]*>/gi;

/**
 * Whether a decoded document is HTML (by content, not by name): a doctype or `<html>` at the start,
 * or several common HTML tags in the first 8 KB.
 *
 * @example looksLikeHtml("<!doctype html><p>Hi") // true
 * @example looksLikeHtml("Plain text page\nwith lines") // false
 */
export function looksLikeHtml(text: string): boolean {
  if (HTML_START.test(text)) return true;
  const head = text.slice(0, 8192);
  const tags = head.match(HTML_TAGS);
  return (tags?.length ?? 0) >= 3;
}
