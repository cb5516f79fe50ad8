/**
 * Online story clustering. Each arriving article joins the most similar story or starts one, seeing only
 * the articles before it. Similarity combines TF-IDF text cosine (document frequencies updated as articles
 * arrive), entity cosine (analysed entities, or capitalised names as a fallback) and time proximity.
 * Candidate stories come from an inverted index of salient terms and names with bounded postings, so the
 * cost per article does not grow with the number stored. Copies found by the duplicate index join their
 * original's story. Two stories merge when an article matches both and they have converged; the older id
 * survives and the newer becomes its alias.
 */
import { DuplicateIndex, type DuplicateIndexState, type DuplicateOptions } from "../dedup/index.ts";
import { terms } from "../text.ts";
import { capitalisedNames, nameKeys } from "./names.ts";
import { addInto, logCounts, normalise, prune, type Sparse, topKeys, weightedCosine } from "./sparse.ts";

/** An arriving article. */
export interface LinkArticle {
  readonly id: string;
  /** The body text (no headline). */
  readonly text: string;
  readonly title?: string;
  /** ISO 8601 date or time of publication. */
  readonly published?: string;
  readonly url?: string;
  /** Names of the entities the article mentions (from analysis); guessed from capitals when absent. */
  readonly entities?: readonly string[];
}

/** Where an article went. */
export interface LinkAssignment {
  /** The story id (stable; after a merge, the surviving older id). */
  readonly story: string;
  /** The earlier article this one copies, or null. */
  readonly duplicateOf: string | null;
  /** Stories merged into `story` by this article (now its aliases), usually none. */
  readonly merged: readonly string[];
}

/** Tuning of the linker; the defaults are the ones `npm run eval -- link` measures. */
export interface StoryLinkerOptions {
  /** Least combined similarity to join a story (default 0.25). */
  readonly threshold?: number;
  /** Least story-to-story similarity to merge two stories an article matched (default 0.5). */
  readonly mergeThreshold?: number;
  /** Share of entity cosine in the combined similarity when both sides have entities (default 0.6). */
  readonly entityWeight?: number;
  /** Days two articles may lie apart with no time penalty (default 3). */
  readonly graceDays?: number;
  /** Days over the grace after which the similarity is halved (default 14). */
  readonly halfLifeDays?: number;
  /**
   * Stories kept in memory (default 20,000, about 15 KB each): past that the least recently updated
   * are forgotten, and a later article on one starts a new story. Its articles keep the old id.
   */
  readonly maxStories?: number;
  /** Thresholds of the duplicate index (and how many articles it keeps). */
  readonly duplicates?: DuplicateOptions;
}

/** Serialisable state of a StoryLinker (`toJSON` / `fromJSON`). */
export interface StoryLinkerState {
  readonly version: 1;
  readonly articles: number;
  readonly nextStory: number;
  readonly df: readonly (readonly [string, number])[];
  readonly entityDf: readonly (readonly [string, number])[];
  readonly stories: readonly StoryState[];
  readonly aliases: readonly (readonly [string, string])[];
  readonly articleStory: readonly (readonly [string, string])[];
  readonly postings: readonly (readonly [string, readonly string[]])[];
  readonly duplicates: DuplicateIndexState;
}

/** One story in the serialised state. */
export interface StoryState {
  readonly id: string;
  readonly seq: number;
  readonly members: readonly string[];
  readonly terms: readonly (readonly [string, number])[];
  readonly entities: readonly (readonly [string, number])[];
  readonly first: number | null;
  readonly last: number | null;
}

interface Story {
  readonly id: string;
  readonly seq: number;
  members: string[];
  terms: Sparse;
  entities: Sparse;
  first: number | null;
  last: number | null;
  /** IDF-weighted norms of terms and entities, and the article count they were computed at. */
  norms?: { readonly terms: number; readonly entities: number; readonly at: number } | undefined;
}

