/**
 * The listening features in Debian's Chromium (playwright-core): the story page's "what changed since
 * you last listened" player reached and started from the keyboard, and the article player reporting
 * a finished listen in a browser without CSS Custom Highlights. Skipped without /usr/bin/chromium
 * (except with CI=true).
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import type { Article } from "../../src/core/index.ts";
import { EspeakWasmEngine } from "../../src/narrate/index.ts";
import { StoryKeeper } from "../../src/pipeline/stories.ts";
import { cachedNarration, storyReader } from "../../src/serve/index.ts";
import { startTestServer, type TestServer } from "./server.ts";

const CHROMIUM = "/usr/bin/chromium";
const missing = !existsSync(CHROMIUM);
if (missing && process.env.CI === "true") throw new Error(`e2e: ${CHROMIUM} is missing`);
const skip = missing ? `${CHROMIUM} is missing: install the Debian package "chromium"` : false;

/** Two short reports of one invented story. */
function report(n: number): Article {
  return {
    url: `https://fenmouth.example/flood/${n}`,
    title: `Fenmouth flood barrier closed (${n})`,
    authors: [],
    published: "2025-11-03",
    modified: null,
    language: "en",
    siteName: "Fenmouth Gazette",
    text: `The Fenmouth flood barrier was closed on Monday as the tide rose, the river authority said.\n\nIt will reopen when the water falls.${n > 1 ? " Boats wait upstream." : ""}`,
    blocks: [],
    related: [],
  };
}

describe("listening in Chromium", { skip }, () => {
  let server: TestServer;
  let keeper: StoryKeeper;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const problems: string[] = [];
  const ids: number[] = [];

  before(async () => {
    server = await startTestServer({
      narration: (dir) => cachedNarration(dir, new EspeakWasmEngine("en-us")),
      stories: {
        storyOf: async (id) => storyReader(server.store).storyOf(id),
        articlesOf: async (id) => storyReader(server.store).articlesOf(id),
        copiesOf: async (id) => storyReader(server.store).copiesOf(id),
        topStories: async (n) => storyReader(server.store).topStories(n),
      },
    });
    keeper = new StoryKeeper(server.store);
    for (const n of [1, 2]) {
      const r = await server.store.putArticle({
        article: report(n),
        analysis: null,
        source: "fixture",
        fetchedAt: new Date().toISOString(),
      });
      ids.push(r.id);
    }
    await keeper.catchUp();
    profile = mkdtempSync(join(tmpdir(), "lede-chromium-listen-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--autoplay-policy=no-user-gesture-required",
        "--mute-audio",
      ],
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  });

  after(async () => {
    await context?.close();
    await keeper?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test("the story page's 'what changed' player starts from the keyboard and plays the changes", {
    timeout: 120_000,
  }, async () => {
    const story = await server.store.stories.storyOf(ids[0]!);
    assert.ok(story, "the reports form a story");
    assert.equal((await server.store.stories.storyOf(ids[1]!))?.id, story.id);
    await page.goto(`${server.url}/stories/${story.id}`);
    await page.waitForFunction(() => {
      const d = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } } })
        .document;
      return d.querySelector(".story-listen-status").textContent.includes("2 reports");
    });
    // The podcast link carries this browser's listener id once the playlist is loaded.
    const feed = await page.getAttribute(".story-listen-podcast", "href");
    assert.match(feed ?? "", new RegExp(`^/feeds/stories/${story.id}\\.podcast\\.xml\\?listener=`));
    // Reach the button with Tab alone, then start it with Enter.
    let focused = "";
    for (let i = 0; i < 60 && !focused.includes("story-listen-play"); i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { className: string } } }).document
            .activeElement.className,
      );
    }
    assert.ok(focused.includes("story-listen-play"), "the play button is reachable by Tab");
    const audioRequest = page.waitForRequest((r) => /\/api\/articles\/\d+\/audio\.mp3/.test(r.url()));
    await page.keyboard.press("Enter");
    const first = await audioRequest;
    const firstId = Number(/articles\/(\d+)\//.exec(first.url())![1]);
    assert.ok(ids.includes(firstId), "it plays a report of this story");
    await page.waitForFunction(() => {
      const d = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } } })
        .document;
      return d.querySelector(".story-listen-status").textContent.startsWith("Playing 1 of 2");
    });
    // Played to the end (fast), each report is reported heard and the next one plays.
    const heard: number[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/api/listens") && r.method() === "POST")
        heard.push(Number((JSON.parse(r.postData() ?? "{}") as { article: number }).article));
    });
    await page.evaluate(() => {
      const a = (
        globalThis as unknown as { document: { querySelector(s: string): { playbackRate: number } } }
      ).document.querySelector(".story-listen-audio");
      a.playbackRate = 16;
    });
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as { document: { querySelector(s: string): { textContent: string } } }
        ).document
          .querySelector(".story-listen-status")
          .textContent.includes("up to date"),
      undefined,
      { timeout: 60_000 },
    );
    assert.deepEqual(heard.sort(), [...ids].sort(), "both reports reported heard");
    // The server agrees: nothing has changed since this browser listened.
    await page.reload();
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } } }).document
        .querySelector(".story-listen-status")
        .textContent.includes("Nothing has changed"),
    );
    assert.deepEqual(problems, []);
  });

  test("without CSS Custom Highlights the article player still reports a finished listen", {
    timeout: 120_000,
  }, async () => {
    const plain = await context.newPage();
    await plain.addInitScript(() => {
      delete (globalThis as { Highlight?: unknown }).Highlight;
    });
    try {
      await plain.goto(`${server.url}/articles/${ids[0]}`);
      assert.equal(await plain.evaluate(() => "Highlight" in globalThis), false);
      const report = plain.waitForRequest((r) => r.url().endsWith("/api/listens") && r.method() === "POST", {
        timeout: 60_000,
      });
      await plain.evaluate(async () => {
        const a = (
          globalThis as unknown as {
            document: { querySelector(s: string): { playbackRate: number; play(): Promise<void> } };
          }
        ).document.querySelector(".listen audio");
        await a.play();
        a.playbackRate = 16;
      });
      const body = JSON.parse((await report).postData() ?? "{}") as { article: number; version: number };
      assert.equal(body.article, ids[0]);
      assert.equal(body.version, 1);
    } finally {
      await plain.close();
    }
  });
});
