import assert from "node:assert/strict";
import { test } from "node:test";
import { dateFromUrl, normaliseDate, parseLooseDate } from "./dates.ts";

test("ISO dates keep their own offset", () => {
  assert.equal(normaliseDate("2023-04-28 17:40:08+0200"), "2023-04-28T17:40:08+02:00");
  assert.equal(normaliseDate("2024-05-03T10:00:00.000Z"), "2024-05-03T10:00:00Z");
  assert.equal(normaliseDate("2024-05-03T10:00-04:00"), "2024-05-03T10:00:00-04:00");
  assert.equal(normaliseDate("2024-05-03"), "2024-05-03");
});

test("written-out dates become days", () => {
  assert.equal(parseLooseDate("Friday, 3 May 2024 10:00"), "2024-05-03");
  assert.equal(parseLooseDate("May 3, 2024"), "2024-05-03");
  assert.equal(parseLooseDate("03.05.2024"), "2024-05-03");
  assert.equal(parseLooseDate("3. März 2024"), "2024-03-03");
  assert.equal(normaliseDate("not a date"), null);
});

test("dates in URL paths", () => {
  assert.equal(dateFromUrl("https://example.com/2024/05/03/story"), "2024-05-03");
  assert.equal(dateFromUrl("https://example.com/news/20240503-story.html"), "2024-05-03");
  assert.equal(dateFromUrl("https://example.com/story-12345"), null);
});

test("month names in URL paths and day-first numeric dates", () => {
  assert.equal(dateFromUrl("https://example.com/blog/2023/october/03/wine-styles"), "2023-10-03");
  assert.equal(parseLooseDate("03/10/2023"), "2023-03-10");
  assert.equal(parseLooseDate("03/10/2023", true), "2023-10-03");
  assert.equal(parseLooseDate("25/10/2023"), "2023-10-25");
});
