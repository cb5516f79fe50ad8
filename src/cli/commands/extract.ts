import { makeCommand } from "../page-command.ts";

/** `lede extract FILE|URL|- ...`: the article of each page (see page-command.ts). */
export const command = makeCommand("extract");