/** An arriving article's vector with IDF applied once: key → count weight × IDF², and its weighted norm. */
interface Weighted {
  readonly keys: readonly string[];
  readonly values: Float64Array;
  readonly norm: number;
}

/** Story norms are recomputed when the story changes or the collection grew by this share since. */
const NORM_DRIFT = 0.02;

/** Headline terms count this many times their body weight. */
const TITLE_BOOST = 2;
/** Terms kept in a story's centroid. */
const MAX_STORY_TERMS = 300;
/** Entity keys kept per story. */
const MAX_STORY_ENTITIES = 100;
/** Salient terms of an article that post its story in the index and that query it. */
const INDEX_TERMS = 12;
/** Entity keys of an article that post its story and query the index. */
const INDEX_ENTITIES = 8;
/** Story ids kept per posting (the most recently updated). */
const MAX_POSTING = 200;
/** Terms (and, separately, entity keys) with document frequencies kept before hapaxes are dropped. */
const MAX_VOCABULARY = 500_000;
/** Candidate stories scored in full per article (those sharing the most index keys). */
const MAX_CANDIDATES = 60;
const DAY_MS = 86_400_000;
/** Index keys of entities are prefixed so they never meet a text term. */
const ENTITY_PREFIX = "@";

/**
 * @example
 * const linker = new StoryLinker();
 * linker.add({ id: "a1", text: "Tara Reid checked into rehab at Promises in Malibu." }) // { story: "s1", duplicateOf: null }
 * linker.add({ id: "a2", text: "Actress Tara Reid entered the Promises rehab centre." }) // { story: "s1", ... }
 */
export class StoryLinker {
  private articles = 0;
  private nextStory = 1;
  private readonly df = new Map<string, number>();
  private readonly entityDf = new Map<string, number>();
  private readonly stories = new Map<string, Story>();
  private readonly aliases = new Map<string, string>();
  private readonly articleStory = new Map<string, string>();
  private readonly postings = new Map<string, string[]>();
  private duplicates: DuplicateIndex;
  private readonly threshold: number;
  private readonly mergeThreshold: number;
  private readonly entityWeight: number;
  private readonly graceDays: number;
  private readonly halfLifeDays: number;
  private readonly maxStories: number;
  private readonly options: StoryLinkerOptions;
  private lastCandidates = 0;
  private forgotten = 0;

  /** @param options thresholds and weights (see StoryLinkerOptions) */
  constructor(options: StoryLinkerOptions = {}) {
    this.options = options;
    this.threshold = options.threshold ?? 0.25;
    this.mergeThreshold = options.mergeThreshold ?? 0.5;
    this.entityWeight = options.entityWeight ?? 0.6;
    this.graceDays = options.graceDays ?? 3;
    this.halfLifeDays = options.halfLifeDays ?? 14;
    this.maxStories = options.maxStories ?? 20_000;
    this.duplicates = new DuplicateIndex(options.duplicates);
  }

  /**
   * Never hand out a story id numbered `n` or below (after restoring from an older state, ids already
   * recorded elsewhere must not be reused).
   */
  reserveStoryIds(n: number): void {
    this.nextStory = Math.max(this.nextStory, Math.floor(n) + 1);
  }

  /** Whether an article id has been added. */
  has(articleId: string): boolean {
    return this.articleStory.has(articleId);
  }

  /** How many articles have been added. */
  get size(): number {
    return this.articleStory.size;
  }

