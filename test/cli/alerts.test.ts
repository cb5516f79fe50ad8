/**
 * Alerts end to end: a saved search with a webhook on a running desk; a real receiver on 127.0.0.1
 * gets the new matches, signed; a failing receiver gets them again once it answers.
 */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { startDesk } from "../../src/cli/desk.ts";
import { loadConfig } from "../../src/core/index.ts";
import { openStore } from "../../src/store/index.ts";

const dir = mkdtempSync(join(tmpdir(), "lede-alerts-"));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Call {
  readonly body: string;
  readonly signature: string | undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let b = "";
    req.on("data", (d) => (b += d));
    req.on("end", () => resolve(b));
  });
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${text}</p><p>${text}</p></article></body></html>`;

test("a saved search calls its webhook with new matches, signed, and retries a failed call", {
  timeout: 120_000,
}, async () => {
  const calls: Call[] = [];
  let status = 500;
  const receiver = createServer(async (req, res) => {
    calls.push({
      body: await readBody(req),
      signature: req.headers["x-lede-signature"] as string | undefined,
    });
    res.writeHead(status).end();
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  const config = loadConfig({
    LEDE_DATA_DIR: join(dir, "data"),
    LEDE_HOST: "127.0.0.1",
    LEDE_FETCH_ALLOW: "127.0.0.1",
  });
  const store = await openStore(config);
  const { token } = await store.createToken("test");
  const desk = await startDesk(config, store, {}, { port: 0, announceStored: false });
  const post = (path: string, body: unknown, auth = true) =>
    fetch(`${desk.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(auth ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const waitFor = async (n: number) => {
    for (let i = 0; i < 200 && calls.length < n; i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(calls.length >= n, `expected ${n} webhook calls, got ${calls.length}`);
  };
  try {
    assert.equal((await post("/api/alerts", { query: "harbour", webhook: hook }, false)).status, 401);
    assert.equal((await post("/api/alerts", { query: "", webhook: hook })).status, 400);
    assert.equal((await post("/api/alerts", { query: "harbour", webhook: "ftp://x.example/" })).status, 400);
    assert.equal((await post("/api/alerts", { query: "from:yesterday harbour", webhook: hook })).status, 400);
    const made = await post("/api/alerts", { query: '"harbour strike" -football', webhook: hook });
    assert.equal(made.status, 201);
    const alert = (await made.json()) as { id: number; secret: string };
    const listed = await fetch(`${desk.url}/api/alerts`);
    assert.equal(listed.status, 401, "alerts (webhooks, secrets) are not public");

    // Articles that do not match are not sent.
    const other = await post("/api/ingest", {
      html: page("Council budget", "The Velmar council approved its budget for roads and schools on Monday."),
    });
    assert.equal(other.status, 200);
    const match = await post("/api/ingest", {
      html: page(
        "Harbour strike enters third day",
        "The harbour strike at Port Aldane entered its third day as dockworkers rejected the latest offer.",
      ),
    });
    const { id } = (await match.json()) as { id: number };
    await waitFor(1);
    const first = JSON.parse(calls[0]!.body) as {
      alert: { id: number };
      articles: { id: number; link: string }[];
    };
    assert.equal(first.alert.id, alert.id);
    assert.deepEqual(
      first.articles.map((a) => a.id),
      [id],
      "only the new match",
    );
    assert.equal(first.articles[0]!.link, `${desk.url}/articles/${id}`);
    assert.equal(
      calls[0]!.signature,
      `sha256=${createHmac("sha256", alert.secret).update(calls[0]!.body).digest("hex")}`,
    );
    // The receiver failed (500): the same article is sent again on the next look, then not again.
    status = 200;
    await post("/api/ingest", {
      html: page("Ferry times", "Ferries to Lindholm run every hour on weekdays from today."),
    });
    await waitFor(2);
    assert.deepEqual(
      (JSON.parse(calls[1]!.body) as { articles: { id: number }[] }).articles.map((a) => a.id),
      [id],
    );
    const state = (await (
      await fetch(`${desk.url}/api/alerts`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { items: { id: number; failures: number; lastArticleId: number }[] };
    assert.equal(state.items[0]?.failures, 0);
    assert.equal(state.items[0]?.lastArticleId, id);
    const gone = await fetch(`${desk.url}/api/alerts/${alert.id}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(gone.status, 204);
  } finally {
    await desk.close();
    receiver.close();
  }
});
