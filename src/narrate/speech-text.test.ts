import assert from "node:assert/strict";
import { test } from "node:test";
import { seedLexicon, speechText } from "./speech-text.ts";

test("dates, money, percentages and counts are spelled out", () => {
  assert.equal(
    speechText("On 22 August the fund fell 20%."),
    "On the twenty-second of August the fund fell twenty per cent.",
  );
  assert.equal(
    speechText("It cost $5m, or £1.2bn."),
    "It cost five million dollars, or one point two billion pounds.",
  );
  assert.equal(speechText("Drones fired: 629."), "Drones fired: six hundred and twenty-nine.");
  assert.equal(speechText("On March 3, 2021 at 10:30"), "On March third, twenty twenty-one at ten thirty");
  assert.equal(speechText("in February 2022"), "in February twenty twenty-two");
});

test("acronyms are spelled unless said as words; titles are read in full", () => {
  assert.equal(speechText("The US joined Nato and NATO."), "The U S joined Nato and Nato.");
  assert.equal(speechText("Washington DC"), "Washington D C");
  assert.equal(speechText("Dr. Ada Lane met Gen. Ivo Berg."), "Doctor Ada Lane met General Ivo Berg.");
});

test("the lexicon respells whole words only and is seeded from names", () => {
  const lexicon = seedLexicon(["Volodymyr Zelensky"], { Kyiv: "Keev" });
  assert.deepEqual(lexicon, { Kyiv: "Keev", Volodymyr: "Volodymyr", Zelensky: "Zelensky" });
  assert.equal(speechText("Kyiv and Kyivan", lexicon), "Keev and Kyivan");
});
