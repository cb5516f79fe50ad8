import { parse } from "../args.ts";
import { type Command, EXIT, type Io } from "../command.ts";
import { storeFromEnv } from "../open-store.ts";

const HELP = `usage: lede token create [NAME]

Create an API token for anything that writes (POST /api/ingest ...). The token is printed once;
only its hash is stored. Send it as "Authorization: Bearer <token>".
`;

export const command: Command = {
  name: "token",
  summary: "create API tokens for anything that writes",
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<number> {
    const p = parse(argv, {});
    if (p.ok && p.values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (!p.ok || p.positionals[0] !== "create" || p.positionals.length > 2) {
      io.stderr.write(`lede token: ${p.ok ? "expected: token create [NAME]" : p.message}\n\n${HELP}`);
      return EXIT.usage;
    }
    const { store } = await storeFromEnv(io.env);
    try {
      const { token } = await store.createToken(p.positionals[1] ?? "default");
      io.stdout.write(`${token}\n`);
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
