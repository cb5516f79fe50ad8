/**
 * Articles with hand-built analyses for the reader's tests (the analysis stages are still being
 * filled in, so the reader is tested against analyses we construct), and a hostile one.
 */
import type { Analysis, Article } from "../../src/core/index.ts";

/** A span of the first occurrence of `s` in `text` (after `from`). */
function spanOf(text: string, s: string, from = 0) {
  const start = text.indexOf(s, from);
  if (start < 0) throw new Error(`fixture: "${s}" not in text`);
  return { start, end: start + s.length, text: s };
}

/** A report with people, places, quotes, times, counts, a claim, a deadline and an event. */
export function summitArticle(): { article: Article; analysis: Analysis } {
  const text = [
    'Russian President Vladimir Putin said on Monday that "Nato expansion is a direct threat" to Russia, speaking in Tianjin.',
    "US President Donald Trump gave Moscow a two-week deadline to agree to peace talks with Volodymyr Zelensky.",
    "Overnight, Russia fired 629 drones and missiles at Ukraine, killing 23 people in Kyiv, officials said.",
    "The Kremlin said Putin had agreed to security guarantees, but Moscow has yet to confirm this.",
  ].join("\n\n");
  const t = (s: string, from = 0) => spanOf(text, s, from);
  const article: Article = {
    url: "https://news.example/world/summit",
    title: "Putin warns Nato as Trump sets deadline",
    authors: ["Ada Reporter"],
    published: "2025-09-01",
    modified: null,
    language: "en",
    siteName: "Example News",
    text,
    blocks: text
      .split("\n\n")
      .map((p) => ({ type: "paragraph" as const, start: text.indexOf(p), end: text.indexOf(p) + p.length })),
    related: [{ title: "Markets fall", age: "2 hours", url: "https://news.example/markets" }],
  };
  const analysis: Analysis = {
    reference: "2025-09-01",
    sentences: article.blocks.map((b) => ({ start: b.start, end: b.end })),
    entities: [
      {
        id: "e1",
        type: "PERSON",
        name: "Vladimir Putin",
        titles: ["Russian President"],
        mentions: [
          { ...t("Russian President"), kind: "title" },
          { ...t("Vladimir Putin"), kind: "name" },
          { ...t("Putin had"), end: t("Putin had").start + 5, text: "Putin", kind: "name" },
        ],
      },
      {
        id: "e2",
        type: "PERSON",
        name: "Donald Trump",
        titles: ["US President"],
        mentions: [{ ...t("Donald Trump"), kind: "name" }],
      },
      { id: "e3", type: "ORG", name: "Nato", titles: [], mentions: [{ ...t("Nato"), kind: "name" }] },
      {
        id: "e4",
        type: "LOC",
        name: "Russia",
        titles: [],
        mentions: [{ ...t("Russia,"), end: t("Russia,").start + 6, text: "Russia", kind: "name" }],
      },
      { id: "e5", type: "LOC", name: "Tianjin", titles: [], mentions: [{ ...t("Tianjin"), kind: "name" }] },
      { id: "e6", type: "LOC", name: "Kyiv", titles: [], mentions: [{ ...t("Kyiv"), kind: "name" }] },
      {
        id: "e7",
        type: "PERSON",
        name: "Volodymyr Zelensky",
        titles: [],
        mentions: [{ ...t("Volodymyr Zelensky"), kind: "name" }],
      },
      {
        id: "e8",
        type: "ORG",
        name: "Kremlin",
        titles: [],
        mentions: [{ ...t("The Kremlin"), kind: "name" }],
      },
    ],
    quotes: [
      {
        ...t('"Nato expansion is a direct threat"'),
        kind: "direct",
        cue: t("said"),
        speaker: t("Vladimir Putin"),
        speakerEntity: "e1",
        speakerName: "Vladimir Putin",
      },
      {
        ...t("Putin had agreed to security guarantees"),
        kind: "indirect",
        cue: t("said", text.indexOf("The Kremlin")),
        speaker: t("The Kremlin"),
        speakerEntity: "e8",
        speakerName: "Kremlin",
      },
    ],
    times: [
      { ...t("Monday"), type: "DATE", value: "2025-09-01" },
      { ...t("two-week"), type: "DURATION", value: "P2W" },
      { ...t("Overnight"), type: "TIME", value: "2025-08-31TNI" },
    ],
    quantities: [
      {
        ...t("629 drones and missiles"),
        value: 629,
        approximate: false,
        counts: "drones and missiles",
        role: "fired",
      },
      { ...t("23 people"), value: 23, approximate: false, counts: "people", role: "killed" },
    ],
    events: [
      {
        ...t("Russia fired 629 drones and missiles at Ukraine, killing 23 people in Kyiv"),
        type: "attack",
        date: "2025-08-31",
        actors: ["e4"],
        targets: [],
        place: "e6",
        killed: 23,
        injured: null,
      },
    ],
    deadlines: [
      {
        ...t("a two-week deadline"),
        setter: "e2",
        target: "e1",
        demand: "agree to peace talks with Volodymyr Zelensky",
        due: "2025-09-15",
        approximate: true,
        window: { from: "2025-09-12", to: "2025-09-15" },
        counted: "2025-09-01",
      },
    ],
    claims: [
      {
        ...t("Putin had agreed to security guarantees"),
        claimant: "e8",
        about: ["e1"],
        status: "unconfirmed",
        statusEvidence: t("Moscow has yet to confirm this"),
      },
    ],
  };
  return { article, analysis };
}

