import { type Command, EXIT, type Io } from "../command.ts";
import { runScript } from "../run-script.ts";

const HELP = `usage: lede eval [TASK...] [--limit N] [--update]

Score stages on the dev sets in ../shared/data (extract, ner, quotes, time, gva, link, feeds, ...),
print a table with peer libraries scored in the same run, and fail (exit 1) when a score of Lede's is
below the floor pinned in test/eval/baseline.json. --limit N scores a quick sample (floors not checked);
--update raises floors to the new scores (floors never fall). Same as 'npm run eval -- ...'.
`;

export const command: Command = {
  name: "eval",
  summary: "score each stage on the dev sets against pinned floors",
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    if (argv.includes("--help") || argv.includes("-h")) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    return runScript("test/eval/run.ts", argv);
  },
};
