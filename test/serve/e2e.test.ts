/**
 * End to end in Debian's Chromium (playwright-core, no browser download): the desk updates live over
 * SSE, the article's highlights toggle, a speaker leads to the entity page, search works; screenshots
 * of each page go to test-artifacts/. Without /usr/bin/chromium the test is skipped (install the
 * Debian package `chromium`), except with CI=true, where it fails.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { EspeakWasmEngine } from "../../src/narrate/index.ts";
import { cachedNarration } from "../../src/serve/index.ts";
import { summitArticle } from "./fixtures.ts";
import { startTestServer, type TestServer } from "./server.ts";

// The few browser globals the page callbacks use (the project compiles without the DOM library).
declare const getComputedStyle: (element: unknown) => { readonly backgroundColor: string };
declare const document: { readonly documentElement: { readonly scrollWidth: number } };

const CHROMIUM = "/usr/bin/chromium";
const ROOT = resolve(import.meta.dirname, "../..");
const ARTIFACTS = join(ROOT, "test-artifacts");
/** The sample page of the shared corpus (read at test time, never copied into the repository). */
const SAMPLE = resolve(ROOT, "../shared/corpus/000_0910c20049f9287c.txt");
const missing = !existsSync(CHROMIUM);
if (missing && process.env.CI === "true")
  throw new Error(
    `e2e: ${CHROMIUM} is missing; install the Debian package "chromium" (apt-get install -y chromium)`,
  );
const skip = missing
  ? `${CHROMIUM} is missing: install the Debian package "chromium" (apt-get install -y chromium)`
  : false;

