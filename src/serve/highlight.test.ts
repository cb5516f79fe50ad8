import assert from "node:assert/strict";
import { test } from "node:test";
import { blocksOf, type Mark, marksOf, renderBody, renderRange } from "./highlight.ts";

const m = (start: number, end: number, className: string, extra: Partial<Mark> = {}): Mark => ({
  start,
  end,
  className,
  ...extra,
});

test("marks nest, and a mark crossing another is split into properly nested pieces", () => {
  const text = "Putin said peace now";
  assert.equal(
    renderRange(text, [m(0, 5, "a")], 0, text.length),
    '<span class="a">Putin</span> said peace now',
  );
  // outer 0..16 contains inner 6..10
  assert.equal(
    renderRange(text, [m(6, 10, "i"), m(0, 16, "o")], 0, 16),
    '<span class="o">Putin <span class="i">said</span> peace</span>',
  );
  // crossing: 0..10 and 6..16
  assert.equal(
    renderRange(text, [m(0, 10, "x", { id: "q1" }), m(6, 16, "y")], 0, 16),
    '<span class="x" id="q1">Putin <span class="y">said</span></span><span class="y"> peace</span>',
  );
});

test("text and attributes are escaped; bad spans are skipped", () => {
  const text = '<script>alert(1)</script> "x" & y';
  const marks = marksOf(
    {
      entities: [
        {
          id: "e1",
          type: "PERSON",
          name: '"><img src=x onerror=alert(1)>',
          titles: [],
          mentions: [
            { start: 0, end: 8, text: "", kind: "name" },
            { start: -1, end: 900, text: "", kind: "name" },
          ],
        },
      ],
      quotes: [],
      times: [{ start: 30, end: 10, text: "", type: "DATE", value: "x" }],
    },
    text.length,
  );
  assert.equal(marks.length, 1);
  const out = renderBody({ text, blocks: [] }, marks).value;
  assert.doesNotMatch(out, /<script|<img/);
  assert.match(out, /&lt;script&gt;/);
  assert.match(out, /title="&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt; \(person\)"/);
});

test("blocks come from the article or from blank lines; list items are wrapped", () => {
  assert.deepEqual(blocksOf({ text: "One.\n\nTwo\nlines.", blocks: [] }), [
    { type: "paragraph", start: 0, end: 4 },
    { type: "paragraph", start: 6, end: 16 },
  ]);
  const text = "Head\n\nA\n\nB";
  const out = renderBody(
    {
      text,
      blocks: [
        { type: "heading", start: 0, end: 4 },
        { type: "list-item", start: 6, end: 7 },
        { type: "list-item", start: 9, end: 10 },
      ],
    },
    [],
  ).value;
  assert.equal(
    out,
    '<h2 data-start="0">Head</h2><ul><li data-start="6">A</li><li data-start="9">B</li></ul>',
  );
});

test("quote marks carry the speaker, time marks the resolved value", () => {
  const text = 'Putin said "yes" on Monday.';
  const marks = marksOf(
    {
      quotes: [
        {
          start: 11,
          end: 16,
          text: '"yes"',
          kind: "direct",
          cue: null,
          speaker: { start: 0, end: 5, text: "Putin" },
          speakerEntity: "e1",
          speakerName: "Vladimir Putin",
        },
      ],
      times: [{ start: 20, end: 26, text: "Monday", type: "DATE", value: "2025-09-01" }],
    },
    text.length,
  );
  const out = renderRange(text, marks, 0, text.length);
  assert.match(
    out,
    /<span class="hl quote direct" title="Vladimir Putin \(direct quote\)" id="q1">&quot;yes&quot;<\/span>/,
  );
  assert.match(out, /title="DATE: 2025-09-01">Monday</);
});
