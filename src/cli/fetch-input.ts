/** Fetch one URL named on the command line or posted to the API (SSRF guard, limits, robots.txt). */
import { fetchUrl } from "../acquire/index.ts";
import type { Config, Document, Result } from "../core/index.ts";

/**
 * @param url an http(s) URL
 * @param config the allow list for private addresses (`LEDE_FETCH_ALLOW`)
 */
export async function fetchInput(url: string, config: Pick<Config, "fetchAllow">): Promise<Result<Document>> {
  return fetchUrl(url, { allow: config.fetchAllow, input: url, sourceKind: "url" });
}
