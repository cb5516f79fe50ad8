// `npm test`: run every unit test (src/**/*.test.ts) and end-to-end test (test/**/*.test.ts)
// with Node's test runner, TypeScript loaded by tsx. Extra arguments are passed to the runner.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith(".test.ts")) out.push(relative(root, p));
  }
  return out;
}
const args = process.argv.slice(2);
const filters = args.filter((a) => !a.startsWith("-"));
const flags = args.filter((a) => a.startsWith("-"));
let files = [...find(join(root, "src")), ...find(join(root, "test"))].sort();
if (filters.length > 0) files = files.filter((f) => filters.some((x) => f.includes(x)));
const r = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=2", "--test-timeout=300000", ...flags, ...files],
  { cwd: root, stdio: "inherit" },
);
process.exit(r.status ?? 1);
