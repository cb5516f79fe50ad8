/** A quote's speaker that is not an entity ("Residents") still has a page: its quotes. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { analysedArticle } from "../store/contract.ts";
import { startTestServer, type TestServer } from "./server.ts";

let s: TestServer;
before(async () => {
  s = await startTestServer({ limits: { writesPerMinute: 1000, apiReadsPerMinute: 100_000 } });
  const { article, analysis } = analysedArticle(1);
  const quote = analysis.quotes[0]!;
  await s.store.putArticle({
    article,
    analysis: { ...analysis, quotes: [{ ...quote, speakerEntity: null, speakerName: "Residents" }] },
    source: "fixture",
    fetchedAt: "2025-09-01T08:00:00Z",
  });
});
after(() => s.close());

test("a speaker page lists the quotes of a speaker that is no entity; an unknown name is a 404", async () => {
  const page = await fetch(`${s.url}/entities/Residents`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<h1>Residents<\/h1>/);
  assert.match(html, /Nato is a threat 1/);
  assert.equal((await fetch(`${s.url}/entities/Nobody%20Here`)).status, 404);
});