  /**
   * Assign an arriving article to a story (joining one or starting one).
   *
   * @param article the article; its id must be new (adding an id twice throws, as that is a bug)
   * @returns its story id and the earlier article it copies, if any
   */
  add(article: LinkArticle): LinkAssignment {
    if (this.articleStory.has(article.id)) throw new Error(`link: article id added twice [${article.id}]`);
    const dup = this.duplicates.add(article.id, article.text);
    const time = parseTime(article.published);
    if (dup.duplicateOf !== null) {
      const storyId = this.storyOf(dup.duplicateOf)!;
      this.joinCopy(article.id, storyId, time);
      return { story: storyId, duplicateOf: dup.duplicateOf, merged: [] };
    }
    const { tv, ev, keys } = this.vectors(article);
    const candidates = this.candidates(keys);
    this.lastCandidates = candidates.length;
    const tw = this.weigh(tv, this.idf);
    const ew = this.weigh(ev, this.entityIdf);
    const scored = candidates
      .map((s) => ({ story: s, score: this.similarity(tw, ew, time, s) }))
      .sort((a, b) => b.score - a.score || a.story.seq - b.story.seq);
    const best = scored[0];
    let story = best && best.score >= this.threshold ? best.story : this.newStory();
    this.join(story, article.id, tv, ev, keys, time);

    // Converged stories: another story this article also matched, now close to the one it joined.
    const merged: string[] = [];
    for (const other of scored.slice(1)) {
      if (other.score < this.threshold) break;
      if (!this.stories.has(other.story.id) || other.story === story) continue;
      if (this.storySimilarity(story, other.story) >= this.mergeThreshold) {
        const kept = this.merge(story, other.story);
        merged.push(kept === story ? other.story.id : story.id);
        story = kept;
      }
    }
    return { story: story.id, duplicateOf: null, merged };
  }

  /**
   * Put back an article whose story is already known (recorded by an earlier linker), without deciding
   * anything: the indexes, document frequencies and the story's vectors take it in as `add` did. A
   * process taking over linking restores the most recent links this way instead of loading a saved state.
   *
   * @param article the article as it was linked
   * @param storyId the story it was linked to (current id, after merges)
   * @param copyOf the earlier article it copies, if it was linked as a copy
   */
  restore(article: LinkArticle, storyId: string, copyOf: string | null): void {
    if (this.articleStory.has(article.id)) return;
    this.duplicates.add(article.id, article.text);
    const time = parseTime(article.published);
    const known = this.stories.get(this.resolve(storyId));
    if (copyOf !== null && known) {
      this.joinCopy(article.id, known.id, time);
      return;
    }
    const { tv, ev, keys } = this.vectors(article);
    this.join(known ?? this.newStory(storyId), article.id, tv, ev, keys, time);
  }

  /** A copy joins its original's story (its words are already there). */
  private joinCopy(articleId: string, storyId: string, time: number | null): void {
    const story = this.stories.get(storyId);
    if (story) {
      story.members.push(articleId);
      this.touchTime(story, time);
      this.touch(story);
    }
    this.articleStory.set(articleId, storyId);
  }

  /** Count an article's terms and names into the document frequencies; its vectors and index keys. */
  private vectors(article: LinkArticle): { tv: Sparse; ev: Sparse; keys: string[] } {
    const bodyTerms = terms(article.text);
    const titleTerms = article.title ? terms(article.title) : [];
    const names =
      article.entities ??
      capitalisedNames(article.title ? `${article.title}\n${article.text}` : article.text);
    const entityKeys = names.flatMap(nameKeys);
    this.articles++;
    for (const t of new Set([...bodyTerms, ...titleTerms])) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    for (const e of new Set(entityKeys)) this.entityDf.set(e, (this.entityDf.get(e) ?? 0) + 1);
    const tv = logCounts(titleTerms, TITLE_BOOST, logCounts(bodyTerms));
    const ev = logCounts(entityKeys);
    const keys = [
      ...topKeys(tv, INDEX_TERMS, this.idf),
      ...topKeys(ev, INDEX_ENTITIES, this.entityIdf).map((e) => ENTITY_PREFIX + e),
    ];
    return { tv, ev, keys };
  }

  /** A new story: the next id, or the given one (`s42`) when restoring. */
  private newStory(id?: string): Story {
    const n = id ? Number(/^s(\d+)$/.exec(id)?.[1] ?? 0) : 0;
    const seq = n > 0 ? n : this.nextStory;
    this.nextStory = Math.max(this.nextStory, seq + 1);
    const story: Story = {
      id: id ?? `s${seq}`,
      seq,
      members: [],
      terms: new Map(),
      entities: new Map(),
      first: null,
      last: null,
    };
    this.stories.set(story.id, story);
    return story;
  }

