/**
 * Turn the inputs named on a command line (paths, `-`, URLs) into documents, in order.
 * Local reading has limits and clear errors; a URL is fetched with the acquire stage's guards.
 */

import { readFileInput } from "../acquire/file.ts";
import type { Config } from "../core/index.ts";
import type { InputItem } from "../pipeline/ingest.ts";
import { isUrl } from "./args.ts";
import { fetchInput } from "./fetch-input.ts";

/**
 * @param inputs as the user typed them
 * @param stdin where `-` reads from
 * @param config for the fetcher's allow list
 */
export async function* documentsFor(
  inputs: readonly string[],
  stdin: NodeJS.ReadableStream,
  config: Pick<Config, "fetchAllow">,
): AsyncIterable<InputItem> {
  for (const input of inputs) {
    yield {
      input,
      result: isUrl(input) ? await fetchInput(input, config) : await readFileInput(input, { stdin }),
    };
  }
}
