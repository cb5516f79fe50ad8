import { type Config, loadConfig } from "../core/index.ts";
import { openStore, type Store } from "../store/index.ts";

/** Load the config and open (migrating) the store it names. */
export async function storeFromEnv(env: NodeJS.ProcessEnv): Promise<{ config: Config; store: Store }> {
  const config = loadConfig(env);
  return { config, store: await openStore(config) };
}