  /** An article joins a story: members, vectors, time span and index postings. */
  private join(
    story: Story,
    articleId: string,
    tv: Sparse,
    ev: Sparse,
    keys: readonly string[],
    time: number | null,
  ): void {
    story.members.push(articleId);
    this.touch(story);
    addInto(story.terms, normalise(tv));
    prune(story.terms, MAX_STORY_TERMS);
    addInto(story.entities, normalise(ev));
    prune(story.entities, MAX_STORY_ENTITIES);
    story.norms = undefined;
    this.touchTime(story, time);
    this.articleStory.set(articleId, story.id);
    for (const k of keys) this.post(k, story.id);
  }

  /**
   * Counters for monitoring: articles seen, live stories, and how many candidate stories the last
   * arriving article was scored against (bounded by the index, not by the number stored).
   */
  stats(): { articles: number; stories: number; lastCandidates: number } {
    return {
      articles: this.articleStory.size,
      stories: this.stories.size,
      lastCandidates: this.lastCandidates,
    };
  }

  /**
   * The current story of an article (following merges), or undefined when the id is unknown.
   *
   * @example linker.storyOf("a1") // "s1"
   */
  storyOf(articleId: string): string | undefined {
    const s = this.articleStory.get(articleId);
    return s === undefined ? undefined : this.resolve(s);
  }

  /** The article ids of a story in arrival order (following merges), or [] when unknown. */
  members(storyId: string): readonly string[] {
    return this.stories.get(this.resolve(storyId))?.members ?? [];
  }

  /** The ids of the live stories (merged ones excluded), oldest first. */
  storyIds(): string[] {
    return [...this.stories.values()].sort((a, b) => a.seq - b.seq).map((s) => s.id);
  }

  /**
   * The key terms and names of a story, most salient first: raw material for a label.
   *
   * @param storyId a story id (aliases followed)
   * @param n how many of each
   */
  keywords(storyId: string, n = 5): { terms: string[]; entities: string[] } {
    const s = this.stories.get(this.resolve(storyId));
    if (!s) return { terms: [], entities: [] };
    return { terms: topKeys(s.terms, n, this.idf), entities: topKeys(s.entities, n, this.entityIdf) };
  }

  /** IDF = ln((N + 1) / (df + 1)) + 1, with the logarithms looked up rather than computed per call. */
  private readonly idf = (t: string): number =>
    logOf(this.articles + 1) - logOf((this.df.get(t) ?? 0) + 1) + 1;
  private readonly entityIdf = (e: string): number =>
    logOf(this.articles + 1) - logOf((this.entityDf.get(e) ?? 0) + 1) + 1;

  private resolve(id: string): string {
    let s = id;
    for (let next = this.aliases.get(s); next !== undefined; next = this.aliases.get(s)) s = next;
    return s;
  }

