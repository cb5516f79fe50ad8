/** Stories: online clustering of arriving articles into developing stories. */

export {
  type LinkArticle,
  type LinkAssignment,
  StoryLinker,
  type StoryLinkerOptions,
  type StoryLinkerState,
  type StoryState,
} from "./linker.ts";
export { capitalisedNames, nameKeys } from "./names.ts";
