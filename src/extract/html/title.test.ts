import assert from "node:assert/strict";
import { test } from "node:test";
import { parsePage } from "./dom.ts";
import { pageHeadings } from "./headings.ts";
import { cleanTitle, pickTitle } from "./title.ts";

test("site names leave titles", () => {
  assert.equal(cleanTitle("Rates rise again | The Daily", "The Daily"), "Rates rise again");
  assert.equal(cleanTitle("The Daily - Rates rise again", "The Daily"), "Rates rise again");
  assert.equal(
    cleanTitle("Rates rise again - Example News", null, "www.examplenews.com"),
    "Rates rise again",
  );
  assert.equal(cleanTitle("Rates rise - again and again", null), "Rates rise - again and again");
});

test("a colon separates the site's name only when that side is the site", () => {
  assert.equal(cleanTitle("The Daily: Rates rise again", "The Daily"), "Rates rise again");
  assert.equal(
    cleanTitle("Quillbank Blog: Signed builds for everyone", null, "quillbank.io"),
    "Signed builds for everyone",
  );
  // A kicker is not the site.
  assert.equal(
    cleanTitle("Harbour strike: Dockers walk out again", "The Daily"),
    "Harbour strike: Dockers walk out again",
  );
  // A name contained in a kicker does not make it the site.
  assert.equal(
    cleanTitle("Dailyton's 2026 outlook: A quieter year", "Dailyton"),
    "Dailyton's 2026 outlook: A quieter year",
  );
});

test("a site name standing bare before the headline is removed", () => {
  assert.equal(cleanTitle("tinkerlog.net Building a kiln", ["tinkerlog.net"]), "Building a kiln");
});

test("an h1 matching a declared title wins", () => {
  assert.equal(
    pickTitle(
      ["Rates rise again as inflation bites | The Daily"],
      ["Rates rise again as inflation bites"],
      null,
      null,
    ),
    "Rates rise again as inflation bites",
  );
  assert.equal(
    pickTitle([null, "Council votes on budget - The Daily"], [], "The Daily", null),
    "Council votes on budget",
  );
  assert.equal(pickTitle([], ["Only a heading here"], null, null), "Only a heading here");
});

test("a masthead <h1> is the site's name, not the headline", () => {
  const html = `<html><head><title>Ferns that survive a dry summer – Greenleaf Notes</title></head><body>
    <header><h1 class="site-title"><a href="/">Greenleaf Notes</a></h1></header>
    <main><h2>Ferns that survive a dry summer</h2><p>Text.</p></main></body></html>`;
  const { headings } = pageHeadings(parsePage(html));
  assert.deepEqual(headings, [{ text: "Greenleaf Notes", chrome: true }]);
  assert.equal(
    pickTitle(["Ferns that survive a dry summer – Greenleaf Notes"], headings, null, null),
    "Ferns that survive a dry summer",
  );
  // Not in the chrome, but another declared title confirms the other part.
  assert.equal(
    pickTitle(
      ["Week two of the puzzle calendar", "Marta's Notebook: Week two of the puzzle calendar"],
      [{ text: "Marta's Notebook", chrome: false }],
      null,
      null,
    ),
    "Week two of the puzzle calendar",
  );
  // A headline that is the first part of the <title> stays, even in a header.
  assert.equal(
    pickTitle(
      ["How to plan a vegetable bed - Allotment Society of Westbury"],
      [{ text: "How to plan a vegetable bed", chrome: true }],
      null,
      null,
    ),
    "How to plan a vegetable bed",
  );
});

test("headings in navigation, footers and logos are chrome; the article's are not", () => {
  const html = `<body><nav><h1>Open Menu Close Menu</h1></nav>
    <article><header><h1>Bridge reopens after repairs</h1></header></article>
    <footer><h1>Contact us</h1></footer></body>`;
  const { headings } = pageHeadings(parsePage(html));
  assert.deepEqual(
    headings.map((h) => h.chrome),
    [true, false, true],
  );
  assert.equal(pickTitle([], headings, null, null), "Bridge reopens after repairs");
});

test("the declared form keeps punctuation or case the heading lost", () => {
  // Kicker and title in separate spans lose their colon.
  assert.equal(
    pickTitle(
      ["Flood inquiry: Two resign - and questions remain"],
      ["Flood inquiry Two resign - and questions remain"],
      null,
      null,
    ),
    "Flood inquiry: Two resign - and questions remain",
  );
  assert.equal(
    pickTitle(["Tips for Better Sleep"], ["TIPS FOR BETTER SLEEP"], null, null),
    "Tips for Better Sleep",
  );
  // The heading's own punctuation is kept when the declared form has less.
  assert.equal(
    pickTitle(
      ["Choir vs Solo Singing: Which Suits You"],
      ["Choir vs. Solo Singing: Which Suits You?"],
      null,
      null,
    ),
    "Choir vs. Solo Singing: Which Suits You?",
  );
});