  /** Stories sharing the most index keys with an article, read from bounded postings. */
  private candidates(keys: readonly string[]): Story[] {
    const hits = new Map<string, number>();
    for (const k of keys) {
      const weight = k.startsWith(ENTITY_PREFIX) ? this.entityIdf(k.slice(1)) : this.idf(k);
      for (const raw of this.postings.get(k) ?? []) {
        const id = this.resolve(raw);
        hits.set(id, (hits.get(id) ?? 0) + weight);
      }
    }
    return [...hits]
      .filter(([id]) => this.stories.has(id))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_CANDIDATES)
      .map(([id]) => this.stories.get(id)!);
  }

  /**
   * Mark a story as the most recently updated (the stories Map is kept in that order), then forget
   * the least recently updated stories beyond `maxStories`. A forgotten story's articles keep its id.
   */
  private touch(story: Story): void {
    this.stories.delete(story.id);
    this.stories.set(story.id, story);
    let forgot = false;
    while (this.stories.size > this.maxStories) {
      this.stories.delete(this.stories.keys().next().value!);
      forgot = true;
    }
    if (forgot && ++this.forgotten >= this.maxStories) this.sweep();
  }

  /**
   * Drop what only forgotten stories used: posting entries of stories no longer kept (and postings
   * left empty), and, past MAX_VOCABULARY, terms and names seen in a single article (IDF then counts
   * them as unseen, a negligible change). Runs once per `maxStories` forgotten stories.
   */
  private sweep(): void {
    this.forgotten = 0;
    for (const [k, ids] of this.postings) {
      const live = ids.filter((id) => this.stories.has(this.resolve(id)));
      if (live.length === 0) this.postings.delete(k);
      else if (live.length < ids.length) this.postings.set(k, live);
    }
    for (const df of [this.df, this.entityDf]) {
      if (df.size <= MAX_VOCABULARY) continue;
      for (const [k, n] of df) if (n <= 1) df.delete(k);
    }
  }

  private post(key: string, storyId: string): void {
    let list = this.postings.get(key);
    if (!list) this.postings.set(key, (list = []));
    const at = list.lastIndexOf(storyId);
    if (at >= 0) list.splice(at, 1);
    list.push(storyId);
    if (list.length > MAX_POSTING) list.shift();
  }

  private similarity(tw: Weighted, ew: Weighted, time: number | null, s: Story): number {
    const norms = this.norms(s);
    const text = cosine(tw, s.terms, norms.terms);
    let sim = text;
    if (ew.keys.length > 0 && s.entities.size > 0) {
      const ent = cosine(ew, s.entities, norms.entities);
      sim = (1 - this.entityWeight) * text + this.entityWeight * ent;
    }
    return sim * this.timeFactor(time, s);
  }

  /** An article's vector weighted once for scoring against many stories. */
  private weigh(v: Sparse, idf: (key: string) => number): Weighted {
    const keys = [...v.keys()];
    const values = new Float64Array(keys.length);
    let sq = 0;
    keys.forEach((k, i) => {
      const w = idf(k);
      const y = v.get(k)! * w;
      sq += y * y;
      values[i] = y * w;
    });
    return { keys, values, norm: Math.sqrt(sq) };
  }

  /** A story's IDF-weighted norms, cached until it changes or the collection grows by NORM_DRIFT. */
  private norms(s: Story): { terms: number; entities: number; at: number } {
    const n = s.norms;
    if (n && this.articles <= n.at * (1 + NORM_DRIFT)) return n;
    let t = 0;
    for (const [k, x] of s.terms) t += (x * this.idf(k)) ** 2;
    let e = 0;
    for (const [k, x] of s.entities) e += (x * this.entityIdf(k)) ** 2;
    s.norms = { terms: Math.sqrt(t), entities: Math.sqrt(e), at: this.articles };
    return s.norms;
  }

  private storySimilarity(a: Story, b: Story): number {
    const text = weightedCosine(a.terms, b.terms, this.idf);
    if (a.entities.size === 0 || b.entities.size === 0) return text;
    const ent = weightedCosine(a.entities, b.entities, this.entityIdf);
    return (1 - this.entityWeight) * text + this.entityWeight * ent;
  }

  /** 1 within the grace period of the story's span; halves every `halfLifeDays` beyond it. */
  private timeFactor(time: number | null, s: Story): number {
    if (time === null || s.first === null || s.last === null) return 1;
    const gap = time < s.first ? s.first - time : time > s.last ? time - s.last : 0;
    const over = gap / DAY_MS - this.graceDays;
    return over <= 0 ? 1 : 0.5 ** (over / this.halfLifeDays);
  }

  private touchTime(s: Story, time: number | null): void {
    if (time === null) return;
    s.first = s.first === null ? time : Math.min(s.first, time);
    s.last = s.last === null ? time : Math.max(s.last, time);
  }

  /** Merge two stories: the older id survives, the newer becomes its alias. */
  private merge(a: Story, b: Story): Story {
    const [keep, gone] = a.seq < b.seq ? [a, b] : [b, a];
    keep.members.push(...gone.members);
    keep.norms = undefined;
    addInto(keep.terms, gone.terms);
    prune(keep.terms, MAX_STORY_TERMS);
    addInto(keep.entities, gone.entities);
    prune(keep.entities, MAX_STORY_ENTITIES);
    if (gone.first !== null) this.touchTime(keep, gone.first);
    if (gone.last !== null) this.touchTime(keep, gone.last);
    this.stories.delete(gone.id);
    this.aliases.set(gone.id, keep.id);
    this.touch(keep);
    return keep;
  }

  /** The whole state as plain JSON, for a store to persist. */
  toJSON(): StoryLinkerState {
    return {
      version: 1,
      articles: this.articles,
      nextStory: this.nextStory,
      df: [...this.df],
      entityDf: [...this.entityDf],
      stories: [...this.stories.values()].map((s) => ({
        id: s.id,
        seq: s.seq,
        members: [...s.members],
        terms: [...s.terms],
        entities: [...s.entities],
        first: s.first,
        last: s.last,
      })),
      aliases: [...this.aliases],
      articleStory: [...this.articleStory],
      postings: [...this.postings].map(([k, v]) => [k, [...v]] as const),
      duplicates: this.duplicates.toJSON(),
    };
  }

  /**
   * Restore a linker from `toJSON` output; it then assigns exactly as the original would have.
   *
   * @param state the saved state
   * @param options the same options the saved linker had
   */
  static fromJSON(state: StoryLinkerState, options: StoryLinkerOptions = {}): StoryLinker {
    if (state.version !== 1)
      throw new Error(`link: unknown StoryLinker state version ${String(state.version)}`);
    const l = new StoryLinker(options);
    l.articles = state.articles;
    l.nextStory = state.nextStory;
    for (const [k, v] of state.df) l.df.set(k, v);
    for (const [k, v] of state.entityDf) l.entityDf.set(k, v);
    for (const s of state.stories) {
      l.stories.set(s.id, {
        id: s.id,
        seq: s.seq,
        members: [...s.members],
        terms: new Map(s.terms),
        entities: new Map(s.entities),
        first: s.first,
        last: s.last,
      });
    }
    for (const [k, v] of state.aliases) l.aliases.set(k, v);
    for (const [k, v] of state.articleStory) l.articleStory.set(k, v);
    for (const [k, v] of state.postings) l.postings.set(k, [...v]);
    l.duplicates = DuplicateIndex.fromJSON(state.duplicates, l.options.duplicates);
    return l;
  }
}

/** Cosine of a weighted article vector and a story vector whose weighted norm is given. */
function cosine(a: Weighted, story: Sparse, storyNorm: number): number {
  if (a.norm === 0 || storyNorm === 0) return 0;
  let dot = 0;
  for (let i = 0; i < a.keys.length; i++) {
    const z = story.get(a.keys[i]!);
    if (z !== undefined) dot += a.values[i]! * z;
  }
  return dot / (a.norm * storyNorm);
}

/** Natural logarithms of small integers, filled as needed. */
let LOGS = new Float64Array(1024).fill(Number.NaN);

/** ln(n) for a positive integer, from the table. */
function logOf(n: number): number {
  if (n >= LOGS.length) {
    const grown = new Float64Array(Math.max(n + 1, LOGS.length * 2)).fill(Number.NaN);
    grown.set(LOGS);
    LOGS = grown;
  }
  let v = LOGS[n]!;
  if (Number.isNaN(v)) LOGS[n] = v = Math.log(n);
  return v;
}

/** Milliseconds since the epoch of an ISO date, or null when absent or unparseable. */
function parseTime(published: string | undefined): number | null {
  if (!published) return null;
  const t = Date.parse(published);
  return Number.isNaN(t) ? null : t;
}
