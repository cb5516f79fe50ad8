/**
 * robots.txt: fetched once per origin and cached, parsed by robots-parser. Following RFC 9309, a
 * missing robots.txt (4xx) allows everything and an unreachable one (5xx) disallows everything for a while.
 */
import robotsParserModule from "robots-parser";

type RobotsParser = (
  url: string,
  text: string,
) => {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
};
// robots-parser is CommonJS (`module.exports = fn`); its types describe an ES default export.
const robotsParser: RobotsParser =
  (robotsParserModule as unknown as { default?: RobotsParser }).default ??
  (robotsParserModule as unknown as RobotsParser);

/** How long a robots.txt is trusted, in ms (RFC 9309 suggests at most 24 hours). */
const ROBOTS_TTL_MS = 60 * 60 * 1000;
/** Largest robots.txt read, in bytes (RFC 9309: at least 500 KiB). */
export const ROBOTS_MAX_BYTES = 512 * 1024;

/** What a robots.txt says for one agent. */
export interface RobotsRules {
  isAllowed(url: string): boolean;
  crawlDelay(): number | undefined;
  sitemaps(): string[];
}

const ALLOW_ALL: RobotsRules = { isAllowed: () => true, crawlDelay: () => undefined, sitemaps: () => [] };
const DISALLOW_ALL: RobotsRules = { isAllowed: () => false, crawlDelay: () => undefined, sitemaps: () => [] };

/**
 * Parse a robots.txt for a user agent.
 *
 * @param url the robots.txt URL
 * @param text its contents
 * @param userAgent the product token matched against `User-agent:` lines
 * @example parseRobots("https://x.org/robots.txt", "User-agent: *\nDisallow: /a", "Lede").isAllowed("https://x.org/a") // false
 */
export function parseRobots(url: string, text: string, userAgent: string): RobotsRules {
  const r = robotsParser(url, text);
  return {
    isAllowed: (u) => r.isAllowed(u, userAgent) !== false,
    crawlDelay: () => r.getCrawlDelay(userAgent),
    sitemaps: () => r.getSitemaps(),
  };
}

/** The outcome of fetching a robots.txt, as the fetcher reports it. */
export type RobotsFetch = { status: number; text: string } | { status: 0; text: "" };

/** A cache of robots rules per origin. */
export class RobotsCache {
  readonly #entries = new Map<
    string,
    { rules: RobotsRules; expires: number; pending?: Promise<RobotsRules> }
  >();

  /**
   * The rules of an origin, fetching robots.txt with `load` when not cached.
   *
   * @param origin e.g. `https://example.com`
   * @param userAgent the product token
   * @param load fetches `${origin}/robots.txt`; status 0 means unreachable; a throw is passed on, uncached
   */
  async get(
    origin: string,
    userAgent: string,
    load: (url: string) => Promise<RobotsFetch>,
  ): Promise<RobotsRules> {
    const now = Date.now();
    const hit = this.#entries.get(origin);
    if (hit && hit.expires > now) return hit.pending ?? hit.rules;
    const url = `${origin}/robots.txt`;
    const pending = load(url).then((res) => {
      let rules: RobotsRules;
      if (res.status >= 200 && res.status < 300) rules = parseRobots(url, res.text, userAgent);
      else if (res.status >= 400 && res.status < 500) rules = ALLOW_ALL;
      else rules = DISALLOW_ALL;
      // An unreachable robots.txt is retried sooner than a good one.
      const ttl = rules === DISALLOW_ALL ? ROBOTS_TTL_MS / 12 : ROBOTS_TTL_MS;
      this.#entries.set(origin, { rules, expires: Date.now() + ttl });
      return rules;
    });
    // A load that throws (the origin may not be reached at all) is not cached.
    pending.catch(() => this.#entries.delete(origin));
    this.#entries.set(origin, { rules: ALLOW_ALL, expires: now + ROBOTS_TTL_MS, pending });
    return pending;
  }
}
