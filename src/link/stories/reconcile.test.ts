import assert from "node:assert/strict";
import { test } from "node:test";
import { analyse } from "../../analyse/index.ts";
import type { Article } from "../../core/index.ts";
import { claimHistories, reconcileFigures, type StoryReport } from "./reconcile.ts";

function report(articleId: number, outlet: string, date: string, text: string): StoryReport {
  const article: Article = {
    url: null,
    title: null,
    authors: [],
    published: date,
    modified: null,
    language: "en",
    siteName: outlet,
    text,
    blocks: [],
    related: [],
  };
  return { articleId, outlet, date, analysis: analyse(article) };
}

// Three reports of one (invented) strike, analysed for real.
const reports = [
  report(
    1,
    "Dravik Daily",
    "2025-09-01",
    "A missile strike on the port city of Dravik killed 20 people and injured 41 on Monday, officials said.\n\nThe Norland government said the strike hit a hospital, a claim Kessia has yet to confirm.",
  ),
  report(
    2,
    "Wire Service",
    "2025-09-01",
    "Officials in Dravik said the missile strike killed 20 people and wounded 41.\n\nKessia fired 112 drones and missiles overnight, the air force said.",
  ),
  report(
    3,
    "Evening Post",
    "2025-09-02",
    "Rescuers said the strike on Dravik had killed at least 23 people, and 52 people were injured.\n\nKessia confirmed that the strike hit a hospital.",
  ),
];

test("figures are reconciled across reports: the latest value, the range and how they moved", () => {
  const figures = reconcileFigures(reports);
  const killed = figures.find((f) => f.role === "killed");
  assert.ok(killed, JSON.stringify(figures));
  assert.equal(killed.value, 23);
  assert.equal(killed.min, 20);
  assert.equal(killed.max, 23);
  assert.equal(killed.agreement, "rising");
  assert.deepEqual(
    killed.reports.map((r) => [r.articleId, r.value]),
    [
      [1, 20],
      [2, 20],
      [3, 23],
    ],
  );
  const injured = figures.find((f) => f.role === "injured");
  assert.equal(injured?.value, 52, "'41' and '52 people' are the same figure");
  const fired = figures.find((f) => f.role === "fired");
  assert.equal(fired?.value, 112);
  assert.equal(fired?.agreement, "agreed");
});

test("a figure that goes down in a later report is conflicting, and the latest day's report wins", () => {
  const figures = reconcileFigures([
    { ...reports[0]!, date: "2025-09-01" },
    { ...reports[2]!, date: "2025-09-01" },
    { ...reports[1]!, date: "2025-09-03" },
  ]);
  const killed = figures.find((f) => f.role === "killed")!;
  assert.equal(killed.agreement, "conflicting");
  assert.equal(killed.value, 20);
});

test("the same claim across outlets is one history whose status changes are kept in order", () => {
  const histories = claimHistories(reports);
  const hospital = histories.find((h) => /hospital/.test(h.text));
  assert.ok(hospital, JSON.stringify(histories.map((h) => h.text)));
  assert.deepEqual(hospital.changes, ["unconfirmed", "confirmed"]);
  assert.equal(hospital.status, "confirmed");
  assert.deepEqual(
    hospital.reports.map((r) => r.outlet),
    ["Dravik Daily", "Evening Post"],
  );
  assert.match(hospital.reports[0]!.evidence ?? "", /yet to confirm/);
});

test("no analyses, no figures or claims", () => {
  const empty: StoryReport = { articleId: 9, outlet: "x", date: "2025-01-01", analysis: null };
  assert.deepEqual(reconcileFigures([empty]), []);
  assert.deepEqual(claimHistories([empty]), []);
});
