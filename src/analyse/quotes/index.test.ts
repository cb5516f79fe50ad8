import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Entity, Quote } from "../../core/index.ts";
import { findQuoteRegions, findQuotes, nameOf, ruleAttributions, saidBaseline } from "./index.ts";

/** The quote whose text is exactly `t`. */
function byText(quotes: readonly Quote[], t: string): Quote {
  const q = quotes.find((x) => x.text === t);
  assert.ok(q, `no quote with text ${JSON.stringify(t)} in ${JSON.stringify(quotes.map((x) => x.text))}`);
  return q;
}

/** Every span indexes the text. */
function checkSpans(text: string, quotes: readonly Quote[]): void {
  for (const q of quotes) {
    assert.equal(text.slice(q.start, q.end), q.text);
    if (q.cue) assert.equal(text.slice(q.cue.start, q.cue.end), q.cue.text);
    if (q.speaker) assert.equal(text.slice(q.speaker.start, q.speaker.end), q.speaker.text);
  }
}

describe("findQuoteRegions", () => {
  it("pairs curly and straight marks and keeps nested marks inside", () => {
    const text = `“A ‘b’ c,” she said. "D," he said.`;
    const r = findQuoteRegions(text);
    assert.deepEqual(
      r.map((x) => text.slice(x.start, x.end)),
      ["“A ‘b’ c,”", '"D,"'],
    );
  });

  it("closes a straight quotation that ends with a nested single-quoted one", () => {
    const text = `"People say, 'It does not matter,'" he said. The mayor left.`;
    assert.deepEqual(
      findQuoteRegions(text).map((x) => text.slice(x.start, x.end)),
      [`"People say, 'It does not matter,'"`],
    );
  });

  it("splits a quotation running over paragraphs with the closing mark left out", () => {
    const text = "“First part of it.\n\n“Second part,” the mayor said.";
    const r = findQuoteRegions(text);
    assert.equal(r.length, 2);
    assert.equal(r[0]!.continues, true);
    assert.equal(r[1]!.continued, true);
    assert.equal(text.slice(r[0]!.start, r[0]!.end), "“First part of it.");
  });
});

