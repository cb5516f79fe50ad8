import assert from "node:assert/strict";
import { test } from "node:test";
import type { Entity } from "../../core/index.ts";
import type { AnalysisContext } from "../context.ts";
import { findQuantities } from "../quantities/index.ts";
import { findTimes } from "../time/index.ts";
import { findEvents, sentenceCasualties } from "./index.ts";

function context(text: string, reference: string, entities: Entity[] = []): AnalysisContext {
  return {
    text,
    sentences: [],
    reference,
    entities,
    quotes: [],
    times: findTimes(text, [], reference),
    quantities: findQuantities(text, []),
    events: [],
  };
}

function entity(id: string, type: Entity["type"], name: string, text: string): Entity {
  const mentions = [...text.matchAll(new RegExp(name, "g"))].map((m) => ({
    start: m.index,
    end: m.index + name.length,
    text: name,
    kind: "name" as const,
  }));
  return { id, type, name, titles: [], mentions };
}

test("the attack with casualties comes first, with date, actor, target and place", () => {
  const text =
    "The foreign ministers met in Vienna on Tuesday. Last Wednesday Arland fired 210 drones at Brevik, killing 9 people and wounding 30.";
  const entities = [
    entity("e1", "LOC", "Vienna", text),
    entity("e2", "LOC", "Arland", text),
    entity("e3", "LOC", "Brevik", text),
  ];
  const events = findEvents(context(text, "2024-03-11", entities));
  const first = events[0]!;
  assert.equal(first.type, "attack");
  assert.equal(first.date, "2024-03-06");
  assert.equal(first.killed, 9);
  assert.equal(first.injured, 30);
  assert.deepEqual(first.actors, ["e2"]);
  assert.deepEqual(first.targets, ["e3"]);
  assert.equal(first.place, "e3");
  const meeting = events.find((e) => e.type === "meeting")!;
  assert.equal(meeting.date, "2024-03-05");
  assert.equal(meeting.place, "e1");
});

test("without entities, ids stay empty", () => {
  const events = findEvents(context("A gunman opened fire on Friday, killing two guards.", "2024-03-11"));
  assert.equal(events[0]!.type, "attack");
  assert.deepEqual(events[0]!.actors, []);
  assert.equal(events[0]!.killed, 2);
  assert.equal(events[0]!.date, "2024-03-08");
});

test("casualties stated without a counted quantity", () => {
  assert.deepEqual(sentenceCasualties("A 19-year-old man was shot and killed near the park.", []), {
    killed: 1,
    injured: null,
  });
  // "was shot" alone may still turn fatal: the count is also kept as `shot`
  assert.deepEqual(sentenceCasualties("Jane Doe, 34, was shot in the leg.", []), {
    killed: null,
    injured: 1,
    shot: 1,
  });
  assert.deepEqual(sentenceCasualties("Two men were shot, one fatally.", []), { killed: 1, injured: 1 });
});

test("the event day is not the day the police spoke", () => {
  const text = "A 30-year-old man was shot and wounded late Saturday on Elm Street, police said Monday.";
  const [first] = findEvents(context(text, "2024-03-12"));
  assert.equal(first!.type, "attack");
  assert.equal(first!.date, "2024-03-09");
  assert.equal(first!.injured, 1);
});

test("one victim told twice is killed, not also injured", () => {
  const text = "A man was shot in the chest on Friday night. He died at the hospital, police said.";
  const [first] = findEvents(context(text, "2024-03-11"));
  assert.equal(first!.killed, 1);
  assert.equal(first!.injured, null);
});

test("incidents without violence are 'other' events with their day", () => {
  const text = "Deputies arrested a driver on Tuesday after finding a stolen rifle in his truck.";
  const [first] = findEvents(context(text, "2024-03-14"));
  assert.equal(first!.type, "other");
  assert.equal(first!.date, "2024-03-12");
});

test("'no one was hurt' is a count of zero, not unknown", () => {
  const [first] = findEvents(
    context("Shots were fired at a house on Elm Street on Sunday. No one was hurt.", "2024-03-11"),
  );
  assert.equal(first!.type, "attack");
  assert.equal(first!.injured, 0);
  assert.equal(first!.killed, null);
});

