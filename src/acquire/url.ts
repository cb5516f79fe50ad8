/**
 * URL canonicalisation: one article, one address. Drops tracking parameters (utm_*, fbclid, gclid, ...),
 * fragments and default ports, lower-cases the scheme and host, and sorts nothing else (parameter order
 * can matter to a site).
 */

/** Query parameters that only track a click and never change the page. */
const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "gclsrc",
  "dclid",
  "msclkid",
  "mc_cid",
  "mc_eid",
  "igshid",
  "yclid",
  "twclid",
  "_ga",
  "_gl",
  "_hsenc",
  "_hsmi",
  "mkt_tok",
  "oly_anon_id",
  "oly_enc_id",
  "vero_id",
  "wickedid",
  "cmpid",
  "ocid",
  "ncid",
  "sr_share",
  "ref_src",
  "ref_url",
  "spm",
  "at_medium",
  "at_campaign",
  "at_custom1",
  "at_custom2",
  "at_custom3",
  "at_custom4",
  "__twitter_impression",
]);

/** Prefixes of query parameters that only track (`utm_source`, `pk_campaign`, ...). */
const TRACKING_PREFIXES = ["utm_", "pk_", "mtm_", "hmb_", "ga_", "itm_"];

/** Whether a query parameter name only tracks a click. */
export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/**
 * Canonicalise a URL so the same page always has the same address.
 *
 * @param url an absolute http(s) URL
 * @returns the canonical form, or the input unchanged when it is not a valid absolute URL
 * @example canonicalizeUrl("HTTPS://Example.COM:443/a?utm_source=x&id=2#top") // "https://example.com/a?id=2"
 */
export function canonicalizeUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return u.href;
  u.hash = "";
  // URL already lower-cases the host and drops default ports; strip a trailing dot of the host.
  if (u.hostname.endsWith(".")) u.hostname = u.hostname.slice(0, -1);
  const kept = [...u.searchParams].filter(([k]) => !isTrackingParam(k));
  if (kept.length !== [...u.searchParams].length) {
    u.search = kept.length === 0 ? "" : new URLSearchParams(kept).toString();
  }
  if (u.pathname === "") u.pathname = "/";
  // An empty query ("?" alone) means nothing.
  return u.search === "" ? u.href.replace(/\?$/, "") : u.href;
}

/**
 * Resolve a possibly relative reference against a base, returning null when it cannot be resolved.
 *
 * @example resolveUrl("/a", "https://x.org/b/c") // "https://x.org/a"
 */
export function resolveUrl(ref: string | null | undefined, base?: string | null): string | null {
  if (!ref) return null;
  const r = ref.trim();
  if (r === "") return null;
  try {
    return new URL(r, base ?? undefined).href;
  } catch {
    return null;
  }
}
