import { html, type SafeHtml } from "../html.ts";

/** The sections of the reader, in the header's order. */
const NAV = [
  ["/", "Desk", "d"],
  ["/search", "Search", "s"],
  ["/quotes", "Quotes", "q"],
  ["/deadlines", "Deadlines", "l"],
  ["/sources", "Sources", "r"],
] as const;

/**
 * The page frame: skip link, header with navigation and search, main content, keyboard help; our own
 * CSS and JS only (CSP), and every page complete without the JS.
 *
 * @param title the page's title (escaped)
 * @param body the page's content
 * @param options the current section (marked with aria-current), the search box's value, extra head links
 */
export function layout(
  title: string,
  body: SafeHtml,
  options: { section?: string; q?: string; head?: SafeHtml } = {},
): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title} · Lede</title>
<link rel="icon" href="/static/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/app.css">
${options.head ?? ""}
<script src="/static/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
<a class="brand" href="/">Lede</a>
<nav aria-label="Sections"><ul>${NAV.map(
    ([href, label, key]) =>
      html`<li><a href="${href}" data-key="${key}"${options.section === href ? html` aria-current="page"` : ""}>${label}</a></li>`,
  )}</ul></nav>
<form action="/search" method="get" role="search"><label class="sr-only" for="top-q">Search</label><input id="top-q" type="search" name="q" value="${options.q ?? ""}" placeholder="Search  ( / )" autocomplete="off"></form>
<button type="button" class="theme" id="theme" aria-label="Switch light or dark" hidden>◐</button>
</header>
<main id="main" tabindex="-1">${body}</main>
<footer class="bottom"><p>Keyboard: <kbd>/</kbd> search · <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>o</kbd> open · <kbd>g</kbd> then <kbd>d</kbd> desk, <kbd>q</kbd> quotes, <kbd>l</kbd> deadlines, <kbd>s</kbd> search, <kbd>r</kbd> sources · <kbd>1</kbd>–<kbd>7</kbd> highlights · <kbd>?</kbd> help. <a href="/api/openapi.json">API</a></p></footer>
</body>
</html>`.value;
}
