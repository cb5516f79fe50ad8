/** Server-sent events at /api/events: `article` when one is added or updated, `ping` every 15 s. */
import type { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { apiError, type ServeDeps } from "../context.ts";

/** Seconds between keep-alive pings. */
const PING_MS = 15_000;

export function eventRoutes(app: Hono, deps: ServeDeps): void {
  const max = deps.limits?.maxEventStreams ?? 1000;
  let open = 0;
  app.get("/api/events", (c) => {
    if (open >= max) return apiError(c, 503, "unavailable", "too many event streams open; try again later");
    open++;
    return streamSSE(c, async (stream) => {
      let live = true;
      const unsubscribe = deps.events.subscribe((e) => {
        void stream.writeSSE({ event: e.type, data: JSON.stringify(e), id: String(e.id) });
      });
      stream.onAbort(() => {
        live = false;
        unsubscribe();
      });
      try {
        while (live) {
          await stream.writeSSE({ event: "ping", data: "" });
          await stream.sleep(PING_MS);
        }
      } finally {
        open--;
        unsubscribe();
      }
    });
  });
}
