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
export {
  type ClaimHistory,
  type ClaimReport,
  claimHistories,
  type FigureReport,
  type ReconciledFigure,
  reconcileFigures,
  type StoryReport,
} from "./reconcile.ts";
