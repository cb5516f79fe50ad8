/** The public face of serve: build the app and start an HTTP server. */

import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type Document, LedeError } from "../core/index.ts";
import type { Ingester } from "../pipeline/ingester.ts";
import { createApp, type IngestRequest, type IngestResponse, type ServeDeps } from "./app.ts";

export {
  createApp,
  type IngestRequest,
  type IngestResponse,
  MAX_BODY_BYTES,
  type ServeDeps,
  type ServeLimits,
} from "./app.ts";
export { type ArticleEvent, EventBus } from "./events.ts";
export { cachedNarration, type ListenAudio, type NarrationProvider } from "./listen.ts";
export { CSP } from "./security.ts";
export { type StoryReader, type StoryRef, storyReader } from "./stories.ts";

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Start serving on host:port (port 0 picks a free one). */
export function startServer(deps: ServeDeps, host: string, port: number): Promise<RunningServer> {
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      const h = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${h}:${info.port}`,
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once("error", reject);
  });
}

/**
 * The API's ingest, on an Ingester: pasted text and HTML become documents; a URL is fetched by `fetch`.
 */
export function apiIngest(
  ingester: Ingester,
  fetch: (url: string) => Promise<{ ok: true; value: Document } | { ok: false; error: LedeError }>,
): (r: IngestRequest) => Promise<IngestResponse> {
  return async (r) => {
    let doc: Document;
    if (r.url !== undefined) {
      const fetched = await fetch(r.url);
      if (!fetched.ok) return { ok: false, error: fetched.error.toJSON() };
      doc = fetched.value;
    } else {
      const body = new TextEncoder().encode(r.html ?? r.text ?? "");
      doc = {
        input: r.html !== undefined ? "api:html" : "api:text",
        url: null,
        body,
        contentType: r.html !== undefined ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
        headers: {},
        fetchedAt: new Date().toISOString(),
        sourceKind: "text",
      };
    }
    const result = await ingester.ingest(doc, r.published ? { published: r.published } : {});
    if (!result.ok) return result;
    return { ok: true, status: result.status, id: result.id, version: result.version };
  };
}

export { parseSearch } from "./search-query.ts";
export { LedeError };