describe("reader in Chromium", { skip }, () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let summitId = 0;
  let sampleId = 0;
  const problems: string[] = [];

  const shot = async (name: string, p: Page = page) =>
    p.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const ingest = async (body: object) => {
    const r = await fetch(`${server.url}/api/ingest`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${server.token}` },
      body: JSON.stringify(body),
    });
    assert.equal(r.status, 200, await r.clone().text());
    return (await r.json()) as { id: number; status: string };
  };

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer({
      narration: (dir) => cachedNarration(dir, new EspeakWasmEngine("en-us")),
    });
    summitId = (
      await server.store.putArticle({
        ...summitArticle(),
        source: "fixture",
        fetchedAt: new Date(Date.now() - 90_000).toISOString(),
      })
    ).id;
    profile = mkdtempSync(join(tmpdir(), "lede-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: 1280, height: 900 },
      reducedMotion: "reduce",
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  });

  after(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test("the desk's rail updates live over SSE and ages tick", async () => {
    await page.goto(`${server.url}/`);
    await page.waitForSelector(`#latest-list li[data-id="${summitId}"]`);
    assert.match(
      (await page.textContent(`#latest-list li[data-id="${summitId}"] time.age`)) ?? "",
      /minute|second/,
    );
    await page.waitForTimeout(300); // the EventSource connects
    const text = existsSync(SAMPLE)
      ? readFileSync(SAMPLE, "utf8")
      : "Officials met in the capital on Monday and agreed a new budget for the flood defences.";
    const { id } = await ingest({ text, published: "2025-09-01" });
    sampleId = id;
    await page.waitForSelector(`#latest-list li.new[data-id="${id}"]`, { timeout: 10_000 });
    const first = await page.getAttribute("#latest-list li:first-child", "data-id");
    assert.equal(first, String(id));
    await shot("01-desk-live");
    await page.click(`#latest-list li[data-id="${id}"] a`);
    await page.waitForSelector("#text p");
    await shot("02-sample-article");
  });

  test("article highlights toggle (mouse and keyboard); hover titles carry speaker and value", async () => {
    await page.goto(`${server.url}/articles/${summitId}`);
    const bg = (sel: string) => page.$eval(sel, (el) => getComputedStyle(el).backgroundColor);
    const transparent = "rgba(0, 0, 0, 0)";
    assert.notEqual(await bg(".hl.person"), transparent);
    assert.equal(await page.getAttribute(".hl.quote.direct", "title"), "Vladimir Putin (direct quote)");
    assert.equal(await page.getAttribute(".hl.time", "title"), "DATE: 2025-09-01");
    await shot("03-article-highlights");
    await page.click("label.t-person");
    assert.equal(await bg(".hl.person"), transparent);
    await page.keyboard.press("1");
    assert.notEqual(await bg(".hl.person"), transparent);
    await page.keyboard.press("6"); // counts on
    assert.notEqual(await bg(".hl.count"), transparent);
    // Toggles are remembered.
    await page.reload();
    assert.equal(await page.isChecked("#hl-count"), true);
    await page.hover(".hl.quote.direct");
    await shot("04-article-counts-on");
  });

  test("a speaker in the side panel leads to the entity page with its chart", async () => {
    await page.goto(`${server.url}/articles/${summitId}`);
    await page.click('#quotes a.entity-link:has-text("Vladimir Putin")');
    await page.waitForURL(/\/entities\/Vladimir%20Putin$/);
    assert.equal(await page.textContent("h1"), "Vladimir Putin");
    await page.waitForSelector("#chart.ready canvas");
    await shot("05-entity");
  });

  test("search from the keyboard with operators; quotes, deadlines, sources pages", async () => {
    await page.goto(`${server.url}/`);
    await page.keyboard.press("/");
    await page.keyboard.type("entity:putin nato -crimea");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\?q=/);
    assert.match((await page.textContent(".result-count")) ?? "", /1 result/);
    await shot("06-search");
    await page.goto(`${server.url}/search?q=${encodeURIComponent("type:quote from:2025-09")}`);
    await shot("07-search-quotes");
    await page.goto(`${server.url}/quotes?q=${encodeURIComponent("what did Putin say about Nato")}`);
    assert.match((await page.textContent(".result-count")) ?? "", /\d+ quotes? by Putin/);
    assert.match((await page.textContent(".results")) ?? "", /Nato expansion is a direct threat/);
    await shot("08-quote-finder");
    await page.goto(`${server.url}/deadlines`);
    await shot("09-deadlines");
    await page.goto(`${server.url}/sources`);
    await page.fill("#src-url", "https://news.example/feed.xml");
    await page.fill("#src-token", server.token);
    await page.click("#add-source button");
    await page.waitForSelector('td a[href="https://news.example/feed.xml"]', { timeout: 5000 });
    await shot("10-sources");
  });

  test("the Listen player highlights the sentence being read", async () => {
    const text = "Ministers met in the capital on Monday. They agreed to meet again in spring.";
    const { id } = await ingest({ text, published: "2025-09-02" });
    await page.goto(`${server.url}/articles/${id}`);
    const second = await page.evaluate(async () => {
      const g = globalThis as unknown as {
        document: {
          querySelector(s: string): {
            load(): void;
            currentTime: number;
            dataset: { marks: string };
            dispatchEvent(e: unknown): void;
            addEventListener(t: string, f: () => void, o: object): void;
          };
        };
        fetch(
          u: string,
        ): Promise<{ json(): Promise<{ marks: Array<{ kind: string; startMs: number; endMs: number }> }> }>;
        Event: new (t: string) => unknown;
        CSS: { highlights: { get(n: string): Set<{ toString(): string }> | undefined } };
      };
      const audio = g.document.querySelector(".listen audio");
      const { marks } = await (await g.fetch(audio.dataset.marks)).json();
      const sentence = marks.filter((m) => m.kind === "sentence")[1]!;
      audio.dispatchEvent(new g.Event("play"));
      await new Promise((r) => {
        audio.addEventListener("loadedmetadata", () => r(null), { once: true });
        audio.load();
      });
      await new Promise((r) => {
        audio.addEventListener("timeupdate", () => r(null), { once: true });
        audio.currentTime = (sentence.startMs + sentence.endMs) / 2000;
      });
      await new Promise((r) => setTimeout(r, 100));
      return [...(g.CSS.highlights.get("speaking") ?? [])].map((range) => range.toString()).join("");
    });
    assert.equal(second, "They agreed to meet again in spring.");
    await shot("13-listen");
  });

  test("a new user presses play on the sample page: it plays, seeks, and the spoken sentence is highlighted", {
    timeout: 180_000,
  }, async () => {
    assert.ok(sampleId > 0, "the live-rail test ingested the sample page");
    const { article } = (await (await fetch(`${server.url}/api/articles/${sampleId}`)).json()) as {
      article: { text: string };
    };
    const audioResponses: Array<{ status: number; type: string | null }> = [];
    const onResponse = (r: { url(): string; status(): number; headers(): Record<string, string> }) => {
      if (/\/api\/articles\/\d+\/audio\.mp3/.test(r.url()))
        audioResponses.push({ status: r.status(), type: r.headers()["content-type"] ?? null });
    };
    page.on("response", onResponse);
    try {
      await page.goto(`${server.url}/articles/${sampleId}`);
      // The player is the page's native <audio controls>: focus it and press Space, as a keyboard user would.
      await page.focus(".listen audio");
      await page.keyboard.press("Space");
      await page.waitForFunction(
        () => {
          const a = (
            globalThis as unknown as { document: { querySelector(s: string): { currentTime: number } } }
          ).document.querySelector(".listen audio");
          return a.currentTime > 0.8;
        },
        undefined,
        { timeout: 150_000, polling: 100 },
      );
      type Mark = { kind: string; start: number; end: number; startMs: number; endMs: number };
      /** The highlighted text, the playback position and the marks, read in one go in the page. */
      const spoken = () =>
        page.evaluate(async () => {
          const g = globalThis as unknown as {
            document: {
              querySelector(s: string): {
                currentTime: number;
                paused: boolean;
                dataset: { marks: string };
                addEventListener(t: string, f: () => void, o: object): void;
              };
            };
            fetch(u: string): Promise<{ json(): Promise<{ marks: Mark[] }> }>;
            CSS: { highlights: { get(n: string): Set<{ toString(): string }> | undefined } };
          };
          const audio = g.document.querySelector(".listen audio");
          await new Promise((r) => audio.addEventListener("timeupdate", () => r(null), { once: true }));
          const ms = audio.currentTime * 1000;
          const highlighted = [...(g.CSS.highlights.get("speaking") ?? [])].map((x) => x.toString()).join("");
          const { marks } = await (await g.fetch(audio.dataset.marks)).json();
          return { ms, paused: audio.paused, highlighted, marks };
        });
      const flat = (t: string) => t.replace(/\s+/g, " ").trim();
      const sentenceAt = (marks: Mark[], ms: number) =>
        marks.filter((m) => m.kind === "sentence" && m.startMs <= ms + 400 && ms - 400 < m.endMs);
      const playing = await spoken();
      assert.equal(playing.paused, false, "the audio plays");
      assert.ok(playing.highlighted.length > 0, "a sentence is highlighted while it plays");
      const near = sentenceAt(playing.marks, playing.ms).map((m) => flat(article.text.slice(m.start, m.end)));
      assert.ok(
        near.includes(flat(playing.highlighted)),
        `highlight "${playing.highlighted}" at ${playing.ms} ms`,
      );
      // Seek near the end: the highlight follows to the sentence spoken there.
      const sentences = playing.marks.filter((m) => m.kind === "sentence");
      assert.ok(sentences.length > 10, `the sample is read sentence by sentence (${sentences.length})`);
      const target = sentences[sentences.length - 2]!;
      await page.evaluate(
        (t) => {
          const a = (
            globalThis as unknown as { document: { querySelector(s: string): { currentTime: number } } }
          ).document.querySelector(".listen audio");
          a.currentTime = t;
        },
        (target.startMs + target.endMs) / 2000,
      );
      const after = await spoken();
      const nearAfter = sentenceAt(after.marks, after.ms).map((m) =>
        flat(article.text.slice(m.start, m.end)),
      );
      assert.ok(after.ms >= target.startMs - 400, `seeked to ${after.ms} ms`);
      assert.ok(
        nearAfter.includes(flat(after.highlighted)),
        `highlight after seeking: "${after.highlighted}"`,
      );
      assert.notEqual(flat(after.highlighted), flat(playing.highlighted));
      assert.ok(
        audioResponses.some((r) => (r.status === 200 || r.status === 206) && r.type === "audio/mpeg"),
        `audio responses: ${JSON.stringify(audioResponses)}`,
      );
      await shot("14-listen-sample");
    } finally {
      page.off("response", onResponse);
      await page.evaluate(() =>
        (globalThis as unknown as { document: { querySelector(s: string): { pause(): void } } }).document
          .querySelector(".listen audio")
          .pause(),
      );
    }
  });

  test("keyboard: j/k walk the rail, o opens, g d goes home; the skip link is first", async () => {
    await page.goto(`${server.url}/`);
    await page.keyboard.press("Tab");
    assert.equal(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { className: string } } }).document
            .activeElement.className,
      ),
      "skip",
    );
    await page.keyboard.press("Escape");
    await page.click("h1");
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    const selected = await page.getAttribute("#latest-list li.selected", "data-id");
    const first = await page.getAttribute("#latest-list li:first-child", "data-id");
    assert.equal(selected, first);
    await page.keyboard.press("o");
    await page.waitForURL(new RegExp(`/articles/${first}$`));
    await page.keyboard.press("g");
    await page.keyboard.press("d");
    await page.waitForURL(`${server.url}/`);
  });

  test("dark mode and a phone-sized screen", async () => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`${server.url}/articles/${summitId}`);
    assert.equal(await page.$eval("body", (b) => getComputedStyle(b).backgroundColor), "rgb(20, 20, 20)");
    await shot("11-article-dark");
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${server.url}/articles/${summitId}`);
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `no sideways scrolling on a phone (scrollWidth ${width})`);
    await shot("12-article-phone", phone);
    await phone.close();
    await page.emulateMedia({ colorScheme: "light" });
  });

  test("no console errors or CSP violations on any page", () => {
    assert.deepEqual(problems, []);
  });
});