/** The attack strings hostile content carries. */
export const ATTACKS = [
  "<script>alert('x')</script>",
  '"><img src=x onerror=alert(1)>',
  "<svg onload=alert(1)>",
  "javascript:alert(1)",
  "</textarea><iframe src=javascript:alert(1)>",
];

/** An article whose every field, and its analysis, carries attacks. */
export function hostileArticle(): { article: Article; analysis: Analysis } {
  const text = `Lead ${ATTACKS.join(" and ")} said "<b onmouseover=alert(2)>quote</b>" today.\n\nSecond <style>body{display:none}</style> paragraph.`;
  const t = (s: string) => spanOf(text, s);
  const article: Article = {
    url: "javascript:alert(document.cookie)",
    title: `Title ${ATTACKS[0]} ${ATTACKS[1]}`,
    authors: [ATTACKS[2]!, "Ann <b>Bold</b>"],
    published: "2025-09-02",
    modified: null,
    language: "en",
    siteName: `<script>alert("site")</script>`,
    text,
    blocks: [],
    related: [
      { title: ATTACKS[1]!, age: ATTACKS[2]!, url: "javascript:alert(3)" },
      { title: "data link", age: null, url: "data:text/html,<script>alert(4)</script>" },
    ],
  };
  const evil = ATTACKS[1]!;
  const analysis: Analysis = {
    reference: "2025-09-02",
    sentences: [],
    entities: [
      {
        id: "e1",
        type: "PERSON",
        name: evil,
        titles: [ATTACKS[0]!],
        mentions: [{ ...t("Lead"), kind: "name" }],
      },
    ],
    quotes: [
      {
        ...t('"<b onmouseover=alert(2)>quote</b>"'),
        kind: "direct",
        cue: null,
        speaker: null,
        speakerEntity: "e1",
        speakerName: evil,
      },
    ],
    times: [{ ...t("today"), type: "DATE", value: ATTACKS[0]! }],
    quantities: [],
    events: [
      {
        ...t("Second"),
        type: "other",
        date: ATTACKS[0]!,
        actors: ["e1"],
        targets: [],
        place: null,
        killed: null,
        injured: null,
      },
    ],
    deadlines: [
      {
        ...t("today"),
        setter: "e1",
        target: null,
        demand: ATTACKS[2]!,
        due: ATTACKS[3]!,
        approximate: false,
      },
    ],
    claims: [
      {
        ...t("paragraph"),
        claimant: "e1",
        about: ["e1"],
        status: "disputed",
        statusEvidence: { start: 0, end: 4, text: ATTACKS[0]! },
      },
    ],
  };
  return { article, analysis };
}