describe("findQuotes", () => {
  it("takes no attribution from an act that is not speech ('approved the budget')", () => {
    const text = "The Velmar council approved the new budget on Monday. The board appointed a new head.";
    assert.deepEqual(findQuotes(text, [], []), []);
  });

  it("finds a direct quote with a pronoun speaker resolved to the nearest person", () => {
    const text = 'Mayor Ana Lopes opened the bridge on Tuesday. "It took ten years," she said.';
    const quotes = findQuotes(text, [], []);
    checkSpans(text, quotes);
    const q = byText(quotes, '"It took ten years,"');
    assert.equal(q.kind, "direct");
    assert.equal(q.cue?.text, "said");
    assert.equal(q.speaker?.text, "she");
    assert.equal(q.speakerName, "Ana Lopes");
    assert.equal(q.speakerEntity, null);
  });

  it("does not give 'he' to a speaker the text shows is a woman", () => {
    const text =
      'Mr. Hart met Mrs. Ana Silva on Monday. "We agreed," Mrs. Silva said. The talks will go on, he said.';
    const q = byText(findQuotes(text, [], []), "The talks will go on");
    assert.equal(q.speaker?.text, "he");
    assert.equal(q.speakerName, "Hart");
  });

  it("gives both halves of a quotation split by its attribution the same cue and speaker", () => {
    const text = '"We are ready," the minister said, "and we will not wait."';
    const quotes = findQuotes(text, [], []).filter((q) => q.kind === "direct");
    assert.equal(quotes.length, 2);
    assert.deepEqual(quotes[0]!.cue, quotes[1]!.cue);
    assert.deepEqual(quotes[0]!.speaker, quotes[1]!.speaker);
    assert.equal(quotes[0]!.speaker?.text, "the minister");
  });

  it("finds indirect speech and the partial quote inside it", () => {
    const text = 'Union leader Tom Reyes said workers had won "real gains" in the talks.';
    const quotes = findQuotes(text, [], []);
    checkSpans(text, quotes);
    const ind = byText(quotes, 'workers had won "real gains" in the talks');
    assert.equal(ind.kind, "indirect");
    assert.equal(ind.speakerName, "Tom Reyes");
    const part = byText(quotes, '"real gains"');
    assert.equal(part.kind, "partial");
    assert.deepEqual(part.cue, ind.cue);
  });

  it("reads an inverted attribution and a told-object before that", () => {
    const text = '"Prices will fall," said Maria Costa. The bank told reporters that rates would stay.';
    const quotes = findQuotes(text, [], []);
    assert.equal(byText(quotes, '"Prices will fall,"').speaker?.text, "Maria Costa");
    const told = byText(quotes, "that rates would stay");
    assert.equal(told.cue?.text, "told");
    assert.equal(told.speaker?.text, "The bank");
  });

  it("handles according to, governments as speakers and an indirect clause before its source", () => {
    const text =
      "According to the fire service, the blaze began in a kitchen. Norway criticised the plan as unfair. The road will close in May, officials said.";
    const quotes = findQuotes(text, [], []);
    const acc = byText(quotes, "the blaze began in a kitchen");
    assert.equal(acc.cue?.text, "According to");
    assert.equal(acc.speaker?.text, "the fire service");
    assert.equal(byText(quotes, "the plan as unfair").speaker?.text, "Norway");
    assert.equal(byText(quotes, "The road will close in May").speaker?.text, "officials");
  });

  it("uses the entity model's mentions for speakers when given", () => {
    const text = "The prime minister warned that talks could fail.";
    const entities: Entity[] = [
      {
        id: "e1",
        type: "PERSON",
        name: "Kim Sato",
        titles: ["prime minister"],
        mentions: [{ start: 0, end: 17, text: "The prime minister", kind: "nominal" }],
      },
    ];
    const q = byText(findQuotes(text, [], entities), "that talks could fail");
    assert.equal(q.speakerEntity, "e1");
    assert.equal(q.speakerName, "Kim Sato");
  });

  it("attaches a participle cue to the clause's subject", () => {
    const text = 'The senator voted against the bill, saying it was "rushed".';
    const q = byText(findQuotes(text, [], []), 'it was "rushed"');
    assert.equal(q.cue?.text, "saying");
    assert.equal(q.speaker?.text, "The senator");
  });

  it("follows a quotation over paragraphs after a colon, one item per paragraph", () => {
    const text =
      "The mayor said:\n\n“We will rebuild the bridge.\n\n“And we will do it this year.”\n\nShe left.";
    const quotes = findQuotes(text, [], []);
    checkSpans(text, quotes);
    assert.deepEqual(
      quotes.map((q) => [q.kind, q.text, q.speaker?.text, q.cue?.text]),
      [
        ["direct", "“We will rebuild the bridge.", "The mayor", "said:"],
        ["direct", "“And we will do it this year.”", "The mayor", "said:"],
      ],
    );
  });

  it("takes auxiliaries, adverbs and particles into the cue", () => {
    const text = "The senator has also called for a new inquiry.";
    const q = findQuotes(text, [], [])[0];
    assert.equal(q?.cue?.text, "has also called for");
    assert.equal(q?.text, "a new inquiry");
  });

  it("keeps an appositive in the speaker span, as PolNeAR does, and names the head", () => {
    const text = "Ada Berg, the mayor’s press secretary, said the pool would reopen.";
    const q = findQuotes(text, [], [])[0];
    checkSpans(text, q ? [q] : []);
    assert.equal(q?.speaker?.text, "Ada Berg, the mayor’s press secretary,");
    assert.equal(q?.speakerName, "Ada Berg");
    const inv = '"We are ready," said Omar Vance, a lawyer who advises the board.';
    const r = findQuotes(inv, [], [])[0];
    assert.equal(r?.speaker?.text, "Omar Vance, a lawyer who advises the board");
    assert.equal(r?.speakerName, "Omar Vance");
  });

  it("leaves participle and prepositional adjuncts out of the speaker span", () => {
    const a = findQuotes("Rena Holt, speaking to farmers in Tula, said prices would rise.", [], [])[0];
    assert.equal(a?.speaker?.text, "Rena Holt");
    const b = findQuotes('"Prices will rise," said Rena Holt, speaking to farmers in Tula.', [], [])[0];
    assert.equal(b?.speaker?.text, "Rena Holt");
  });

  it("finds the speaker before a time phrase ('Berg on Tuesday said')", () => {
    const q = findQuotes("Mayor Ada Berg on Tuesday said the pool would reopen.", [], [])[0];
    assert.equal(q?.speaker?.text, "Mayor Ada Berg");
    assert.equal(q?.cue?.text, "said");
  });

  it("keeps a source noun's prepositional phrase and does not take 'family' for an adverb", () => {
    const q = findQuotes("The boy was unarmed, lawyers for the family said.", [], [])[0];
    assert.equal(q?.speaker?.text, "lawyers for the family");
    assert.equal(q?.cue?.text, "said");
    assert.equal(q?.text, "The boy was unarmed");
  });

  it("takes coordinated speakers whole", () => {
    assert.equal(
      findQuotes("Federal and state officials said the bridge was safe.", [], [])[0]?.speaker?.text,
      "Federal and state officials",
    );
  });

  it("reads a quotation signed with a dash, also when the signature opens the next sentence", () => {
    const text = "“The fees are too high.” ― Lina Okafor\n“We were never asked.” ― Jonas P. Wirth";
    const quotes = findQuotes(text, [], []);
    checkSpans(text, quotes);
    assert.equal(byText(quotes, "“The fees are too high.”").speaker?.text, "Lina Okafor");
    assert.equal(byText(quotes, "“We were never asked.”").speaker?.text, "Jonas P. Wirth");
    assert.equal(byText(quotes, "“We were never asked.”").cue?.text, "―");
  });

  it("resolves a role speaker to the person named with that role", () => {
    const text = "Tomas Vidal, the coach of Ravel City, met fans. Later the coach said the team was tired.";
    const q = findQuotes(text, [], []).find((x) => x.text.includes("tired"));
    assert.equal(q?.speaker?.text, "the coach");
    assert.equal(q?.speakerName, "Tomas Vidal");
  });

  it("does not take noun uses of cue words or non-speech 'called' for cues", () => {
    assert.deepEqual(findQuotes("The debate drew a flurry of tweets from viewers.", [], []), []);
    assert.deepEqual(findQuotes("The council called an emergency meeting on Sunday.", [], []), []);
    assert.deepEqual(findQuotes("She joined a group called Open Fields last year.", [], []), []);
    // The verb uses stay cues.
    assert.equal(findQuotes("Rena Holt tweets that the vote was rigged.", [], [])[0]?.cue?.text, "tweets");
    assert.equal(findQuotes("The council called for a new vote.", [], [])[0]?.cue?.text, "called for");
  });

  it("resolves 'he' to a person who opens a sentence after the last quote, not to that quote's speaker", () => {
    const text =
      "“We need a change,” said Lea Brandt. Omar Diaz walked out of the meeting. He said the town could not pay for it.";
    const q = findQuotes(text, [], []).find((x) => x.text.startsWith("the town"));
    assert.equal(q?.speaker?.text, "He");
    assert.equal(q?.speakerName, "Omar Diaz");
  });

  it("splits a pronoun's contracted auxiliary into the cue", () => {
    const q = findQuotes("She’s insisting that the vote was fair.", [], [])[0];
    assert.equal(q?.speaker?.text, "She");
    assert.equal(q?.cue?.text, "’s insisting");
    assert.equal(q?.text, "that the vote was fair");
  });

  it("takes the whole clause before an attribution tail, asides included", () => {
    const q = findQuotes(
      "The fund, which opened in 2019, has lost half its value, they say. Nobody knows why.",
      [],
      [],
    )[0];
    assert.equal(q?.text, "The fund, which opened in 2019, has lost half its value");
    assert.equal(q?.speaker?.text, "they");
  });

  it("takes any noun phrase after 'according to' as the source", () => {
    const q = findQuotes(
      "Nine people were hurt, according to hospital records seen by reporters.",
      [],
      [],
    )[0];
    assert.equal(q?.speaker?.text, "hospital records seen by reporters");
    assert.equal(q?.cue?.text, "according to");
    assert.equal(q?.text, "Nine people were hurt");
  });

  it("resolves 'he' to the sentence's subject before a nearer name in another role, gender permitting", () => {
    const a = "Marco Lind walked out after a speech by Omar Diaz. He said the plan would fail.";
    assert.equal(findQuotes(a, [], []).find((x) => x.text.startsWith("the plan"))?.speakerName, "Marco Lind");
    const b = "Marco Lind met Anna Berg in Lisbon. She said the talks went well.";
    assert.equal(findQuotes(b, [], []).find((x) => x.text.startsWith("the talks"))?.speakerName, "Anna Berg");
  });

  it("takes the subject pronoun after a fronted phrase as the speaker", () => {
    const q = findQuotes("In an interview with a local radio station he blasted the plan.", [], [])[0];
    assert.equal(q?.speaker?.text, "he");
  });

  it("returns nothing for text without attribution", () => {
    assert.deepEqual(findQuotes("The river rose overnight and the road was closed.", [], []), []);
  });
});

