/**
 * `npm run train -- <model> [args...]`: rebuild a model under models/ from ../shared/data.
 * Each model has a script `scripts/train/<model>.ts` whose default export is `train(args)`.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = join(dirname(fileURLToPath(import.meta.url)), "train");
const models = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => f.slice(0, -3))
  : [];
const [name, ...args] = process.argv.slice(2);
if (!name || name === "--help" || !models.includes(name)) {
  console.error(`usage: npm run train -- <model> [args...]\nmodels: ${models.join(", ") || "(none)"}`);
  process.exit(name && name !== "--help" ? 2 : 0);
}
const mod = (await import(join(dir, `${name}.ts`))) as { default: (args: string[]) => Promise<void> };
await mod.default(args);
