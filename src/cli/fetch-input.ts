/** Fetch one URL named on the command line or posted to the API (SSRF guard, limits, robots.txt). */
import { fetchUrl, withFurtherPages } from "../acquire/index.ts";
import type { Config, Document, Result } from "../core/index.ts";

/**
 * @param url an http(s) URL
 * @param config the allow list for private addresses (`LEDE_FETCH_ALLOW`)
 */
export async function fetchInput(url: string, config: Pick<Config, "fetchAllow">): Promise<Result<Document>> {
  const fetchPage = (u: string) => fetchUrl(u, { allow: config.fetchAllow, input: u, sourceKind: "url" });
  const r = await fetchPage(url);
  return r.ok ? { ok: true, value: await withFurtherPages(r.value, fetchPage) } : r;
}
