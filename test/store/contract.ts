/**
 * The Store contract: every backend runs these tests (SQLite now, PostgreSQL when it lands).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Analysis, Article } from "../../src/core/index.ts";
import type { Store, StoryLinkInput } from "../../src/store/index.ts";

export function article(overrides: Partial<Article> = {}): Article {
  const text = overrides.text ?? "Ministers met in Tianjin on Monday.\n\nThey agreed to meet again.";
  return {
    url: "https://news.example/a/1",
    title: "Ministers meet in Tianjin",
    authors: ["Ada Reporter"],
    published: "2025-09-01",
    modified: null,
    language: "en",
    siteName: "Example News",
    text,
    blocks: [
      { type: "paragraph", start: 0, end: text.indexOf("\n\n") === -1 ? text.length : text.indexOf("\n\n") },
    ],
    related: [],
    ...overrides,
  };
}

/**
 * An analysed article for the item and facet tests: Putin (e1) speaks about Nato, Trump (e2) sets him
 * a deadline, a claim about e1 is unconfirmed.
 */
export function analysedArticle(
  n: number,
  overrides: Partial<Article> = {},
): { article: Article; analysis: Analysis } {
  const text = `Putin said "Nato is a threat ${n}." Trump set a Monday deadline for Putin. Officials said Putin agreed.`;
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  const a = article({
    url: `https://www.wire.example/story/${n}`,
    siteName: "Wire Service",
    text,
    title: `Deadline story ${n}`,
    ...overrides,
  });
  return {
    article: a,
    analysis: {
      reference: a.published,
      sentences: [{ start: 0, end: text.length }],
      entities: [
        {
          id: "e1",
          type: "PERSON",
          name: "Vladimir Putin",
          titles: ["President"],
          mentions: [{ ...at("Putin"), kind: "name" }],
        },
        {
          id: "e2",
          type: "PERSON",
          name: "Donald Trump",
          titles: [],
          mentions: [{ ...at("Trump"), kind: "name" }],
        },
      ],
      quotes: [
        {
          ...at(`"Nato is a threat ${n}."`),
          kind: "direct",
          cue: at("said"),
          speaker: at("Putin"),
          speakerEntity: "e1",
          speakerName: "Vladimir Putin",
        },
      ],
      times: [{ ...at("Monday"), type: "DATE", value: "2025-09-08" }],
      quantities: [],
      events: [],
      deadlines: [
        {
          ...at("a Monday deadline"),
          setter: "e2",
          target: "e1",
          demand: "agree to talks",
          due: `2025-09-${String(n).padStart(2, "0")}`,
          approximate: false,
        },
      ],
      claims: [
        { ...at("Putin agreed"), claimant: null, about: ["e1"], status: "unconfirmed", statusEvidence: null },
      ],
    },
  };
}

const put = (store: Store, a: Article) =>
  store.putArticle({ article: a, analysis: null, source: "test", fetchedAt: "2025-09-01T00:00:00Z" });

/**
 * Define the contract tests for a backend.
 *
 * @param name the backend's name, shown in test output
 * @param open creates a fresh, empty store (migrated by the suite)
 */
