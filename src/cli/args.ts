/**
 * Argument parsing shared by the commands: Node's `util.parseArgs` (flags may stand before or
 * after the inputs) with usage errors as values.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";

export type Flags = NonNullable<ParseArgsConfig["options"]>;

export type Parsed =
  | {
      readonly ok: true;
      readonly values: Record<string, string | boolean | string[] | undefined>;
      readonly positionals: string[];
    }
  | { readonly ok: false; readonly message: string };

/** Parse argv against the command's flags (`--help`/`-h` always included). */
export function parse(argv: readonly string[], flags: Flags): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...flags, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    return {
      ok: true,
      values: values as Record<string, string | boolean | string[] | undefined>,
      positionals,
    };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

/** Whether a string is an ISO 8601 date or date-time (`2025-09-01`, `2025-09-01T10:20:00Z`). */
export function isIsoDate(s: string): boolean {
  return (
    /^\d{4}-\d\d-\d\d(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?$/.test(s) &&
    !Number.isNaN(Date.parse(s.slice(0, 10)))
  );
}

/** Whether an input names a web address rather than a file. */
export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}
