/**
 * `npm run eval -- gva`: the main event of gun-violence news (CIS-530 GVA set: article text, publication date,
 * and the Gun Violence Archive record): people killed, people injured and the incident date.
 *
 * Metrics (exact-match accuracy per field; val = the check, train = development):
 * - `killed_acc`, `injured_acc`, `date_acc` on val; `train_*` the same on train.
 * Published system on the repo's test split (not in ../shared): 0.837 / 0.742 / 0.774.
 *
 * Lede: times → quantities → events on the text alone (no entities, no quotes), then the main incident — the
 * first attack or other incident (arrest, theft) in the events' ranking — with its killed/injured (null → 0, since
 * GVA records 0 when the text says nothing) and its date when it is day-precise, else the publication date. Peer "trivial": the first number word within three words before
 * "killed|dead|died" (and "injured|wounded|hurt|shot"), else 0; date = publication date − 1 (the repo's baseline).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findEvents } from "../../../src/analyse/events/index.ts";
import { findQuantities, parseNumber } from "../../../src/analyse/quantities/index.ts";
import { addDays, findTimes, fmtDay, parseDay } from "../../../src/analyse/time/index.ts";
import type { EvalTask, SystemScores } from "../harness.ts";

interface Article {
  readonly text: string;
  readonly publish_date: string;
}
interface Record {
  readonly n_killed: number;
  readonly n_injured: number;
  readonly shooting_date: string;
}
/** What a system says about an article's main incident. */
export interface Incident {
  readonly killed: number;
  readonly injured: number;
  readonly date: string;
}

/** Lede's reading of one article. */
export function ledeIncident(a: Article): Incident {
  const text = a.text;
  const times = findTimes(text, [], a.publish_date);
  const quantities = findQuantities(text, []);
  const events = findEvents({
    text,
    sentences: [],
    reference: a.publish_date,
    entities: [],
    quotes: [],
    times,
    quantities,
    events: [],
  });
  // events come main first; an incident (an attack, else an arrest or theft) outranks talks and statements
  const main = events.find((e) => e.type === "attack" || e.type === "other") ?? events[0];
  const date = main?.date && /^\d{4}-\d{2}-\d{2}$/.test(main.date) ? main.date : a.publish_date;
  return { killed: main?.killed ?? 0, injured: main?.injured ?? 0, date };
}

const NUM_BEFORE = /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+){0,2}?$/i;

/** The trivial peer: the number right before a casualty word. */
export function trivialIncident(a: Article): Incident {
  const first = (re: RegExp): number => {
    const m = re.exec(a.text);
    if (!m) return 0;
    const n = NUM_BEFORE.exec(a.text.slice(Math.max(0, m.index - 40), m.index));
    return n ? (parseNumber(n[1]!) ?? 0) : 0;
  };
  const pub = parseDay(a.publish_date);
  return {
    killed: first(/\b(?:killed|dead|died)\b/i),
    injured: first(/\b(?:injured|wounded|hurt|shot)\b/i),
    date: pub ? fmtDay(addDays(pub, -1)) : a.publish_date,
  };
}

function load(dataDir: string, split: "train" | "val", limit: number | undefined): [Article, Record][] {
  const dir = join(dataDir, "events/gva");
  const xs = JSON.parse(readFileSync(join(dir, `X_${split}.json`), "utf8")) as Article[];
  const ys = JSON.parse(readFileSync(join(dir, `y_${split}.json`), "utf8")) as Record[];
  return xs.slice(0, limit ?? xs.length).map((x, i) => [x, ys[i]!]);
}

function score(
  pairs: readonly [Article, Record][],
  system: (a: Article) => Incident,
  prefix: string,
): Record_ {
  let k = 0;
  let inj = 0;
  let d = 0;
  for (const [a, y] of pairs) {
    const p = system(a);
    if (p.killed === y.n_killed) k++;
    if (p.injured === y.n_injured) inj++;
    if (p.date === y.shooting_date) d++;
  }
  const n = pairs.length || 1;
  return { [`${prefix}killed_acc`]: k / n, [`${prefix}injured_acc`]: inj / n, [`${prefix}date_acc`]: d / n };
}
type Record_ = { [k: string]: number };

const task: EvalTask = {
  name: "gva",
  description:
    "killed / injured / incident date of the main event in gun-violence news (GVA val; train for development)",
  async run(ctx) {
    const val = load(ctx.dataDir, "val", ctx.limit);
    const train = load(ctx.dataDir, "train", ctx.limit);
    ctx.progress(`val ${val.length}, train ${train.length}`);
    const systems: [string, (a: Article) => Incident][] = [
      ["lede", ledeIncident],
      ["trivial", trivialIncident],
    ];
    const rows: SystemScores[] = systems.map(([name, f]) => ({
      system: name,
      metrics: { ...score(val, f, ""), ...score(train, f, "train_") },
    }));
    return {
      rows,
      items: { val: val.length, train: train.length },
      notes: ["published system (test split, not in ../shared): killed 0.837, injured 0.742, date 0.774"],
    };
  },
};

export default task;
