/**
 * Expected failures are values: a `LedeError` names its stage, a stable code and a cause.
 * Throw only for bugs; stages return `Result`.
 */

/** The stage an error came from. */
export type Stage =
  | "input"
  | "acquire"
  | "extract"
  | "analyse"
  | "link"
  | "store"
  | "narrate"
  | "serve"
  | "jobs";

/**
 * Stable error codes. Scripts match on these; never rename one.
 */
export type ErrorCode =
  | "not-found"
  | "is-directory"
  | "empty"
  | "too-large"
  | "binary"
  | "decode"
  | "unreadable"
  | "timeout"
  | "no-content"
  | "listing"
  | "bad-input"
  | "http-status"
  | "network"
  | "blocked-address"
  | "robots"
  | "too-many-redirects"
  | "feed-parse"
  | "internal";

/**
 * An expected failure with a stage, a stable code and an optional cause.
 *
 * @example
 * new LedeError("input", "empty", "file is empty [page.txt]")
 */
export class LedeError extends Error {
  override readonly name = "LedeError";
  readonly stage: Stage;
  readonly code: ErrorCode;

  /**
   * @param stage the stage that failed
   * @param code a stable, literal code
   * @param message a human message; by convention `what happened [where]`
   * @param cause the underlying error, if any
   */
  constructor(stage: Stage, code: ErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.stage = stage;
    this.code = code;
  }

  /** The JSON form printed by the CLI and the API. */
  toJSON(): { stage: Stage; code: ErrorCode; message: string } {
    return { stage: this.stage, code: this.code, message: this.message };
  }
}

/** Turn anything thrown into a LedeError (unknown throws become `internal`). */
export function toLedeError(error: unknown, stage: Stage): LedeError {
  if (error instanceof LedeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new LedeError(stage, "internal", message, error);
}