test("a kicker in the declared title or a date on the heading: the declared title", () => {
  assert.equal(
    pickTitle(
      ["Harbour strike: Dockers walk out for a third day"],
      ["Dockers walk out for a third day"],
      null,
      null,
    ),
    "Harbour strike: Dockers walk out for a third day",
  );
  assert.equal(
    pickTitle(
      ["Moving the build farm to new disks"],
      ["Mar 3 2025 Moving the build farm to new disks"],
      null,
      null,
    ),
    "Moving the build farm to new disks",
  );
  // A heading with a kicker of its own stays.
  assert.equal(
    pickTitle(
      ["Dockers walk out for a third day"],
      ["Harbour strike: Dockers walk out for a third day"],
      null,
      null,
    ),
    "Harbour strike: Dockers walk out for a third day",
  );
});

test("a label after a pipe in the heading goes", () => {
  assert.equal(
    pickTitle(["Why walking meetings work | Opinion"], ["Why walking meetings work | Opinion"], null, null),
    "Why walking meetings work",
  );
});

test("the declared case when the heading is set in sentence or lower case", () => {
  assert.equal(
    pickTitle(["How Much Should I Budget For A Bike?"], ["How much should I budget for a bike?"], null, null),
    "How Much Should I Budget For A Bike?",
  );
  // One word's case is not enough to prefer the declared form.
  assert.equal(
    pickTitle(
      ["Review And Approval Steps for Editors"],
      ["Review and Approval Steps for Editors"],
      null,
      null,
    ),
    "Review and Approval Steps for Editors",
  );
});

test("headings that are no headline: a lead-in with a colon, a file path, a blog's name", () => {
  assert.equal(
    pickTitle(
      ["Why tides run late in spring | Shore Notes"],
      ["A word from our editor:"],
      "Shore Notes",
      null,
    ),
    "Why tides run late in spring",
  );
  assert.equal(
    pickTitle(["How the cache got corrupted"], ["someone/notes.md"], null, null),
    "How the cache got corrupted",
  );
  assert.equal(
    pickTitle(["Packing light for a week of hiking"], ["Wanderlog Weekly Blog"], null, null),
    "Packing light for a week of hiking",
  );
});

test("a truncated declared title gives way to a full one; a site name goes from the heading", () => {
  assert.equal(
    pickTitle(
      [
        "Ten ways to fix a squeaky door (Including One",
        "Ten ways to fix a squeaky door (Including One Nobody Tries) - Hinge Blog",
      ],
      [],
      "Hinge Blog",
      null,
    ),
    "Ten ways to fix a squeaky door (Including One Nobody Tries)",
  );
  assert.equal(
    pickTitle(["Best walks of 2025 – Trailpost"], ["Best walks of 2025 – Trailpost"], "Trailpost", null),
    "Best walks of 2025",
  );
  assert.equal(cleanTitle("quillbank.io Signed builds", null, "quillbank.io"), "Signed builds");
});

test("a one-word label before the heading's title is the page's, not the headline's", () => {
  const declared = ["Ten tips for a quieter garden | Greenway", "Ten tips for a quieter garden | Greenway"];
  assert.equal(
    pickTitle(declared, ["Blog: Ten tips for a quieter garden"], "Greenway", null),
    "Ten tips for a quieter garden",
  );
  assert.equal(
    pickTitle(declared, ["Title:Ten tips for a quieter garden"], "Greenway", null),
    "Ten tips for a quieter garden",
  );
  // A kicker of several words stays with the heading.
  assert.equal(
    pickTitle(["Quieter gardens"], ["Spring planting guide: Quieter gardens"], null, null),
    "Spring planting guide: Quieter gardens",
  );
});

test("a heading whose markup replaced characters by '?' takes the declared form", () => {
  assert.equal(
    pickTitle(["Event Planning: A Beginner's Guide"], ["Event Planning? A Beginner? Guide"], null, null),
    "Event Planning: A Beginner's Guide",
  );
  // A real question keeps its question mark.
  assert.equal(
    pickTitle(["Why now? The council's answer"], ["Why now? The council's answer"], null, null),
    "Why now? The council's answer",
  );
});

test("a short first part before a bar is the site's name when no name is known", () => {
  assert.equal(
    cleanTitle("The Quarry | Ten tips for a quieter garden", null),
    "Ten tips for a quieter garden",
  );
  assert.equal(
    cleanTitle("Ten tips for a quieter garden | The Quarry", null),
    "Ten tips for a quieter garden",
  );
  // Not across other separators, and not when both parts are long.
  assert.equal(
    cleanTitle("Spring planting: Ten tips for a quieter garden", null),
    "Spring planting: Ten tips for a quieter garden",
  );
  assert.equal(
    cleanTitle("Ten tips for gardens | Five more for balconies", null),
    "Ten tips for gardens | Five more for balconies",
  );
});

