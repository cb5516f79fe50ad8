import assert from "node:assert/strict";
import { test } from "node:test";
import type { Article } from "../../core/index.ts";
import { analyse } from "../analyse.ts";
import { articleTimeline, deadlineStanding, periodOf } from "./timeline.ts";

function article(text: string, published: string): Article {
  return {
    url: null,
    title: null,
    authors: [],
    published,
    modified: null,
    language: "en",
    siteName: null,
    text,
    blocks: [],
    related: [],
  };
}

test("periods of TIMEX3 values", () => {
  assert.deepEqual(periodOf("2025-08-28T14:00"), { start: "2025-08-28", end: "2025-08-28" });
  assert.deepEqual(periodOf("2024-02"), { start: "2024-02-01", end: "2024-02-29" });
  assert.deepEqual(periodOf("2025-W36"), { start: "2025-09-01", end: "2025-09-07" });
  assert.deepEqual(periodOf("2025-W35-WE"), { start: "2025-08-30", end: "2025-08-31" });
  assert.deepEqual(periodOf("2025-Q3"), { start: "2025-07-01", end: "2025-09-30" });
  assert.deepEqual(periodOf("2025-SU"), { start: "2025-06-01", end: "2025-08-31" });
  assert.deepEqual(periodOf("199"), { start: "1990-01-01", end: "1999-12-31" });
  assert.equal(periodOf("PAST_REF"), null);
  assert.equal(periodOf("P2W"), null);
});

test("an article's items in date order, each with where its date came from", () => {
  const text =
    "Last Thursday rebels fired 120 rockets at Brevik, killing 14 people. " +
    'On 22 August the minister gave the union "a couple of weeks" to respond. ' +
    "The city was first shelled in March 2022.";
  const a = analyse(article(text, "2025-09-01"), { reference: "2025-09-01" });
  const items = articleTimeline(a);
  const dates = items.map((i) => [i.kind, i.date, i.dated]);
  // the 2022 shelling first, the attack of 28 August, then the deadline due about 5 September
  const shelling = items.findIndex((i) => i.kind === "event" && i.date === "2022-03");
  const attack = items.findIndex((i) => i.kind === "event" && i.date === "2025-08-28");
  const deadline = items.findIndex((i) => i.kind === "deadline");
  assert.ok(shelling >= 0 && attack > shelling && deadline > attack, JSON.stringify(dates));
  assert.equal(items[attack]!.dated, "text");
  assert.equal(items[attack]!.detail, "attack");
  assert.equal(items[deadline]!.approximate, true);
  assert.deepEqual(items[deadline]!.period, { start: "2025-09-03", end: "2025-09-07" });
  // provenance: every item's span is the text it came from
  for (const i of items) assert.equal(text.slice(i.start, i.end), i.text);
});

test("deadline standing on a day", () => {
  assert.equal(deadlineStanding("2025-09-05", "2025-09-05"), "upcoming");
  assert.equal(deadlineStanding("2025-09-05", "2025-09-06"), "passed");
  assert.equal(deadlineStanding("2025-09-05", "2025-09-06", "2025-09-07"), "upcoming");
  assert.equal(deadlineStanding("2025-09", "2025-09-20"), "upcoming");
  assert.equal(deadlineStanding(null, "2025-09-20"), "unknown");
});
