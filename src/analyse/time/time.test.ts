import assert from "node:assert/strict";
import { test } from "node:test";
import { findTimes } from "./index.ts";

const REF = "2025-09-01"; // a Monday

function values(text: string, ref: string | null = REF): [string, string, string | null][] {
  return findTimes(text, [], ref).map((t) => [t.text, t.type, t.value]);
}

test("relative month, day-month without year, month-year", () => {
  assert.deepEqual(values("The envoys gathered in Geneva last month."), [["last month", "DATE", "2025-08"]]);
  assert.deepEqual(values("In a radio interview on 22 August, the mayor spoke."), [
    ["22 August", "DATE", "2025-08-22"],
  ]);
  assert.deepEqual(values("The border was closed in February 2022."), [["February 2022", "DATE", "2022-02"]]);
  assert.deepEqual(values("Aug. 7, 1998 was hot."), [["Aug. 7, 1998", "DATE", "1998-08-07"]]);
});

test("weekdays follow tense and context", () => {
  assert.deepEqual(values("The union faced a Monday deadline to accept the offer."), [
    ["Monday", "DATE", "2025-09-01"],
  ]);
  assert.deepEqual(values("The two ministers met on Thursday in Rome."), [
    ["Thursday", "DATE", "2025-08-28"],
  ]);
  assert.deepEqual(values("The council will vote on Friday."), [["Friday", "DATE", "2025-09-05"]]);
  assert.deepEqual(values("Last Thursday the storm flooded the valley."), [
    ["Last Thursday", "DATE", "2025-08-28"],
  ]);
  assert.deepEqual(values("The mayor had named Wednesday as a deadline for the reply."), [
    ["Wednesday", "DATE", "2025-09-03"],
  ]);
});

test("durations, vague durations and weeks", () => {
  assert.deepEqual(values("The coach gave the squad a couple of weeks to improve."), [
    ["a couple of weeks", "DURATION", "P2W"],
  ]);
  assert.deepEqual(values("A draft could be ready as soon as this week."), [
    ["this week", "DATE", "2025-W36"],
  ]);
  assert.deepEqual(values("The talks come days after the vote."), [["days", "DURATION", "PXD"]]);
  assert.deepEqual(values("The strike lasted three hours."), [["three hours", "DURATION", "PT3H"]]);
  assert.deepEqual(values("The dam was built two years ago."), [["two years ago", "DATE", "2023"]]);
});

test("times of day with zones join their day", () => {
  assert.deepEqual(values("The polls close at 8 p.m. EDT on Tuesday, officials said."), [
    ["8 p.m. EDT on Tuesday", "TIME", "2025-08-26T20:00"],
  ]);
  assert.deepEqual(values("Markets opened at 09:30 GMT."), [["09:30 GMT", "TIME", "2025-09-01T09:30"]]);
});

test("reference words, years, quarters and sets", () => {
  assert.deepEqual(values("Prices are now falling."), [["now", "DATE", "PRESENT_REF"]]);
  assert.deepEqual(values("The plant opened in 2014."), [["2014", "DATE", "2014"]]);
  assert.deepEqual(values("Sales rose in the third quarter."), [["the third quarter", "DATE", "2025-Q3"]]);
  assert.deepEqual(values("The ferry runs daily."), [["daily", "SET", "P1D"]]);
});

test("no reference: relative values are null, absolute ones kept", () => {
  assert.deepEqual(values("They met last month, and again on 3 March 2020.", null), [
    ["last month", "DATE", null],
    ["3 March 2020", "DATE", "2020-03-03"],
  ]);
});

test("not times: modal may, names, counts", () => {
  assert.deepEqual(values("Officials may decide later. Theresa May resigned."), []);
  assert.deepEqual(values("About 2000 people marched."), []);
});

test("spans always index the text, on any input", () => {
  const pieces = [
    "Monday",
    " the ",
    "3 p.m.",
    "May",
    "last",
    " week ",
    "1998",
    ",",
    "\n",
    "two",
    "-year",
    "ago",
    "é",
    "“",
    "Q3",
    ".",
  ];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let n = 0; n < 300; n++) {
    let text = "";
    for (let k = next() % 30; k > 0; k--) text += pieces[next() % pieces.length];
    for (const t of findTimes(text, [], n % 2 ? REF : null)) {
      assert.ok(t.start >= 0 && t.end <= text.length && t.start < t.end);
      assert.equal(t.text, text.slice(t.start, t.end));
    }
  }
});

test("long runs of whitespace or numbers stay linear", () => {
  const inputs = [
    `${" ".repeat(100_000)}Monday`,
    "1 ".repeat(50_000),
    "\n".repeat(100_000),
    "Monday ".repeat(5_000),
  ];
  for (const text of inputs) {
    const t0 = performance.now();
    findTimes(text, [], REF);
    assert.ok(performance.now() - t0 < 3_000, `took ${performance.now() - t0} ms`);
  }
});