/** Headline choice for a page we wrote: declared titles as index.ts passes them, headings as parsed. */
function titleOf(
  html: string,
  ld: string | null,
  og: string | null,
  site: string | null = null,
): string | null {
  const dom = parsePage(html);
  const { headings, parts, shown } = pageHeadings(dom);
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? null;
  return pickTitle([ld, og, null, title, null], headings, site, null, parts, shown, [ld, og, title]);
}

test("a declared title the article shows as a heading outranks the page header's <h1>", () => {
  // The header's teaser is the og:title and <title>; the article shows the JSON-LD headline.
  const header = `<html><head><title>Storm warning: Ferries stay in port all weekend</title></head><body>
    <header class="site-header"><h1>Storm warning: Ferries stay in port all weekend</h1></header>
    <article><h2>Ferries cancelled as gales reach the coast</h2><p>Text.</p></article></body></html>`;
  assert.equal(
    titleOf(
      header,
      "Ferries cancelled as gales reach the coast",
      "Storm warning: Ferries stay in port all weekend",
    ),
    "Ferries cancelled as gales reach the coast",
  );
  // An <h1> no declared title confirms; the <title> (without the blog's name) is shown below it.
  const blog = `<html><head><title>What do gardeners love about clay soil? | Loam Blog</title></head><body>
    <main><h2>What do gardeners love about clay soil?</h2><p>Text.</p>
    <h1>But what they love is how it holds water</h1><p>More.</p></main></body></html>`;
  assert.equal(titleOf(blog, null, null), "What do gardeners love about clay soil?");
  // A kicker set in its own element of the heading: the part the og:title says.
  const kicker = `<html><head><title>Budget row: Mayor defends bus cuts - The Daily</title></head><body>
    <header class="masthead"><h1>Budget row: Mayor defends bus cuts</h1></header>
    <article><h2><span>Opinion</span><span>The mayor's bus cuts will cost more than they save</span></h2>
    <p>Text.</p></article></body></html>`;
  assert.equal(
    titleOf(kicker, null, "The mayor's bus cuts will cost more than they save", "The Daily"),
    "The mayor's bus cuts will cost more than they save",
  );
  // The header's <h1> and the JSON-LD headline repeat the heading whole, kicker included; the og:title
  // is the part after the kicker.
  const whole = `<html><head><title>"Not before spring": Council delays the tram line</title></head><body>
    <header class="masthead"><h1>"Not before spring": Council delays the tram line</h1></header>
    <article><h2><span>"Not before spring"</span><span>Council delays the tram line</span></h2>
    <p>Text.</p></article></body></html>`;
  assert.equal(
    titleOf(whole, '"Not before spring": Council delays the tram line', "Council delays the tram line"),
    "Council delays the tram line",
  );
});

test("a shown declared title does not replace an <h1> saying the same, nor a cut-down <title>", () => {
  // The <h1> says the same words: its own form stays ("Low Light", not the subheading's "Low-Light").
  const same = `<html><head><title>The Best Ferns for Low Light Rooms - Greenleaf</title></head><body>
    <main><h1>The Best Ferns for Low Light Rooms</h1><h2>The Best Ferns for Low-Light Rooms</h2>
    <p>Text.</p></main></body></html>`;
  assert.equal(titleOf(same, null, null, "Greenleaf"), "The Best Ferns for Low Light Rooms");
  // A short part after a dash is no site name: the subheading repeating the first part is not the title.
  const guide = `<html><head><title>What is Social Selling - A guided introduction</title></head><body>
    <main><h1>An introduction to social selling for small shops</h1><h2>What is social selling?</h2>
    <p>Text.</p></main></body></html>`;
  assert.equal(titleOf(guide, null, null), "An introduction to social selling for small shops");
});

test("an <h1> in capitals that no declared title says gives way to the declared title", () => {
  assert.equal(
    pickTitle(
      ["Payroll Compliance: Five Checks Before Year End | Ledgerline"],
      ["SUPPORTING PAYROLL COMPLIANCE"],
      "Ledgerline",
      null,
    ),
    "Payroll Compliance: Five Checks Before Year End",
  );
  // Confirmed by a declared title, the heading keeps its words in the declared case.
  assert.equal(
    pickTitle(["Tips for Online Success"], ["TIPS FOR ONLINE SUCCESS"], null, null),
    "Tips for Online Success",
  );
  // A declared title in capitals too: the heading stays.
  assert.equal(
    pickTitle(["ROOF REPAIRS AFTER A STORM"], ["STORM DAMAGE: WHAT TO CHECK FIRST"], null, null),
    "STORM DAMAGE: WHAT TO CHECK FIRST",
  );
});
