import { makeCommand } from "../page-command.ts";

/** `lede analyse FILE|URL|- ...`: the article and its analysis (see page-command.ts). */
export const command = makeCommand("analyse");
