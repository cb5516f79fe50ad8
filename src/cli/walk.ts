import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Most files taken from one directory tree. */
export const MAX_DIRECTORY_FILES = 100_000;

/** Files under a directory (recursively, sorted, hidden entries skipped), at most `max`. */
export function* walkFiles(dir: string, max = MAX_DIRECTORY_FILES): Generator<string> {
  let n = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    const names = readdirSync(d).sort().reverse();
    for (const name of names) {
      if (name.startsWith(".")) continue;
      const p = join(d, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) stack.push(p);
      else if (st.isFile()) {
        if (n++ >= max) return;
        yield p;
      }
    }
  }
}
