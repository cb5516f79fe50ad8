import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Claim, Entity } from "../../core/index.ts";
import { findQuotes } from "../quotes/index.ts";
import { findClaims, findStatus } from "./index.ts";

function claims(text: string, entities: readonly Entity[] = []): Claim[] {
  return findClaims(text, [], entities, findQuotes(text, [], entities));
}

describe("findClaims", () => {
  it("marks a claim unconfirmed when the text says it has yet to be confirmed", () => {
    const text =
      "Envoy Jo Hart said the rebels had freed all hostages, though the army has yet to confirm this.";
    const [c] = claims(text);
    assert.equal(c?.text, "the rebels had freed all hostages");
    assert.equal(c?.status, "unconfirmed");
    assert.equal(c?.statusEvidence?.text, "the army has yet to confirm this");
    assert.equal(text.slice(c!.statusEvidence!.start, c!.statusEvidence!.end), c!.statusEvidence!.text);
  });

  it("reads a status from the next sentence when it refers back", () => {
    const text = "Activists said 40 boats were seized. The figure could not be independently verified.";
    const [c] = claims(text);
    assert.equal(c?.status, "unconfirmed");
    assert.equal(c?.statusEvidence?.text, "The figure could not be independently verified");
  });

  it("marks denied and confirmed claims", () => {
    assert.equal(claims("Police said the driver was drunk. His lawyer denied this.")[0]?.status, "denied");
    assert.equal(
      claims("The club said the coach had resigned, which the league later confirmed.")[0]?.status,
      "confirmed",
    );
    assert.equal(claims("The ministry denied that troops had crossed the border.")[0]?.status, "denied");
  });

  it("ends the claim at a narrator's 'but' and reads the status there", () => {
    const [c] = claims("Officials said the road would reopen, but residents disputed that.");
    assert.equal(c?.text, "the road would reopen");
    assert.equal(c?.status, "disputed");
    assert.equal(c?.statusEvidence?.text, "residents disputed that");
  });

  it("marks a disputed claim", () => {
    const [c] = claims("The company said sales rose by half, a figure analysts disputed.");
    assert.equal(c?.status, "disputed");
  });

  it("is asserted without a status cue, with claimant and about from entities", () => {
    const text = "Lea Brandt said Omar Diaz would resign.";
    const entities: Entity[] = [
      {
        id: "e1",
        type: "PERSON",
        name: "Lea Brandt",
        titles: [],
        mentions: [{ start: 0, end: 10, text: "Lea Brandt", kind: "name" }],
      },
      {
        id: "e2",
        type: "PERSON",
        name: "Omar Diaz",
        titles: [],
        mentions: [{ start: 16, end: 25, text: "Omar Diaz", kind: "name" }],
      },
    ];
    const [c] = claims(text, entities);
    assert.equal(c?.status, "asserted");
    assert.equal(c?.statusEvidence, null);
    assert.equal(c?.claimant, "e1");
    assert.deepEqual(c?.about, ["e2"]);
  });

  it("makes no claim from thanks or questions", () => {
    assert.deepEqual(claims("The mayor thanked the volunteers for their work."), []);
    assert.deepEqual(claims('"Will it rain?" she asked.'), []);
  });
});

describe("findStatus", () => {
  it("finds the first status cue in a range", () => {
    const text = "It could not be independently verified.";
    assert.equal(findStatus(text, 0, text.length)?.status, "unconfirmed");
    assert.equal(findStatus("Nothing here.", 0, 13), null);
  });
});

describe("findClaims status rules", () => {
  it("reads a negated confirmation as unconfirmed and a negated denial as no status", () => {
    assert.equal(
      claims("Rui Casal said the deal was done. Neither side has confirmed that.")[0]?.status,
      "unconfirmed",
    );
    assert.equal(
      claims("Rui Casal said the deal was done. The claim could not immediately be verified.")[0]?.status,
      "unconfirmed",
    );
    assert.equal(
      claims("Rui Casal said the deal was done. The ministry did not deny it.")[0]?.status,
      "asserted",
    );
  });

  it("takes a status phrase that is itself an attribution's cue ('rejected the claim')", () => {
    const [c] = claims("Critics said the vote was rigged. The commission rejected the claim as baseless.");
    assert.equal(c?.status, "denied");
    assert.equal(c?.statusEvidence?.text, "The commission rejected the claim as baseless");
  });

  it("ends the claim at a narrator's 'but' holding a status", () => {
    const [c] = claims("Mara Quist claimed the crates held rifles but offered no evidence.");
    assert.equal(c?.text, "the crates held rifles");
    assert.equal(c?.status, "unconfirmed");
  });

  it("treats an admission by the party concerned as confirmed", () => {
    assert.equal(
      claims("The airline acknowledged that the pilot had skipped a check.")[0]?.status,
      "confirmed",
    );
  });

  it("reads the very next sentence's status without a back-reference, not a later one's", () => {
    assert.equal(
      claims("Guards said the prisoner escaped. The warden declined to comment.")[0]?.status,
      "unconfirmed",
    );
    assert.equal(
      claims("Guards said the prisoner escaped. The yard was empty. The warden confirmed a new rota.")[0]
        ?.status,
      "asserted",
    );
  });
});

describe("claim gold set", () => {
  it("gets at least 90% of the hand-written status cases right without an entity model", async () => {
    const { CLAIM_GOLD } = await import("../../../test/eval/gold/claims.ts");
    assert.ok(CLAIM_GOLD.length >= 60);
    let right = 0;
    for (const c of CLAIM_GOLD) {
      assert.ok(c.text.includes(c.claim), c.claim);
      const hit = claims(c.text).find((x) => x.text.includes(c.claim));
      if (hit?.status === c.status) right++;
    }
    assert.ok(right / CLAIM_GOLD.length >= 0.9, `${right}/${CLAIM_GOLD.length}`);
  });
});

describe("findClaims restatements", () => {
  it("gives a restated claim by the same claimant the status the text gave the first statement", () => {
    const text =
      "Envoy Jo Hart said the rebels had freed all hostages. The army has yet to confirm this. Later, Hart told reporters that the rebels had freed all hostages.";
    const entities: Entity[] = [
      {
        id: "e1",
        type: "PERSON",
        name: "Jo Hart",
        titles: ["envoy"],
        mentions: [
          { start: 6, end: 13, text: "Jo Hart", kind: "name" },
          { start: 95, end: 99, text: "Hart", kind: "name" },
        ],
      },
    ];
    const cs = claims(text, entities);
    assert.equal(cs.length, 2);
    assert.deepEqual(
      cs.map((c) => c.status),
      ["unconfirmed", "unconfirmed"],
    );
    assert.equal(cs[1]?.statusEvidence?.text, "The army has yet to confirm this");
    // Without a known claimant nothing is shared.
    assert.equal(claims(text)[1]?.status, "asserted");
  });
});
