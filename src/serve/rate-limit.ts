/**
 * A simple fixed-window rate limit per client address, in memory (each server process counts its own;
 * behind a proxy, limit there too). Over the limit: 429 with code `rate-limited` and `Retry-After`.
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";

export interface RateLimit {
  /** Requests allowed per window and client; 0 turns the limit off. */
  readonly max: number;
  readonly windowMs: number;
}

/** Most clients tracked at once; the table is cleared when it fills (a flood of addresses). */
const MAX_CLIENTS = 50_000;

function clientOf(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

/**
 * The middleware.
 *
 * @param limit requests per window
 * @param applies which requests count (default: all)
 */
export function rateLimit(
  limit: RateLimit,
  applies: (c: Context) => boolean = () => true,
): MiddlewareHandler {
  const counts = new Map<string, { n: number; resetAt: number }>();
  return async (c, next) => {
    if (limit.max <= 0 || !applies(c)) return next();
    const now = Date.now();
    const key = clientOf(c);
    let entry = counts.get(key);
    if (!entry || entry.resetAt <= now) {
      if (counts.size >= MAX_CLIENTS) counts.clear();
      entry = { n: 0, resetAt: now + limit.windowMs };
      counts.set(key, entry);
    }
    entry.n++;
    if (entry.n > limit.max) {
      c.header("Retry-After", String(Math.ceil((entry.resetAt - now) / 1000)));
      return c.json(
        {
          error: {
            code: "rate-limited",
            message: `over ${limit.max} requests in ${limit.windowMs / 1000} s; try again later`,
          },
        },
        429,
      );
    }
    return next();
  };
}
