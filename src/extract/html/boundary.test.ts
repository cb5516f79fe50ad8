import assert from "node:assert/strict";
import { test } from "node:test";
import { extractHtml } from "./index.ts";

const P1 =
  "The council approved the budget on Monday after a long debate, with most members backing the plan, " +
  "which raises spending on schools, roads and housing over the next three years.";
const P2 =
  "Opponents said the plan leaves too little for repairs, and they asked the mayor to publish the costs " +
  "of each project before any contract is signed, a request the council turned down.";
const Q1 =
  "The harbour ferry will stop running in winter, the operator said on Tuesday, because too few " +
  "passengers used it last year, leaving islanders with a single boat a week until March.";
const Q2 =
  "Islanders called the decision a betrayal, and their association said it would ask the regional " +
  "government to pay for a subsidised service, as it did for the northern route in the past.";

function page(body: string): string {
  return `<!doctype html><html lang="en"><head><title>Budget passes</title></head><body>${body}</body></html>`;
}

test("the body ends where a second article with its own headline starts", () => {
  const html = page(
    `<div class="page"><article class="story"><h1>Budget passes</h1>
       <p>${P1}</p><p>${P2}</p><p>${P1.replace("Monday", "Friday")}</p><p>${P2.replace("mayor", "clerk")}</p>
     </article>
     <div class="next"><article class="story"><h1>Ferry to stop in winter</h1>
       <p>${Q1}</p><p>${Q2}</p><p>${Q1.replace("Tuesday", "Sunday")}</p><p>${Q2.replace("past", "nineties")}</p>
     </article></div></div>`,
  );
  const a = extractHtml(html);
  assert.match(a.text, /approved the budget on Monday/);
  assert.match(a.text, /request the council turned down/);
  assert.doesNotMatch(a.text, /ferry|Islanders/i);
});

test("a box of a heading, a few lines and a button inside the article is left out", () => {
  const html = page(
    `<article><h1>Budget passes</h1><p>${P1}</p><p>${P2}</p><p>${P1.replace("Monday", "Sunday")}</p>
       <div class="box-7"><h3>Keep local news going</h3>
         <p>Reporting like this takes time and money, and every reader who chips in helps us keep going.</p>
         <a class="btn btn-primary" href="/give">Give now</a></div>
       <p>${P1.replace("Monday", "Friday")}</p><p>${P2.replace("mayor", "clerk")}</p></article>`,
  );
  const a = extractHtml(html);
  assert.match(a.text, /approved the budget on Friday/);
  assert.doesNotMatch(a.text, /Keep local news going|chips in/);
});

test("repeated cards with a button (a list's items) stay", () => {
  const card = (name: string) =>
    `<div class="card item-${name}"><h3>${name} kettle</h3>
       <p>The ${name} kettle boils a litre in under three minutes and keeps the water warm for an hour.</p>
       <a class="button" href="/buy/${name}">Buy</a></div>`;
  const html = page(
    `<article><h1>Best kettles</h1><p>${P1}</p><p>${P2}</p><p>${P1.replace("Monday", "Sunday")}</p>
       <p>${P2.replace("mayor", "clerk")}</p>${card("Alpha")}${card("Beta")}${card("Gamma")}
       <p>${P1.replace("Monday", "Friday")}</p></article>`,
  );
  const a = extractHtml(html);
  assert.match(a.text, /Alpha kettle boils/);
  assert.match(a.text, /Gamma kettle boils/);
});
