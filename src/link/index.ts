/**
 * Link: connect copies and follow-ups. Exact and near-duplicate detection with syndication lineage
 * (`dedup/`), and online story clustering (`stories/`). Pure functions and in-memory indexes with
 * serialisable state; the store persists them, nothing here does I/O.
 *
 * @example
 * const linker = new StoryLinker();
 * for (const a of arriving) console.log(a.id, linker.add(a)); // { story: "s1", duplicateOf: null }
 */
export * from "./dedup/index.ts";
export * from "./stories/index.ts";
export { isBoilerplate, paragraphs, terms } from "./text.ts";
