import { type Command, EXIT, type Io } from "../command.ts";
import { runScript } from "../run-script.ts";

const HELP = `usage: lede bench [TASK...] [--limit N]

Measure Lede and the peer libraries named in each task on the same inputs in one run (each system in
its own child process): items/s, median/p95/max ms per item, peak RSS, and speed ratios against Lede.
Same as 'npm run bench -- ...'.
`;

export const command: Command = {
  name: "bench",
  summary: "measure speed and memory side by side with peer libraries",
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    if (argv.includes("--help") || argv.includes("-h")) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    return runScript("bench/run.ts", argv);
  },
};