describe("nameOf", () => {
  it("strips titles from a capitalised phrase", () => {
    assert.equal(nameOf("French President Emmanuel Macron"), "Emmanuel Macron");
    assert.equal(nameOf("the spokesman"), null);
  });
});

describe("saidBaseline", () => {
  it("reads X said Y", () => {
    const q = saidBaseline("Officials said the road was closed.")[0];
    assert.equal(q?.text, "the road was closed");
    assert.equal(q?.speaker?.text, "Officials");
  });
});

describe("findQuotes: round 3 patterns", () => {
  const find = (text: string) => {
    const quotes = findQuotes(text, [], []);
    checkSpans(text, quotes);
    return quotes;
  };

  it("drops an attribution nested in another's reported clause", () => {
    const quotes = find("Ada Berg said Tomas Holt had told her that the bridge would close.");
    assert.deepEqual(
      quotes.map((q) => q.cue?.text),
      ["said"],
    );
    assert.equal(quotes[0]?.speaker?.text, "Ada Berg");
  });

  it("reads a passive cue's agent as the source and its subject as the content", () => {
    const q = byText(find("The plan was criticized by the mayor."), "The plan");
    assert.equal(q.cue?.text, "was criticized");
    assert.equal(q.speaker?.text, "the mayor");
  });

  it("gives 'is expected to' and 'when asked whether' no source", () => {
    const a = byText(find("The vote is expected to pass easily."), "to pass easily");
    assert.equal(a.cue?.text, "is expected");
    assert.equal(a.speaker, null);
    const b = byText(find(`"Not now," Berg said when asked whether she would run.`), "whether she would run");
    assert.equal(b.cue?.text, "asked");
    assert.equal(b.speaker, null);
  });

  it("keeps an age and an appositive with the source, and leaves a discourse adverb out", () => {
    const a = byText(
      find("Ada Berg, 41, a teacher from Tromsø, said the school was full."),
      "the school was full",
    );
    assert.equal(a.speaker?.text, "Ada Berg, 41, a teacher from Tromsø,");
    const b = byText(find("Holt, meanwhile, said the school was empty."), "the school was empty");
    assert.equal(b.speaker?.text, "Holt");
  });

  it("ends reported content before 'and NAME said'", () => {
    const quotes = find(`A man asked for a photo and Berg said, "Only one."`);
    // The cue is "asked" (rules) or "asked for" (span model: PolNeAR keeps a particle with its verb).
    const asked = quotes.find((q) => q.text.endsWith("a photo"));
    assert.match(asked?.cue?.text ?? "", /^asked/);
    assert.equal(byText(quotes, `"Only one."`).speaker?.text, "Berg");
  });

  it("takes a quotation ending in a comma as the content of a long tail, and its resumption", () => {
    const a = find(`“We will rebuild the pier,” Berg told a crowd of fishermen at the harbour on Friday.`);
    const pier = byText(a, "“We will rebuild the pier,”");
    assert.equal(pier.cue?.text, "told");
    assert.equal(pier.speaker?.text, "Berg");
    assert.ok(!a.some((q) => q.text.includes("a crowd of fishermen")));
    const b = find(`“The pier is safe,” Holt said of the harbour plan, “because the storms have passed.”`);
    byText(b, "“The pier is safe,”");
    const c = find(`“Who pays for the pier?” Holt asked of the council in March, when the harbour closed.`);
    assert.equal(byText(c, "“Who pays for the pier?”").speaker?.text, "Holt");
    const resumed = byText(b, "“because the storms have passed.”");
    assert.equal(resumed.speaker?.text, "Holt");
    // "said" (rules) or "said of" (span model: PolNeAR's annotators split both ways).
    assert.match(resumed.cue?.text ?? "", /^said/);
  });

  it("keeps the part before an attribution set off by commas as a fragment of the content", () => {
    const quotes = find("In her district, Berg said, the schools are full.");
    const before = byText(quotes, "In her district");
    const after = byText(quotes, "the schools are full");
    assert.equal(before.speaker?.text, "Berg");
    assert.equal(after.speaker?.text, "Berg");
    assert.equal(before.cue?.start, after.cue?.start);
    const plain = find("The harbour, Holt says, is too small.");
    byText(plain, "The harbour");
    byText(plain, "is too small");
  });

  it("keeps a preposition or object noun that PolNeAR gives the cue verb", () => {
    const cases: [string, string, string][] = [
      ["Holt argued for a new harbour.", "argued for", "a new harbour"],
      ["Berg expressed concern that the pier is unsafe.", "expressed concern", "that the pier is unsafe"],
      ["Berg wrote about the harbour plan.", "wrote about", "the harbour plan"],
    ];
    for (const [text, cue, content] of cases) assert.equal(byText(find(text), content).cue?.text, cue);
  });

  it("gives 'accused' and 'compared' the object as content, not the cue", () => {
    const a = byText(
      find("Berg accused Holt of hiding the harbour accounts."),
      "Holt of hiding the harbour accounts",
    );
    assert.equal(a.cue?.text, "accused");
    const b = byText(find("Holt compared the pier to a sinking ship."), "the pier to a sinking ship");
    assert.equal(b.cue?.text, "compared");
  });

  it("gives the subject of 'is expected to' and a relative word before the source as content fragments", () => {
    const pier = find("The new pier is expected to open in May.");
    assert.equal(byText(pier, "The new pier").cue?.text, "is expected");
    assert.equal(byText(pier, "to open in May").speaker, null);
    const rule = find("The council passed a rule which she said was unfair to the fishermen.");
    assert.equal(byText(rule, "which").speaker?.text, "she");
    assert.equal(byText(rule, "was unfair to the fishermen").cue?.text, "said");
    // The rules' attributions (the opt-in span model does not tag the relative word when commas set the
    // attribution off).
    const text = "The council passed a rule which, Holt said, was unfair.";
    const parts = ruleAttributions(text, []).map((a) => text.slice(a.content.start, a.content.end));
    assert.ok(parts.includes("which") && parts.includes("was unfair"), JSON.stringify(parts));
  });

  it("goes on past ', but that' and ', but not' in reported content", () => {
    const a = find("Holt said the harbour would stay open, but that the pier would close.");
    byText(a, "the harbour would stay open, but that the pier would close");
    const b = find("Holt said the harbour would stay open, but he left early.");
    byText(b, "the harbour would stay open");
  });

  it("reads a poll after 'In' as the source of the clause", () => {
    const q = byText(
      find("In a new Norland Research poll, Berg led Holt by six points."),
      "Berg led Holt by six points",
    );
    assert.equal(q.cue?.text, "In");
    assert.equal(q.speaker?.text, "a new Norland Research poll");
  });

  it("names a definite institution noun after the named mention the text gave it earlier", () => {
    const poll = find(
      "A new Kestrel University poll of 900 voters came out on Monday. Most voters back the plan, the poll found.",
    );
    assert.equal(byText(poll, "Most voters back the plan").speakerName, "Kestrel University poll");
    const board = find(
      "The Marlow Gazette’s editorial board backed Ada Berg in March. On Sunday the editorial board wrote that the city needs a new port.",
    );
    assert.equal(
      byText(board, "that the city needs a new port").speakerName,
      "Marlow Gazette’s editorial board",
    );
    const ministry = find(
      "Officials at the Ministry of Harbours met on Friday. The ministry said the port would reopen in May.",
    );
    assert.equal(byText(ministry, "the port would reopen in May").speakerName, "Ministry of Harbours");
    // No name in the text (a day is none), and an institution is no person: no name.
    const none = find("Monday's poll showed a close race. The poll found that voters are split.");
    assert.equal(byText(none, "that voters are split").speakerName, null);
    const company = find("Ada Berg runs a shipyard. The company said profits rose.");
    assert.equal(byText(company, "profits rose").speakerName, null);
  });

  it("names a surname that is also a title word after an honorific", () => {
    assert.equal(nameOf("Mr. King"), "King");
    assert.equal(nameOf("the King"), null);
  });
});
