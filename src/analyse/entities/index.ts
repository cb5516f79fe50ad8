/**
 * The public face of entities: people, organisations, places and other names in an article,
 * each one entity with a canonical name, titles and all its mentions.
 *
 * @example
 * const sentences = splitSentences(text);
 * const entities = findEntities(text, sentences);
 * // [{id: "e1", type: "PERSON", name: "Ada Lindqvist", titles: ["Russian President"], mentions: [...]}, ...]
 */
import type { Entity, Span } from "../../core/index.ts";
import { tokenize } from "../text/index.ts";
import { nameMentions } from "./names.ts";
import { resolveEntities } from "./resolve.ts";
import { tagDocument } from "./tagger.ts";

export { countryOf, countryOfCapital, entityKey } from "./lexicon.ts";
export { loadTagger, tagDocument } from "./tagger.ts";

/**
 * Find the entities of an article.
 *
 * @param text the article text
 * @param sentences its sentence spans (from `splitSentences`)
 * @returns entities with ids e1, e2, ... in order of first mention; mentions of kinds name, title,
 *   nominal and pronoun, sorted by offset
 */
export function findEntities(text: string, sentences: readonly Span[]): Entity[] {
  const sents = sentences.map((s) => tokenize(text, s));
  const tags = tagDocument(sents.map((toks) => toks.map((t) => t.text)));
  return resolveEntities(text, sents, nameMentions(text, sents, tags));
}
