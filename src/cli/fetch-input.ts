/** Fetch one URL named on the command line (with the acquire stage's SSRF guard and limits). */
import { type Config, type Document, err, LedeError, type Result } from "../core/index.ts";

export async function fetchInput(url: string, config: Pick<Config, "fetchAllow">): Promise<Result<Document>> {
  void config;
  return err(new LedeError("acquire", "network", `fetching URLs is not wired yet [${url}]`));
}
