import assert from "node:assert/strict";
import { test } from "node:test";
import {
  dropAuthorBios,
  dropAuthorBoxes,
  dropCopies,
  dropRepeats,
  isFurniture,
  trimEdges,
} from "./blocks.ts";

test("bylines, datelines, credits and prompts are furniture", () => {
  assert.equal(isFurniture("By Jane Doe"), true);
  assert.equal(isFurniture("Updated 10:32 AM EDT, May 3, 2024"), true);
  assert.equal(isFurniture("May 3, 2024"), true);
  assert.equal(isFurniture("Photo: Jane Doe/Reuters"), true);
  assert.equal(isFurniture("© 2025 The Daily. All rights reserved."), true);
  assert.equal(isFurniture("Listen to this article"), true);
  assert.equal(isFurniture("Advertisement"), true);
  assert.equal(isFurniture("Artikel veröffentlicht am 28. April 2024, 14:26 Uhr,"), true);
  assert.equal(isFurniture("Article published on May 3, 2024"), true);
});

test("labels without their value, agency credits and trailing photo credits are furniture", () => {
  assert.equal(isFurniture("Article reviewed by:"), true);
  assert.equal(isFurniture("Written By"), true);
  assert.equal(isFurniture("Table of Contents"), true);
  assert.equal(isFurniture("No credit card required."), true);
  assert.equal(isFurniture("Getty Images / Jane Roe"), true);
  assert.equal(isFurniture("Courtesy of brand"), true);
  assert.equal(isFurniture("Guests pick their pastries from the counter. | Photo by Jane Roe"), true);
  assert.equal(isFurniture("Written by hand, the letters were sent to the council in May."), false);
  assert.equal(
    isFurniture("Courtesy calls were made to every resident on the street before the works began."),
    false,
  );
});

test("sentences are not furniture", () => {
  assert.equal(isFurniture("The council voted on Monday."), false);
  assert.equal(isFurniture("By the end of the year, prices had doubled."), false);
  assert.equal(isFurniture("Photographs of the scene show the damage to the bridge."), false);
});

test("glued publication labels and reading times are furniture", () => {
  assert.equal(isFurniture("Publiziert17. Dezember 2024, 12:17"), true);
  assert.equal(isFurniture("Lesedauer: 4 Minuten"), true);
  assert.equal(isFurniture("Published research shows the effect is small."), false);
});

test("short Japanese and Chinese sentences at the end are text, not labels", () => {
  const long =
    "市議会は月曜日、長い議論の末に来年度の予算案を可決した。学校や道路、住宅への支出を今後三年間で増やす計画で、多くの議員が賛成に回った。";
  const blocks = [
    { type: "paragraph" as const, text: long },
    { type: "paragraph" as const, text: "市長は記者会見で、計画の実施を急ぐ考えを示した。" },
    { type: "paragraph" as const, text: "関連記事" },
  ];
  const out = trimEdges(blocks).map((b) => b.text);
  assert.deepEqual(out, [long, "市長は記者会見で、計画の実施を急ぐ考えを示した。"]);
});

test("author boxes (label and short bio) are dropped, article text stays", () => {
  const p = (text: string) => ({ type: "paragraph" as const, text });
  const h = (text: string) => ({ type: "heading" as const, text });
  const body = p("The council approved the budget on Monday after a long debate.");
  const bio = p("Jane Doe covers city hall for The Daily and has written about local budgets since 2015.");
  assert.deepEqual(dropAuthorBoxes([body, h("About the Author"), bio]), [body]);
  assert.deepEqual(dropAuthorBoxes([body, p("About the author: Jane Doe covers city hall.")]), [body]);
  assert.deepEqual(dropAuthorBoxes([body, h("Über die Autorin"), bio, h("More")]), [body, h("More")]);
  const about = p("About the authority's new powers, the mayor said little.");
  assert.deepEqual(dropAuthorBoxes([body, about]), [body, about]);
});

test("an author's bio at the end of the body goes; the author's name in the story stays", () => {
  const p = (text: string) => ({ type: "paragraph" as const, text });
  const body = [
    p("Jane Roe said the council would vote again in May."),
    p("The plan raises spending on schools."),
    p("Jane Roe is a reporter for The Daily who covers the city council."),
  ];
  assert.deepEqual(
    dropAuthorBios(body, ["Jane Roe"]).map((b) => b.text),
    ["Jane Roe said the council would vote again in May.", "The plan raises spending on schools."],
  );
  // Under the article's own heading ("Why trust us") the bio is part of it; under the name, it is not.
  const h = (text: string) => ({ type: "heading" as const, text });
  assert.equal(dropAuthorBios([body[0]!, body[1]!, h("Why trust us"), body[2]!], ["Jane Roe"]).length, 4);
  assert.equal(dropAuthorBios([body[0]!, body[1]!, h("Jane Roe"), body[2]!], ["Jane Roe"]).length, 3);
  // One-word names (an organisation, a handle) and other people's bios are kept.
  assert.equal(dropAuthorBios(body, ["Roe"]).length, 3);
  assert.equal(dropAuthorBios(body, ["John Doe"]).length, 3);
  // A bio may name the author by the first name alone; a brand's initials are no first name.
  const first = [
    body[0]!,
    body[1]!,
    p("Jane is an experienced journalist who has covered the council for ten years."),
  ];
  assert.equal(dropAuthorBios(first, ["Jane Roe"]).length, 2);
  const brand = [body[0]!, body[1]!, p("QCY is already embracing these trends across its range.")];
  assert.equal(dropAuthorBios(brand, ["QCY Team"]).length, 3);
});

test("a second copy of the article (a run of repeated blocks) goes; a note recurring alone stays", () => {
  const p = (text: string) => ({ type: "paragraph" as const, text });
  const a = p("The plumbing trade keeps changing as homes fill with connected fixtures and sensors.");
  const b = p("Contractors who learn the new tools early find that customers ask for them by name.");
  const c = p(
    "Costs of copper and labour rose faster than prices over the last two years, squeezing margins.",
  );
  const note = p(
    "This image is provided courtesy of the park's conservancy; for permission to reuse it, write to us.",
  );
  assert.deepEqual(dropRepeats([a, b, c, note, a, b, c]), [a, b, c, note]);
  assert.deepEqual(dropRepeats([note, a, note, b, note]), [note, a, note, b, note]);
});

test("a copy of several paragraphs run together goes; the paragraphs, recurring notes and variants stay", () => {
  const p = (text: string) => ({ type: "paragraph" as const, text });
  const a = p(
    "The cultural centre rises over the bay, a concrete slab with a curved drive, built in a hurry for a festival that brought the foreign press and film stars to the capital.",
  );
  const b = p(
    "Workers who fell into the wet concrete were left in the foundations, the guides say quietly, because the opening could not wait; nobody knows how many there were.",
  );
  const copy = p(a.text + b.text);
  assert.deepEqual(dropCopies([a, b, copy]), [a, b]);
  const offer = (market: string) =>
    p(
      `Receive a fifth off three to five qualifying products bought together as a custom set; the offer applies to orders shipped to ${market} only and ends when stocks run out, whichever comes first.`,
    );
  assert.deepEqual(dropCopies([offer("the UK"), offer("Canada")]), [offer("the UK"), offer("Canada")]);
  assert.deepEqual(dropCopies([a, b, a]), [a, b, a]);
});