test("incident days: 'was reported about' dates it, a dateline and a follow-up do not, old background attacks lose", () => {
  const reported = findEvents(
    context(
      "Police in Fairhaven are investigating after someone fired shots into a house. The shooting was reported about 12:30 a.m. Saturday, police said.",
      "2025-09-01",
    ),
  );
  assert.equal(reported[0]?.date, "2025-08-30");
  const dateline = findEvents(
    context("MILLBROOK (September 1, 2025) – A man was shot during a carjacking Sunday night.", "2025-09-01"),
  );
  assert.equal(dateline[0]?.date, "2025-08-31");
  const background = findEvents(
    context(
      "On Aug. 29, deputies arrested a man carrying a shotgun in Eastvale. It then emerged he had a conviction for an armed robbery in 1977.",
      "2025-09-01",
    ),
  );
  assert.equal(background[0]?.type, "other");
  assert.equal(background[0]?.date, "2025-08-29");
});

test("casualties: another person hurt, a bullet in the leg, 'was not injured', no ids as counts", () => {
  assert.deepEqual(sentenceCasualties("The gunfire killed one person and seriously injured another.", []), {
    killed: 1,
    injured: 1,
  });
  assert.deepEqual(sentenceCasualties("The robber fired once, striking her in the leg.", []), {
    killed: null,
    injured: 1,
  });
  assert.deepEqual(
    sentenceCasualties("Officers responded after getting 911 calls about a male who had been shot.", [])
      .injured,
    1,
  );
  const notHurt = findEvents(
    context(
      "A man opened fire on an officer during a traffic stop on Tuesday. The officer was not injured.",
      "2025-09-03",
    ),
  );
  assert.equal(notHurt[0]?.injured, 0);
});

test("an attack keeps the day its own sentence states over one a neighbouring mention borrowed", () => {
  const text =
    "Envoys discussed a clause under which allies defend a member that has come under attack. " +
    "But last Friday Norland criticised the proposals. Norland's attacks have also continued. " +
    "Last Thursday Norland fired 310 drones at Brevik, killing 12 people.";
  const [main] = findEvents(context(text, "2025-09-01"));
  assert.equal(main!.type, "attack");
  assert.equal(main!.killed, 12);
  assert.equal(main!.date, "2025-08-28");
});

test("casualties: 'the shooting of a boy', 'injured a man', relatives, injuries told by their severity", () => {
  assert.equal(
    sentenceCasualties("Officers are investigating the shooting of a 16-year-old boy.", []).injured,
    1,
  );
  assert.equal(sentenceCasualties("A shooting on the highway injured a man on Sunday.", []).injured, 1);
  assert.equal(sentenceCasualties("Police say a man shot his stepfather with a shotgun.", []).injured, 1);
  assert.equal(sentenceCasualties("The victim's injury was non-life threatening.", []).injured, 1);
  assert.equal(sentenceCasualties("The shooting sent a Dalby man to a hospital.", []).injured, 1);
  assert.equal(sentenceCasualties("The council met on Sunday to discuss the budget.", []).injured, null);
  const none = findEvents(
    context(
      "Shots were fired at homes in Eastvale on Thursday. No one has been injured, police said.",
      "2025-09-05",
    ),
  );
  assert.equal(none[0]?.injured, 0);
});

test("an arrest's day is not the day of the shooting it is for", () => {
  const events = findEvents(
    context(
      "A man was arrested Monday in the fatal shooting at a gas station. The victim was shot Saturday night, police said.",
      "2025-09-02",
    ),
  );
  assert.equal(events[0]?.date, "2025-08-30");
});