test("spelled-out years, halves, month with last/this year, ages are not durations", () => {
  assert.deepEqual(values("The reservoir was drained in nineteen ninety-six."), [
    ["nineteen ninety-six", "DATE", "1996"],
  ]);
  assert.deepEqual(values("The pledge was to halve waiting lists by the year two thousand."), [
    ["the year two thousand", "DATE", "2000"],
  ]);
  assert.deepEqual(values("Two thousand people marched."), []);
  assert.deepEqual(values("It opened in January nineteen ninety-seven."), [
    ["January nineteen ninety-seven", "DATE", "1997-01"],
  ]);
  assert.deepEqual(values("The trial lasted 2 1/2 years."), [["2 1/2 years", "DURATION", "P2Y6M"]]);
  assert.deepEqual(values("The flight took 5 1/2 hours."), [["5 1/2 hours", "DURATION", "PT5H30M"]]);
  assert.deepEqual(values("The applause went on for a minute and a half."), [
    ["a minute and a half", "DURATION", "PT1M30S"],
  ]);
  assert.deepEqual(values("In June last year the plant closed."), [["June last year", "DATE", "2024-06"]]);
  assert.deepEqual(values("Mr. Halvorsen, 52 years old, will succeed her."), []);
  assert.deepEqual(values("A second group of directors resigned."), []);
});

test("bare months and month-days look back unless they are only weeks ahead", () => {
  // said on 2025-09-01: March is last March; October is next month
  assert.deepEqual(values("The chairman stepped down in March for health reasons."), [
    ["March", "DATE", "2025-03"],
  ]);
  assert.deepEqual(values("The bank agreed to close the sale in October."), [["October", "DATE", "2025-10"]]);
  assert.deepEqual(values("The director will be named for a mission in December."), [
    ["December", "DATE", "2025-12"],
  ]);
  assert.deepEqual(values("The suspect was last seen Dec. 13, police said."), [
    ["Dec. 13", "DATE", "2024-12-13"],
  ]);
  assert.deepEqual(values("The new pact is effective Oct. 15."), [["Oct. 15", "DATE", "2025-10-15"]]);
  assert.deepEqual(values("The Times said in an editorial on Saturday, August 30: the rule must go."), [
    ["Saturday, August 30", "DATE", "2025-08-30"],
  ]);
  assert.deepEqual(values("The vote could come as soon as Thursday."), [["Thursday", "DATE", "2025-09-04"]]);
});

test("reporting periods: the year ended, the latest fiscal year, halves, the week of a day", () => {
  assert.deepEqual(values("Revenue rose for the year ended March 31."), [
    ["the year", "DURATION", "P1Y"],
    ["March 31", "DATE", "2025-03-31"],
  ]);
  assert.deepEqual(values("Sales fell in the latest fiscal year."), [
    ["the latest fiscal year", "DATE", "2024"],
  ]);
  assert.deepEqual(values("The firm changed to a fiscal year in May."), [["May", "DATE", "2025-05"]]);
  assert.deepEqual(values("Earnings will be lower for the last half of 2025."), [
    ["the last half of 2025", "DATE", "2025-H2"],
  ]);
  assert.deepEqual(values("A hearing is set for the week of September 15."), [
    ["the week of September 15", "DATE", "2025-W38"],
  ]);
  assert.deepEqual(values("Shares lagged for eight trading days."), [
    ["eight trading days", "DURATION", "P8D"],
  ]);
  assert.deepEqual(values("The marchers gather each July."), [["each July", "SET", "XXXX-07"]]);
  assert.deepEqual(values("The firm will be sold as soon as possible."), [
    ["as soon as possible", "DATE", "FUTURE_REF"],
  ]);
  assert.deepEqual(values("Over the years, the river moved."), [["the years", "DURATION", "PXY"]]);
  assert.deepEqual(values("Prices may fall in the weeks ahead."), [["the weeks ahead", "DURATION", "PXW"]]);
  assert.deepEqual(values("The years of war ended."), []);
  assert.deepEqual(values("Now officials are checking the dam."), [["Now", "DATE", "PRESENT_REF"]]);
  assert.deepEqual(values("Now, the dam is being checked."), []);
});

test("names are not dates: model years, 'Winter Garden'; a sentence keeps '10 p.m. Sunday' whole", () => {
  assert.deepEqual(values("He was driving a 2008 Chevrolet Impala."), []);
  assert.deepEqual(values("The robbery happened in Winter Garden."), []);
  assert.deepEqual(values("The pond froze in winter."), [["winter", "DATE", "2025-WI"]]);
  assert.deepEqual(values("The fight began about 10 p.m. Sunday when a man arrived."), [
    ["about 10 p.m. Sunday", "TIME", "2025-08-31T22:00"],
  ]);
});

test("the tense of an attribution after a quote is not the quote's", () => {
  assert.deepEqual(values("'The father will leave at 4 a.m. Thursday,' the minister said."), [
    ["4 a.m. Thursday", "TIME", "2025-09-04T04:00"],
  ]);
});

test("a house number is not a year", () => {
  assert.deepEqual(values("The victim drove to the store at 1779 Corby Avenue."), []);
  assert.deepEqual(values("The mill was built in 1779."), [["1779", "DATE", "1779"]]);
});

test("a stated weekday corrects a year typed out of habit", () => {
  assert.deepEqual(values("The report aired Thursday, Jan. 2, 2013.", "2014-01-03"), [
    ["Thursday, Jan. 2, 2013", "DATE", "2014-01-02"],
  ]);
  assert.deepEqual(values("It rained on Wednesday, Jan. 2, 2013.", "2014-01-03"), [
    ["Wednesday, Jan. 2, 2013", "DATE", "2013-01-02"],
  ]);
});
