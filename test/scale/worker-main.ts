/**
 * Runs `lede worker` (the command module itself) as a process, for the scale test and bench, whether
 * or not the command is registered in `src/cli/main.ts` yet.
 */
import { command } from "../../src/cli/commands/worker.ts";

const code = await command.run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  isTTY: false,
});
process.exit(code);
