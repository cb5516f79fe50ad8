import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseQuery } from "../../src/store/query.ts";
import { HIT_CLOSE as C, HIT_OPEN as O, rankCandidates, snippetOf } from "../../src/store/rank.ts";

const mark = (w: string) => `${O}${w}${C}`;

describe("rankCandidates", () => {
  it("ranks more matches and title matches higher, ties to the newer article", () => {
    const filler = "words about other things ".repeat(20);
    const hits = rankCandidates(
      [
        { id: 1, title: "Budget", text: `${filler} ${mark("glacier")} ${filler}` },
        { id: 2, title: `${mark("Glacier")} melts`, text: `${filler} ${mark("glacier")} ${filler}` },
        { id: 3, title: "Budget", text: `${mark("glaciers")} ${mark("glacier")} ${filler} ${filler}` },
        { id: 4, title: "Budget", text: `${filler} ${mark("glacier")} ${filler}` },
      ],
      parseQuery("glacier"),
      3,
    );
    assert.deepEqual(
      hits.map((h) => h.id),
      [2, 3, 4],
    );
  });

  it("weighs a term found in fewer candidates above a common one", () => {
    const c = (id: number, words: string[]) => ({ id, title: "", text: words.map(mark).join(" ") });
    const hits = rankCandidates(
      [c(1, ["flood"]), c(2, ["flood"]), c(3, ["flood"]), c(4, ["Osaka"]), c(5, ["flood"])],
      parseQuery("flood OR osaka"),
      5,
    );
    assert.equal(hits[0]!.id, 4);
  });

  it("returns nothing for a query with no positive term or no candidates", () => {
    assert.deepEqual(rankCandidates([{ id: 1, title: "", text: "x" }], parseQuery("-x"), 5), []);
    assert.deepEqual(rankCandidates([], parseQuery("x"), 5), []);
  });
});

describe("snippetOf", () => {
  const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
  it("cuts a window around the matches with brackets and ellipses", () => {
    const text = [...words.slice(0, 30), mark("harbour"), ...words.slice(30)].join(" ");
    const s = snippetOf(text, ["harbour"]);
    assert.match(s, /^….*\[harbour\].*…$/);
    assert.equal(s.replace(/…/g, "").split(" ").length, 24);
  });

  it("prefers the window with more distinct terms", () => {
    const text = [mark("rail"), ...words.slice(0, 40), mark("rail"), "w", mark("contract"), ...words].join(
      " ",
    );
    assert.match(snippetOf(text, ["rail", "contract"]), /\[rail\] w \[contract\]/);
  });

  it("keeps brackets balanced where a phrase is cut", () => {
    const text = [...words.slice(0, 23), `${O}emergency`, `aid${C}`, ...words.slice(23)].join(" ");
    const s = snippetOf(text, ["emergency aid"]);
    assert.equal((s.match(/\[/g) ?? []).length, (s.match(/]/g) ?? []).length);
  });
});
