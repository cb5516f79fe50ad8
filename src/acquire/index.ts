/**
 * acquire: take in news from anywhere (URLs, feeds, OPML, sitemaps, web archives, files, stdin) as
 * Documents, politely and safely. See README.md.
 */
export * from "./address.ts";
export * from "./discover.ts";
export * from "./feed.ts";
export * from "./fetch.ts";
export * from "./file.ts";
export * from "./host-limiter.ts";
export * from "./inputs.ts";
export * from "./opml.ts";
export * from "./pages.ts";
export * from "./poll.ts";
export * from "./robots.ts";
export * from "./sitemap.ts";
export * from "./url.ts";
export * from "./warc.ts";
