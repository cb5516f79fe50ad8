import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root (where package.json is). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** Run a TypeScript script of the project in a child process with the same stdio; resolves to its exit code. */
export function runScript(relativePath: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, relativePath), ...args], {
      cwd: ROOT,
      stdio: "inherit",
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
