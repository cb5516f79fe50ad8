import assert from "node:assert/strict";
import { test } from "node:test";
import type { Entity } from "../../core/index.ts";
import type { AnalysisContext } from "../context.ts";
import { findTimes, parseDay } from "../time/index.ts";
import { dueFromDuration, findDeadlines } from "./index.ts";

function context(text: string, reference: string, entities: Entity[] = []): AnalysisContext {
  return {
    text,
    sentences: [],
    reference,
    entities,
    quotes: [],
    times: findTimes(text, [], reference),
    quantities: [],
    events: [],
  };
}

function entity(id: string, name: string, text: string): Entity {
  const mentions = [...text.matchAll(new RegExp(name, "g"))].map((m) => ({
    start: m.index,
    end: m.index + name.length,
    text: name,
    kind: "name" as const,
  }));
  return { id, type: "PERSON", name, titles: [], mentions };
}

test("a weekday deadline set by someone, with its demand", () => {
  const text = "The striking drivers faced a Friday deadline set by Mayor Olsen to return to work.";
  const entities = [entity("e1", "Olsen", text)];
  const [d] = findDeadlines(context(text, "2024-06-04", entities));
  assert.equal(d!.due, "2024-06-07");
  assert.equal(d!.approximate, false);
  assert.equal(d!.setter, "e1");
  assert.equal(d!.demand, "return to work");
});

test("a couple of weeks counted from the day it was said", () => {
  const text = 'Speaking on 10 May, Hale gave Ruiz "a couple of weeks" to settle the dispute.';
  const entities = [entity("e1", "Hale", text), entity("e2", "Ruiz", text)];
  const [d] = findDeadlines(context(text, "2024-05-20", entities));
  assert.equal(d!.due, "2024-05-24");
  assert.equal(d!.approximate, true);
  assert.deepEqual(d!.window, { from: "2024-05-22", to: "2024-05-26" });
  assert.equal(d!.counted, "2024-05-10");
  assert.equal(d!.setter, "e1");
  assert.equal(d!.target, "e2");
  assert.equal(d!.demand, "settle the dispute");
});

test("obligations with by/until, and nothing without a due date", () => {
  const [d] = findDeadlines(context("The company must repay the loan by 30 June.", "2024-05-20"));
  assert.equal(d!.due, "2024-06-30");
  assert.deepEqual(findDeadlines(context("He has issued many deadlines before.", "2024-05-20")), []);
});

test("durations become due dates", () => {
  assert.deepEqual(dueFromDuration("P10D", "10 days", parseDay("2024-01-01")!), {
    due: "2024-01-11",
    approximate: false,
    counted: "2024-01-01",
  });
});

test("grace periods, expiries and month ends", () => {
  const due = (text: string) => findDeadlines(context(text, "2024-05-20")).map((d) => d.due);
  assert.deepEqual(due("Tenants have 30 days to leave the building."), ["2024-06-19"]);
  assert.deepEqual(due("The firm must file its accounts within 10 days."), ["2024-05-30"]);
  assert.deepEqual(due("The truce expires on Friday."), ["2024-05-24"]);
  assert.deepEqual(due("The ministry must publish the report by the end of June."), ["2024-06-30"]);
});

test("a whole story: times, counts, the main event and both deadlines", async () => {
  const { findQuantities } = await import("../quantities/index.ts");
  const { findEvents } = await import("../events/index.ts");
  const text =
    "Officials in Arland said their talks in Geneva last month had gone well. " +
    "The mayor had named Monday as a deadline for the union's answer. " +
    'On 22 August the minister gave the union "a couple of weeks" to respond. ' +
    "Last Thursday rebels fired 120 rockets at Brevik, killing 14 people. " +
    "The city was first shelled in March 2022. A deal could come as soon as this week.";
  const reference = "2025-09-01";
  const times = findTimes(text, [], reference);
  assert.deepEqual(
    times.map((t) => [t.text, t.value]),
    [
      ["last month", "2025-08"],
      ["Monday", "2025-09-01"],
      ["22 August", "2025-08-22"],
      ["a couple of weeks", "P2W"],
      ["Last Thursday", "2025-08-28"],
      ["March 2022", "2022-03"],
      ["this week", "2025-W36"],
    ],
  );
  const quantities = findQuantities(text, [], times);
  assert.deepEqual(
    quantities.map((q) => [q.value, q.role]),
    [
      [120, "fired"],
      [14, "killed"],
    ],
  );
  const ctx = { ...context(text, reference), times, quantities };
  const [main] = findEvents(ctx);
  assert.equal(main!.type, "attack");
  assert.equal(main!.date, "2025-08-28");
  assert.equal(main!.killed, 14);
  const deadlines = findDeadlines(ctx);
  assert.deepEqual(
    deadlines.map((d) => [d.due, d.approximate, d.window ?? null, d.counted ?? null]),
    [
      ["2025-09-01", false, null, null],
      ["2025-09-05", true, { from: "2025-09-03", to: "2025-09-07" }, "2025-08-22"],
    ],
  );
});

test("parties by syntax: the subject of 'has until' is the target, 'set by' names the setter", () => {
  const t1 = "Under the ruling, Frida Solvang has until Friday to appeal.";
  const [a] = findDeadlines(context(t1, "2024-11-18", [entity("e1", "Frida Solvang", t1)]));
  assert.equal(a!.target, "e1");
  assert.equal(a!.setter, null);
  assert.equal(a!.due, "2024-11-22");
  assert.equal(a!.demand, "appeal");
  const t2 = "The ceasefire deadline set by Colonel Dario Vesk runs out on 25 November.";
  const [b] = findDeadlines(context(t2, "2024-11-18", [entity("e1", "Dario Vesk", t2)]));
  assert.equal(b!.setter, "e1");
  assert.equal(b!.target, null);
  const t3 = "Judge Henrik Alm ordered Petra Nilsen to pay the fine within 30 days.";
  const [c] = findDeadlines(
    context(t3, "2025-09-01", [entity("e1", "Henrik Alm", t3), entity("e2", "Petra Nilsen", t3)]),
  );
  assert.deepEqual([c!.setter, c!.target, c!.demand, c!.due], ["e1", "e2", "pay the fine", "2025-10-01"]);
});

test("hours, passed deadlines and yearless dates ahead", () => {
  const due = (text: string, ref: string) => findDeadlines(context(text, ref)).map((d) => d.due);
  assert.deepEqual(due("The envoy was given 48 hours to respond to the offer.", "2025-03-12"), [
    "2025-03-14",
  ]);
  assert.deepEqual(due("The Sunday deadline for the hostages' release passed quietly.", "2025-10-07"), [
    "2025-10-05",
  ]);
  assert.deepEqual(due("The builders must finish the bridge no later than June 30.", "2025-03-12"), [
    "2025-06-30",
  ]);
});
