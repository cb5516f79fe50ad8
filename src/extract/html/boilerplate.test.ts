import assert from "node:assert/strict";
import { test } from "node:test";
import {
  classId,
  isBoilerplateClass,
  isHidden,
  isNeverArticle,
  isStrongBoilerplateClass,
  weakMayHoldProse,
} from "./boilerplate.ts";

test("boilerplate class words", () => {
  assert.equal(isBoilerplateClass("share-bar"), true);
  assert.equal(isBoilerplateClass("related-stories"), true);
  assert.equal(isBoilerplateClass("article-comments"), true);
  assert.equal(isBoilerplateClass("nav-links"), true);
  assert.equal(isBoilerplateClass("article-body nav-links"), false);
  assert.equal(isBoilerplateClass("elementor-widget-text-editor"), false);
  assert.equal(isBoilerplateClass("shareholder-report"), false);
  assert.equal(isStrongBoilerplateClass("newsletter-signup"), true);
  assert.equal(isStrongBoilerplateClass("g g6 promos"), true);
});

test("camelCase class names split into words", () => {
  const el = { attribs: { class: "NewsletterBox_root__rh9I2" } } as unknown as Parameters<typeof classId>[0];
  assert.equal(isBoilerplateClass(classId(el)), true);
});

test("weak words of page-builder blocks may hold prose; captions, bios and social posts may not", () => {
  assert.equal(weakMayHoldProse("ck-block ck-block--embed place"), true);
  assert.equal(weakMayHoldProse("toc-para"), true);
  assert.equal(weakMayHoldProse("wp-caption alignnone"), false);
  assert.equal(weakMayHoldProse("author-info"), false);
  assert.equal(weakMayHoldProse("wp-block-embed is-provider-twitter"), false);
});

test("consent prompts and comment threads never wrap an article; paywall and sidebar wrappers may", () => {
  assert.equal(isNeverArticle("onetrust-consent-sdk"), true);
  assert.equal(isNeverArticle("cookie-banner"), true);
  assert.equal(isNeverArticle("posts-page-comments-section"), true);
  assert.equal(isNeverArticle("paywall-article"), false);
  assert.equal(isNeverArticle("sidebar-grid__content"), false);
  assert.equal(isNeverArticle("comment-on-selection"), false);
});

test("embedded social posts and affiliate disclosures are boilerplate; disclosures never hold the article's prose", () => {
  assert.equal(isBoilerplateClass("twitter-tweet"), true);
  assert.equal(isBoilerplateClass("instagram-media"), true);
  assert.equal(isBoilerplateClass("affiliate-disclosure"), true);
  assert.equal(isBoilerplateClass("article-body tweet"), false);
  assert.equal(weakMayHoldProse("disclosure-box"), false);
});

test("footnotes, fact boxes, calls to action and sign-up boxes are boilerplate", () => {
  assert.equal(isBoilerplateClass("footnotes"), true);
  assert.equal(isBoilerplateClass("factbox"), true);
  assert.equal(isBoilerplateClass("infobox-wrapper"), true);
  assert.equal(isBoilerplateClass("call-to-action"), true);
  assert.equal(isStrongBoilerplateClass("sign-up-form"), true);
  assert.equal(isBoilerplateClass("footnote-ref"), false);
});

test("a page builder's class for conditionally hidden elements hides them", () => {
  const el = (cls: string) =>
    ({ name: "div", attribs: { class: cls } }) as unknown as Parameters<typeof isHidden>[0];
  assert.equal(isHidden(el("blog-cta w-condition-invisible")), true);
  assert.equal(isHidden(el("blog-cta")), false);
});

test("web-push prompts and author descriptions are boilerplate", () => {
  assert.equal(isStrongBoilerplateClass("article-webpush l-content-wrapper"), true);
  assert.equal(isBoilerplateClass("author-description"), true);
  assert.equal(weakMayHoldProse("author-card"), false);
});
