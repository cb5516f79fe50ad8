import assert from "node:assert/strict";
import { test } from "node:test";
import { sanitizeArticleHtml } from "./sanitize.ts";

test("scripts, styles, handlers and javascript: URLs go", () => {
  const out = sanitizeArticleHtml(
    '<p onclick="steal()">Hi<script>bad()</script><style>p{}</style> <a href="javascript:alert(1)">x</a></p>',
  );
  assert.doesNotMatch(out, /script|style|onclick|javascript/i);
  assert.match(out, /<p>Hi/);
});

test("iframes only from embed hosts", () => {
  const out = sanitizeArticleHtml(
    '<iframe src="https://www.youtube.com/embed/abc"></iframe><iframe src="https://evil.example/x"></iframe>',
  );
  assert.match(out, /youtube\.com\/embed\/abc/);
  assert.doesNotMatch(out, /evil\.example/);
});

test("relative links become absolute and open without opener", () => {
  const out = sanitizeArticleHtml(
    '<a href="/story">More</a><img src="pic.jpg" alt="A">',
    "https://example.com/news/",
  );
  assert.match(out, /href="https:\/\/example\.com\/story"/);
  assert.match(out, /rel="noopener noreferrer nofollow"/);
  assert.match(out, /src="https:\/\/example\.com\/news\/pic\.jpg"/);
});
