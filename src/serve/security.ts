import type { MiddlewareHandler } from "hono";

/**
 * The reader's Content-Security-Policy: only our own scripts and styles, no inline script, no
 * frames, no plugins; images from anywhere over https (article images) and data: URLs.
 */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "media-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The headers every response carries. */
const HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["Content-Security-Policy", CSP],
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "no-referrer"],
  ["X-Frame-Options", "DENY"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=()"],
];

/**
 * Security headers on every response. They are set before the handler runs, so they go into the
 * response as it is made; touching a finished response's headers would push @hono/node-server off its
 * fast path for string bodies (several times slower for large pages).
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    for (const [name, value] of HEADERS) c.header(name, value);
    await next();
  };
}