test("casualties: 'and another wounded' after a count of the dead, no wound when negated, hedged or shot at", () => {
  const qs = (t: string) => findQuantities(t, []);
  const killedOne = "One man was killed and another wounded Monday night in Dalby.";
  assert.deepEqual(sentenceCasualties(killedOne, qs(killedOne)), { killed: 1, injured: 1 });
  assert.equal(sentenceCasualties("Two women were also inside and were not hurt.", []).injured, null);
  assert.equal(sentenceCasualties("Officers have not found a gunshot victim.", []).injured, null);
  assert.equal(
    sentenceCasualties("He was taken to Dalby Medical Center for a psychiatric evaluation.", []).injured,
    null,
  );
  assert.equal(sentenceCasualties("A man said his home was shot at several times.", []).injured, null);
  assert.equal(sentenceCasualties("A man said he was shot at 10 a.m. by a passenger.", []).injured, 1);
});

test("incident days: a clock time after 'said' is the event's; 'identified today' and 'said Dalby police Friday' are not", () => {
  const said = "Police said about 2 a.m. Saturday, Jon Ellery, 57, was robbed at gunpoint on Main Street.";
  assert.equal(findEvents(context(said, "2024-03-11"))[0]?.date, "2024-03-09");
  const identified =
    "A 41-year-old man fatally shot while waiting for a bus was identified today. Jon Ellery was shot about 6:20 p.m. Sunday near the depot.";
  assert.equal(findEvents(context(identified, "2024-03-12"))[0]?.date, "2024-03-10");
  const inverted =
    "Two robberies, which occurred Wednesday evening, may be related, said Dalby police Friday.";
  assert.equal(findEvents(context(inverted, "2024-03-15"))[0]?.date, "2024-03-13");
});

test("an undated main attack takes the day of the first dated mention", () => {
  const text =
    "Officers opened fire on a wanted man on Thursday afternoon in Dalby, the sheriff said. He had a record. He was known to officers. His family asked for calm. The homicide unit is investigating the shooting that left the man dead.";
  const main = findEvents(context(text, "2024-03-16"))[0]!;
  assert.equal(main.type, "attack");
  assert.equal(main.killed, 1);
  assert.equal(main.date, "2024-03-14");
});

test("a later 'death toll has risen to' sentence gives the attack its dead", () => {
  const text =
    "Last Thursday Arland fired 210 drones and missiles at Brevik. Rescuers worked through the night. On Sunday officials said the death toll has risen to 23.";
  const main = findEvents(context(text, "2024-03-11"))[0]!;
  assert.equal(main.type, "attack");
  assert.equal(main.killed, 23);
  assert.equal(main.date, "2024-03-07");
});

test("a tally over separate shootings is no count of one incident", () => {
  assert.equal(
    sentenceCasualties("Two people were injured Friday in what police said were unrelated shootings.", [])
      .injured,
    1,
  );
  assert.equal(
    sentenceCasualties("Two people were injured Friday in a shooting on Elm Street.", []).injured,
    2,
  );
});

test("casualties: joined subjects count together; a relative clause tells of its own noun", () => {
  assert.equal(
    sentenceCasualties("A 37-year-old woman and a 33-year-old man were shot while they sat in a car.", [])
      .injured,
    2,
  );
  assert.equal(sentenceCasualties("Ellery and Pike were transported to an area hospital.", []).injured, 2);
  assert.equal(sentenceCasualties("Ellery and Pike were arrested.", []).injured, null);
  assert.equal(sentenceCasualties("Two of the victims were hit in the head with pistols.", []).injured, 2);
  assert.equal(sentenceCasualties("A man was hit by a car.", []).injured, null);
  assert.equal(
    sentenceCasualties("Two people in the car opened fire on the man, who was later taken to a hospital.", [])
      .injured,
    1,
  );
  assert.deepEqual(
    sentenceCasualties("Both victims were rushed to the hospital, where they were pronounced dead.", []),
    { killed: 2, injured: null },
  );
});

test("incident days: 'police say on Friday at 11:26 p.m.' is the event's; 'booked Tuesday on charges of' is not", () => {
  const say = "Police say on Friday at approximately 11:26 p.m., a car was fired upon on the highway.";
  assert.equal(findEvents(context(say, "2024-03-16"))[0]?.date, "2024-03-15");
  const booked =
    "Two boys were booked into jail early Tuesday morning on counts of robbery, accused of robbing a group at gunpoint on Monday night.";
  assert.equal(findEvents(context(booked, "2024-03-12"))[0]?.date, "2024-03-11");
});

