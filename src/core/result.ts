/**
 * A discriminated union for operations that can fail in expected ways.
 *
 * @example
 * const r = ok(42); if (r.ok) use(r.value); else report(r.error);
 */
import type { LedeError } from "./errors.ts";

export type Result<T, E = LedeError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

/** Wrap a value as a success. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Wrap an error as a failure. */
export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
