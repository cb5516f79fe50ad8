import { html, type SafeHtml } from "../html.ts";

/** The page frame: header with search, main content, our own CSS and JS only (CSP). */
export function layout(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Lede</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<header class="top"><a class="brand" href="/">Lede</a>
<form action="/search" method="get" role="search"><input type="search" name="q" placeholder="Search the desk" aria-label="Search"></form>
</header>
<main>${body}</main>
</body>
</html>`.value;
}