test("an attack's telling passes over a sentence without casualties", () => {
  const text =
    "Officers were called for a shooting around 11 a.m. Saturday. The incident happened in the 2700 block of Elm Avenue. The victim's injury was not life-threatening.";
  const main = findEvents(context(text, "2024-03-09"))[0]!;
  assert.equal(main.type, "attack");
  assert.equal(main.injured, 1);
});

test("an attack's day is the one nearest any telling of it in the sentence", () => {
  const text =
    "One dead, another wounded in shooting near Dalby. There are more questions than answers today as investigators look into a fatal shooting in Dalby yesterday.";
  const events = findEvents(context(text, "2024-03-12"));
  assert.equal(events[0]?.date, "2024-03-11");
});

test("incident days: 'on Wednesday identified' dates the report; 'bodies were found Thursday' is an attack's day", () => {
  const identified =
    "The coroner on Wednesday identified a man fatally shot during a home invasion. The man was shot Sunday evening in a home on Elm Street.";
  assert.equal(findEvents(context(identified, "2024-03-13"))[0]?.date, "2024-03-10");
  const bodies = "The bodies were found Thursday, Jan. 23 around 3:15 p.m. at a home on Elm Street.";
  const main = findEvents(context(bodies, "2014-01-27"))[0]!;
  assert.equal(main.type, "attack");
  assert.equal(main.date, "2014-01-23");
});

test("'two men were shot' and one died: the other is the injured", () => {
  const text = "Two men were shot near the park on Friday night. One of them died at the scene, police said.";
  const main = findEvents(context(text, "2024-03-09"))[0]!;
  assert.equal(main.killed, 1);
  assert.equal(main.injured, 1);
  assert.equal(sentenceCasualties("Two men were shot near the park.", []).shot, 2);
  assert.equal(sentenceCasualties("Two men were shot and wounded near the park.", []).shot, undefined);
});

test("incident days: 'says on Tuesday, just after 2 p.m.' is the event's; a span starts at its first bound", () => {
  const says =
    "The police department says on Tuesday, just after 2 p.m., officers stopped a car and arrested two teens.";
  assert.equal(findEvents(context(says, "2018-03-01"))[0]?.date, "2018-02-27");
  const span =
    "A burglary and the theft of three handguns occurred sometime this weekend. Sometime between 10 p.m. Jan. 10 and 9 a.m. Jan. 11, three handguns were stolen from a vehicle.";
  assert.equal(findEvents(context(span, "2014-01-12"))[0]?.date, "2014-01-10");
});

test("a holiday named as a day dates the attack", () => {
  const text = "Four people were wounded in the early hours of New Year's Day in a shooting on Elm Street.";
  assert.equal(findEvents(context(text, "2014-01-02"))[0]?.date, "2014-01-01");
});

test("murder as a charge or an old conviction is no death", () => {
  assert.equal(
    sentenceCasualties("Holman is wanted on charges of attempted first-degree murder.", []).killed,
    null,
  );
  assert.equal(sentenceCasualties("Rose was convicted of murder and robbery in 2001.", []).killed, null);
  assert.equal(sentenceCasualties("He was charged with assault with intent to murder.", []).killed, null);
  assert.equal(
    sentenceCasualties("Police are investigating the murder of a man on Elm Street.", []).killed,
    1,
  );
});

test("'one man killed, another taken to a hospital' keeps the second victim", () => {
  const text = "One man was killed and another taken to a hospital after a shooting in Dalby early Saturday.";
  const main = findEvents(context(text, "2024-03-10"))[0]!;
  assert.equal(main.killed, 1);
  assert.equal(main.injured, 1);
});

test("a verb after 'and another man' has its own subject", () => {
  assert.deepEqual(
    sentenceCasualties(
      "A police officer is recovering at home and another man is dead after a shootout.",
      [],
    ),
    { killed: 1, injured: 1 },
  );
});
