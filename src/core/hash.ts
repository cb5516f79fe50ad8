import { createHash } from "node:crypto";

/**
 * The SHA-256 of a string or bytes, hex encoded.
 *
 * @example contentHash("abc") // "ba7816bf..."
 */
export function contentHash(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * The hash that decides whether two article versions are "the same content": whitespace runs
 * collapsed and case kept, so re-wrapping a paragraph does not make a new version.
 */
export function textHash(text: string): string {
  return contentHash(text.replace(/\s+/g, " ").trim());
}
