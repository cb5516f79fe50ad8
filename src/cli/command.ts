/**
 * The shape of a CLI command: one file per command under `commands/`, each exporting `command`.
 */
export interface Io {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
  /** Whether stderr is a terminal (progress bars only then). */
  readonly isTTY: boolean;
}

export interface Command {
  readonly name: string;
  /** One line for `lede --help`. */
  readonly summary: string;
  /** The full `lede <name> --help` text. */
  readonly help: string;
  /** Run with the arguments after the command name. Returns the exit code: 0 ok, 1 some inputs failed, 2 usage. */
  run(argv: readonly string[], io: Io): Promise<number>;
}

/** Exit codes every command uses. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
