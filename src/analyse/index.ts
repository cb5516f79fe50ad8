/** The public face of analyse. */
export { type AnalyseOptions, analyse, referenceDate } from "./analyse.ts";
export type { AnalysisContext } from "./context.ts";
