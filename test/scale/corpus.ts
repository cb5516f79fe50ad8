/**
 * A synthetic news corpus for the scale test and the scale bench: deterministic (seeded) article pages
 * with a headline, a byline, a date and paragraphs of newsy sentences with names, places, quotes and
 * numbers, so extraction and analysis do real work. Each article has a unique topic word, so search
 * can find any one of them.
 */

const PEOPLE = [
  "Ada Moreno",
  "Viktor Lang",
  "Priya Natarajan",
  "Samuel Okafor",
  "Lena Fischer",
  "Tomas Varga",
  "Mei Chen",
  "Omar Haddad",
];
const PLACES = ["Tianjin", "Lagos", "Rotterdam", "Quito", "Tbilisi", "Osaka", "Nairobi", "Valparaíso"];
const ORGS = [
  "the Ministry of Finance",
  "the port authority",
  "the central bank",
  "the health agency",
  "the city council",
];
const VERBS = ["approved", "rejected", "delayed", "announced", "questioned", "expanded", "cut", "reviewed"];
const THINGS = [
  "a budget for flood defences",
  "the rail contract",
  "new fishing quotas",
  "a vaccine programme",
  "the housing plan",
  "emergency aid",
];
const SYLLABLES = ["ka", "lo", "mer", "tin", "sa", "vor", "bel", "qui", "dra", "pon", "zel", "fa"];

/** A small seeded PRNG (mulberry32): the same seed gives the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** The unique topic word of article n (`kalomer...`), searchable. */
export function topicWord(n: number): string {
  let s = "";
  let x = n + 1;
  while (x > 0) {
    s += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length);
  }
  return `${s}ex`;
}

export interface CorpusArticle {
  readonly n: number;
  readonly title: string;
  readonly published: string;
  readonly paragraphs: readonly string[];
}

/**
 * Article n of the corpus.
 *
 * @param n index (0-based)
 * @param paragraphs paragraphs per article (default 6)
 */
export function corpusArticle(n: number, paragraphs = 6): CorpusArticle {
  const r = rng(n * 7919 + 17);
  const topic = topicWord(n);
  const place = pick(r, PLACES);
  const title = `${pick(r, ORGS)
    .replace(/^the /, "")
    .replace(/^./, (c) => c.toUpperCase())} ${pick(r, VERBS)} ${topic} plan in ${place}`;
  const day = 1 + (n % 28);
  const published = `2025-${String(1 + (n % 12)).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const ps: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const who = pick(r, PEOPLE);
    const count = 10 + Math.floor(r() * 990);
    ps.push(
      `${who}, a spokesperson for ${pick(r, ORGS)}, said on Monday that officials in ${place} had ${pick(r, VERBS)} ${pick(r, THINGS)}. ` +
        `"We will not accept ${topic} without a vote," ${who} told reporters. ` +
        `At least ${count} people attended the meeting, and ${pick(r, ORGS)} must respond by Friday, March ${day}. ` +
        `Critics said the ${topic} decision would cost ${count * 3} million dollars over ${2 + (i % 5)} years.`,
    );
  }
  return { n, title, published, paragraphs: ps };
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** Article n as a complete HTML page (with navigation and footer boilerplate). */
export function corpusPage(n: number, paragraphs = 6): string {
  const a = corpusArticle(n, paragraphs);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(a.title)} | Synthetic Times</title>
<meta property="og:site_name" content="Synthetic Times"><meta property="article:published_time" content="${a.published}T08:00:00Z">
<meta name="author" content="Desk Reporter"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<main><article><h1>${esc(a.title)}</h1><p class="byline">By Desk Reporter</p>
${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("\n")}
</article></main><footer><p>© Synthetic Times. All rights reserved.</p></footer></body></html>`;
}
