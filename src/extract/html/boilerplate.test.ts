import assert from "node:assert/strict";
import { test } from "node:test";
import { classId, isBoilerplateClass, isStrongBoilerplateClass } from "./boilerplate.ts";

test("boilerplate class words", () => {
  assert.equal(isBoilerplateClass("share-bar"), true);
  assert.equal(isBoilerplateClass("related-stories"), true);
  assert.equal(isBoilerplateClass("article-comments"), true);
  assert.equal(isBoilerplateClass("nav-links"), true);
  assert.equal(isBoilerplateClass("article-body nav-links"), false);
  assert.equal(isBoilerplateClass("elementor-widget-text-editor"), false);
  assert.equal(isBoilerplateClass("shareholder-report"), false);
  assert.equal(isStrongBoilerplateClass("newsletter-signup"), true);
});

test("camelCase class names split into words", () => {
  const el = { attribs: { class: "NewsletterBox_root__rh9I2" } } as unknown as Parameters<typeof classId>[0];
  assert.equal(isBoilerplateClass(classId(el)), true);
});
