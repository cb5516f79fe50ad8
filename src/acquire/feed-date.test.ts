import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseFeedDate } from "./feed-date.ts";

describe("parseFeedDate", () => {
  it("reads RFC 822, ISO 8601 and broken variants", () => {
    const cases: [string, string | null][] = [
      ["Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z"],
      ["Thu, 01 Jan 04 19:48:21 +0100", "2004-01-01T18:48:21Z"],
      ["Mon, 6 Sep 2010 00:01 EDT", "2010-09-06T04:01:00Z"],
      ["2003-12-13T18:30:02Z", "2003-12-13T18:30:02Z"],
      ["2003-12-13T18:30:02.25+01:00", "2003-12-13T17:30:02Z"],
      ["2003-12-13 18:30:02", "2003-12-13T18:30:02Z"],
      ["2003-12-13", "2003-12-13T00:00:00Z"],
      ["20031213", "2003-12-13T00:00:00Z"],
      ["January 5, 2010 3:04 PM", "2010-01-05T15:04:00Z"],
      ["Tue, 10 Jun 2003 04:00:00 -0000", "2003-06-10T04:00:00Z"],
      ["not a date", null],
      ["", null],
    ];
    for (const [input, want] of cases) assert.equal(parseFeedDate(input), want, input);
  });
});
