/**
 * Stories end to end: `lede add` links what it stores (a separate process), a running desk reads those
 * stories from the store and links what arrives through its API, and every page shows them.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { startDesk } from "../../src/cli/desk.ts";
import { loadConfig } from "../../src/core/index.ts";
import { openStore } from "../../src/store/index.ts";
import { lede } from "../helpers/cli.ts";

const dir = mkdtempSync(join(tmpdir(), "lede-desk-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const PARAS = [
  "The regional council of Valmora voted on Tuesday to close the old Karst bridge after engineers found deep cracks in two of its piers.",
  "Council leader Ines Albrecht said the crossing would stay shut for at least six months while repairs to the piers are planned and costed.",
  "Ferry operators on the Valmora river said they would add extra sailings from Wednesday to carry commuters who used the bridge every day.",
  "Engineers from the Karst Institute said the cracks had grown quickly since the spring floods and the piers could not be trusted under heavy lorries.",
];

function page(site: string, url: string, title: string, paras: readonly string[]): string {
  return `<!doctype html><html lang="en"><head><title>${title} | ${site}</title>
<meta property="og:site_name" content="${site}"><link rel="canonical" href="${url}">
<meta property="article:published_time" content="2025-09-02T09:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>
${paras.map((p) => `<p>${p}</p>`).join("\n")}</article><footer>© ${site}</footer></body></html>`;
}

test("stories made by `lede add` are read by a desk, which links what its API takes in", {
  timeout: 120_000,
}, async () => {
  const data = join(dir, "data");
  const files = [
    ["original.html", page("Valmora News", "https://valmora.example/bridge", "Karst bridge closed", PARAS)],
    [
      "copy.html",
      page("River Post", "https://riverpost.example/karst", "Valmora shuts Karst bridge", [
        ...PARAS.slice(0, 3),
        "This report was first published by Valmora News.",
      ]),
    ],
  ] as const;
  for (const [name, html] of files) writeFileSync(join(dir, name), html);
  const env = { LEDE_DATA_DIR: data };
  const added = await lede(["add", join(dir, "original.html"), join(dir, "copy.html")], { env });
  assert.equal(added.code, 0, added.stderr);

  const config = loadConfig({ ...process.env, ...env, LEDE_HOST: "127.0.0.1" });
  const store = await openStore(config);
  const { token } = await store.createToken("test");
  const desk = await startDesk(config, store, {}, { port: 0, announceStored: false });
  try {
    const latest = (await (await fetch(`${desk.url}/api/latest`)).json()) as { items: { id: number }[] };
    const [copyId, originalId] = latest.items.map((a) => a.id) as [number, number];
    const article = (await (await fetch(`${desk.url}/api/articles/${copyId}`)).json()) as {
      story: { id: string; title: string; outlets: number } | null;
    };
    assert.equal(article.story?.title, "Karst bridge closed");
    assert.equal(article.story?.outlets, 2);
    const html = await (await fetch(`${desk.url}/articles/${copyId}`)).text();
    assert.match(html, new RegExp(`href="/articles/${originalId}"`), "the copy's page links its original");
    assert.match(html, /<strong>original<\/strong>/);
    assert.match(html, /paragraph cut|paragraphs cut/, "what the copy cut is shown");
    const lineage = (
      (await (await fetch(`${desk.url}/api/articles/${copyId}/lineage`)).json()) as {
        lineage: {
          original: { id: number };
          reports: { article: { id: number }; changes: { cut: number } | null }[];
        };
      }
    ).lineage;
    assert.equal(lineage.original.id, originalId);
    assert.equal(lineage.reports[1]?.article.id, copyId);
    assert.equal(lineage.reports[1]?.changes?.cut, 1, "the copy cut the last paragraph");

    // A follow-up through the API: the desk's keeper links it into the same story.
    const follow = await fetch(`${desk.url}/api/ingest`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        html: page(
          "Lake Courier",
          "https://lakecourier.example/karst-costs",
          "Karst bridge repairs to cost millions",
          [
            PARAS[1]!,
            PARAS[3]!,
            "The council said the repair bill for the Karst bridge piers would run into millions.",
          ],
        ),
      }),
    });
    assert.equal(follow.status, 200);
    const { id } = (await follow.json()) as { id: number };
    let story = null as { id: string; outlets: number } | null;
    for (let i = 0; i < 100 && story?.outlets !== 3; i++) {
      await new Promise((r) => setTimeout(r, 100));
      story = ((await (await fetch(`${desk.url}/api/articles/${id}`)).json()) as { story: typeof story })
        .story;
    }
    assert.equal(story?.id, article.story?.id);
    assert.equal(story?.outlets, 3);
    const view = (await (await fetch(`${desk.url}/api/stories/${story!.id}`)).json()) as {
      articles: { id: number }[];
      figures: unknown[];
      claims: unknown[];
    };
    assert.ok(Array.isArray(view.figures) && Array.isArray(view.claims));
    const top = (await (await fetch(`${desk.url}/api/stories`)).json()) as { items: { id: string }[] };
    assert.equal(top.items[0]?.id, story!.id);
    assert.deepEqual(
      view.articles.map((a) => a.id),
      [originalId, copyId, id],
    );
    const entity = (await (await fetch(`${desk.url}/api/entities/Ines%20Albrecht`)).json()) as {
      stories: { id: string; articles: number }[];
    };
    assert.equal(entity.stories[0]?.id, story!.id, "the entity page lists the story its articles are in");
    const home = await (await fetch(`${desk.url}/`)).text();
    assert.match(home, /Top stories/);
    assert.match(home, new RegExp(`href="/stories/${story!.id}"`));
  } finally {
    await desk.close();
  }
});