export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
      await store.migrate();
      await store.migrate(); // idempotent
    });
    after(async () => store.close());

    test("migrations are counted", async () => {
      assert.ok((await store.schemaVersion()) >= 1);
    });

    test("the same URL and content makes one article; changed content a new version", async () => {
      const a = article({ url: "https://news.example/v" });
      const first = await put(store, a);
      assert.equal(first.status, "added");
      const again = await put(store, a);
      assert.deepEqual(again, { status: "unchanged", id: first.id, version: 1 });
      const changed = await put(store, { ...a, text: `${a.text}\n\nA correction was added.` });
      assert.deepEqual(changed, { status: "updated", id: first.id, version: 2 });
      const stored = await store.getArticle(first.id);
      assert.equal(stored?.version, 2);
      assert.match(stored?.article.text ?? "", /correction/);
    });

    test("the same content under another URL is not a second article", async () => {
      const a = article({
        url: "https://news.example/original",
        text: "A unique report about river floods in the valley.",
      });
      const first = await put(store, a);
      const copy = await put(store, { ...a, url: "https://mirror.example/copy" });
      assert.equal(copy.status, "unchanged");
      assert.equal(copy.id, first.id);
    });

    test("articles without a URL are keyed by their text", async () => {
      const a = article({ url: null, text: "Pasted text with no address at all." });
      const first = await put(store, a);
      assert.equal(first.status, "added");
      assert.equal((await put(store, a)).status, "unchanged");
    });

    test("full-text search ranks title matches and survives bad syntax", async () => {
      await put(
        store,
        article({
          url: "https://news.example/s1",
          title: "Glacier retreat",
          text: "Scientists measured the glacier.",
        }),
      );
      await put(
        store,
        article({
          url: "https://news.example/s2",
          title: "Budget",
          text: "The glacier fund was cut in the budget.",
        }),
      );
      const hits = await store.search("glacier");
      assert.equal(hits.length, 2);
      assert.equal(hits[0]?.title, "Glacier retreat");
      assert.match(hits[1]?.snippet ?? "", /\[glacier\]/);
      assert.deepEqual(await store.search('"unclosed NEAR( *'), []);
      assert.equal((await store.search("glacier -budget")).length, 1);
    });

    test("faceted search: source, dates and entity narrow the text query", async () => {
      const put2 = (x: { article: Article; analysis: Analysis }) =>
        store.putArticle({ ...x, source: "test", fetchedAt: "2025-09-01T00:00:00Z" });
      await put2(analysedArticle(3, { published: "2025-08-03" }));
      await put2(
        analysedArticle(5, {
          published: "2025-08-20",
          siteName: "Other Times",
          url: "https://other.example/5",
        }),
      );
      const titles = async (q: Parameters<Store["searchArticles"]>[0]) =>
        (await store.searchArticles(q, { limit: 50 })).map((h) => h.title).sort();
      assert.deepEqual(await titles({ text: "deadline", entity: "putin" }), [
        "Deadline story 3",
        "Deadline story 5",
      ]);
      assert.deepEqual(await titles({ entity: "vladimir putin", source: "wire.example" }), [
        "Deadline story 3",
      ]);
      assert.deepEqual(await titles({ entity: "putin", source: "other times" }), ["Deadline story 5"]);
      assert.deepEqual(await titles({ entity: "putin", from: "2025-08-10" }), ["Deadline story 5"]);
      assert.deepEqual(await titles({ entity: "putin", to: "2025-08" }), [
        "Deadline story 3",
        "Deadline story 5",
      ]);
      assert.deepEqual(await titles({ entity: "put" }), [], "entity names match whole words");
      assert.deepEqual(await titles({ text: "-threat", entity: "putin" }), []);
      assert.deepEqual(await titles({ text: 'NEAR( "x*', source: "%" }), []);
    });

    test("analysis items are found by kind, entity and text, with names resolved", async () => {
      const quotes = await store.findItems("quote", { entity: "Putin", text: "nato" });
      assert.ok(quotes.length >= 2);
      assert.equal(quotes[0]?.item.speakerName, "Vladimir Putin");
      assert.equal(quotes[0]?.kind, "quote");
      assert.match(quotes[0]?.item.text ?? "", /Nato is a threat/);
      assert.deepEqual(await store.findItems("quote", { entity: "Trump" }), []);
      const deadlines = await store.findItems("deadline", { entity: "trump", order: "date-asc" });
      assert.deepEqual(
        deadlines.map((d) => d.date),
        ["2025-09-03", "2025-09-05"],
      );
      assert.equal(deadlines[0]?.names.e2, "Donald Trump");
      assert.equal(deadlines[0]?.article.title, "Deadline story 3");
      assert.deepEqual(
        (await store.findItems("deadline", { from: "2025-09-04" })).map((d) => d.date),
        ["2025-09-05"],
      );
      const claims = await store.findItems("claim", { entity: "Vladimir Putin" });
      assert.equal(claims[0]?.item.status, "unconfirmed");
      const entities = await store.findItems("entity", { articleId: deadlines[0]!.article.id });
      assert.deepEqual(
        entities.map((e) => e.item.name),
        ["Vladimir Putin", "Donald Trump"],
      );
    });

    test("items follow the current version", async () => {
      const x = analysedArticle(7);
      const first = await store.putArticle({ ...x, source: "test", fetchedAt: "2025-09-01T00:00:00Z" });
      const changed = { ...x.article, text: `${x.article.text} More.` };
      await store.putArticle({
        article: changed,
        analysis: { ...x.analysis, quotes: [] },
        source: "test",
        fetchedAt: "2025-09-02T00:00:00Z",
      });
      assert.deepEqual(await store.findItems("quote", { articleId: first.id }), []);
      assert.equal((await store.findItems("deadline", { articleId: first.id })).length, 1);
    });

    test("latest lists newest first and pages", async () => {
      const all = await store.latest({ limit: 100 });
      assert.ok(all.length >= 3);
      assert.ok(all[0]!.id > all[1]!.id);
      const page = await store.latest({ limit: 1, beforeId: all[0]!.id });
      assert.equal(page[0]?.id, all[1]?.id);
    });

    test("export yields every article once", async () => {
      const ids: number[] = [];
      for await (const a of store.exportArticles()) ids.push(a.id);
      assert.equal(ids.length, await store.countArticles());
      assert.equal(new Set(ids).size, ids.length);
    });

    test("failures are stored with stage and code", async () => {
      await store.recordFailure({
        input: "bad.bin",
        stage: "extract",
        code: "binary",
        message: "input looks binary",
      });
      const [f] = await store.failures({ limit: 1 });
      assert.equal(f?.code, "binary");
      assert.equal(f?.stage, "extract");
    });

    test("sources are added once and keep their health", async () => {
      const s = await store.addSource({
        kind: "feed",
        url: "https://news.example/feed.xml",
        title: "Example",
      });
      const again = await store.addSource({ kind: "feed", url: "https://news.example/feed.xml" });
      assert.equal(again.id, s.id);
      await store.updateSource(s.id, { lastErrorCode: "network", consecutiveFailures: 3, etag: '"abc"' });
      const [listed] = (await store.listSources()).filter((x) => x.id === s.id);
      assert.equal(listed?.consecutiveFailures, 3);
      assert.equal(listed?.etag, '"abc"');
      assert.equal(listed?.title, "Example");
    });

    test("stories: the lease fences writers; links, merges, copies and top stories read back", async () => {
      const ids: number[] = [];
      for (let n = 0; n < 4; n++) {
        const r = await store.putArticle({
          article: article({
            url: `https://story.example/${n}`,
            text: `Story text number ${n}.`,
            title: `T${n}`,
          }),
          analysis: null,
          source: null,
          fetchedAt: "2025-09-01T08:00:00Z",
        });
        ids.push(r.id);
      }
      const [a, b, c, d] = ids as [number, number, number, number];
      const s = store.stories;
      const epoch = await s.acquireLease("one", 60_000);
      assert.ok(epoch !== null);
      assert.equal(await s.acquireLease("two", 60_000), null, "held by another owner");
      assert.equal(await s.acquireLease("one", 60_000), epoch, "renewing keeps the epoch");
      assert.ok((await s.unlinked(0, 100)).includes(a));
      const link = (
        articleId: number,
        story: string,
        extra: Partial<StoryLinkInput> = {},
      ): StoryLinkInput => ({
        articleId,
        story,
        copyOf: null,
        outlet: "Example News",
        title: "",
        keywords: ["Karst", "bridge"],
        merged: [],
        ...extra,
      });
      assert.equal(
        await s.recordLinks(epoch!, [
          link(a, "s901", { title: "First headline" }),
          link(b, "s902", { outlet: "Other" }),
          link(c, "s901", { copyOf: a, outlet: "Third", title: "Later headline" }),
        ]),
        true,
      );
      assert.equal((await s.storyOf(c))?.title, "First headline", "the first headline labels the story");
      assert.equal((await s.storyOf(b))?.title, "Karst, bridge", "no headline: key words");
      assert.deepEqual(
        (await s.copiesOf(c)).map((x) => x.id),
        [a],
      );
      assert.deepEqual(
        (await s.copiesOf(a)).map((x) => x.id),
        [c],
      );
      assert.equal(await s.copyCount(a), 1);
      assert.equal(await s.copyCount(b), 0, "an article that copies nothing and is copied by none");
      assert.deepEqual(
        (await s.copiesOf(a, 0)).map((x) => x.id),
        [],
        "the limit holds",
      );
      // d bridges the two stories: s902 merges into s901.
      assert.equal(
        await s.recordLinks(epoch!, [link(d, "s901", { merged: ["s902"], outlet: "Other" })]),
        true,
      );
      const story = await s.get("s902");
      assert.equal(story?.id, "s901", "a merged id leads to the story it joined");
      assert.deepEqual(story?.articleIds, [a, b, c, d]);
      assert.equal(story?.outlets, 3);
      assert.equal(story?.articles, 4);
      assert.equal((await s.storyOf(b))?.id, "s901");
      assert.ok((await s.top(10)).some((x) => x.id === "s901"));
      assert.ok(!(await s.top(10)).some((x) => x.id === "s902"));
      assert.equal((await s.unlinked(0, 100)).filter((x) => ids.includes(x)).length, 0);
      assert.deepEqual(
        (await s.linkedAfter(0, 100)).filter((x) => ids.includes(x.articleId)).map((x) => x.articleId),
        [a, b, c, d],
      );
      assert.ok((await s.linkMarks()).story >= 902);
      const restored = (await s.linkedAfter(0, 100)).filter((x) => ids.includes(x.articleId));
      assert.deepEqual(
        restored.map((x) => [x.story, x.copyOf]),
        [
          ["s901", null],
          ["s901", null],
          ["s901", a],
          ["s901", null],
        ],
        "links read back with their current story (after the merge) and copy",
      );
      // A released lease passes on with a new epoch that fences the old one.
      await s.releaseLease("one");
      const next = await s.acquireLease("two", 60_000);
      assert.ok(next !== null && next !== epoch);
      assert.equal(await s.recordLinks(epoch!, [link(d, "s999")]), false);
      assert.equal((await s.storyOf(d))?.id, "s901");
      await s.releaseLease("two");
    });

    test("alerts are saved with a secret, keep their progress and are removed; searches take afterId", async () => {
      const before = await store.alerts.lastArticleId();
      const alert = await store.alerts.create('"harbour strike" source:example', "https://hooks.example/in");
      assert.match(alert.secret, /^whsec_[0-9a-f]{48}$/);
      assert.equal(alert.lastArticleId, before, "an alert starts after the articles stored so far");
      assert.equal(alert.failures, 0);
      const r = await store.putArticle({
        article: article({
          url: "https://news.example/alerts/1",
          text: "The harbour strike went on.",
          title: "Strike",
        }),
        analysis: null,
        source: null,
        fetchedAt: "2025-09-01T08:00:00Z",
      });
      assert.equal(await store.alerts.lastArticleId(), Math.max(before, r.id));
      const hits = await store.searchArticles({ text: '"harbour strike"' }, { afterId: r.id - 1 });
      assert.deepEqual(
        hits.map((h) => h.id),
        [r.id],
      );
      assert.deepEqual(await store.searchArticles({ text: '"harbour strike"' }, { afterId: r.id }), []);
      await store.alerts.update(alert.id, { lastArticleId: r.id, failures: 2, lastError: "HTTP 500" });
      const got = await store.alerts.get(alert.id);
      assert.equal(got?.lastArticleId, r.id);
      assert.equal(got?.failures, 2);
      assert.equal(got?.lastError, "HTTP 500");
      assert.ok((await store.alerts.list()).some((a) => a.id === alert.id));
      assert.equal(await store.alerts.remove(alert.id), true);
      assert.equal(await store.alerts.remove(alert.id), false);
      assert.equal(await store.alerts.get(alert.id), null);
    });

    test("tokens verify by value and are stored hashed", async () => {
      const { token } = await store.createToken("test");
      assert.equal(await store.verifyToken(token), true);
      assert.equal(await store.verifyToken(`${token}x`), false);
      assert.equal(await store.verifyToken(""), false);
    });
  });
}
