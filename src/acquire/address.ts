/**
 * The SSRF guard: which IP addresses the fetcher may connect to. By default only public unicast
 * addresses; loopback, private, link-local, CGNAT, multicast, unique-local, reserved and cloud metadata
 * addresses are refused unless an allow-list entry (a host name or a CIDR range) admits them.
 */
import ipaddr from "ipaddr.js";

/** ipaddr.js range names that are safe to reach from a server on the public internet. */
const PUBLIC_RANGES = new Set(["unicast"]);

/** Well-known cloud metadata addresses, refused even if a range list ever called them public. */
const METADATA_ADDRESSES = new Set(["169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200"]);

/** A parsed allow list: host names (lower case) and CIDR ranges. */
export interface AllowList {
  readonly hosts: ReadonlySet<string>;
  readonly ranges: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

/**
 * Parse allow-list entries (host names, IP addresses or CIDR ranges), e.g. from `LEDE_FETCH_ALLOW`.
 *
 * @param entries strings such as `intranet.local`, `127.0.0.1`, `10.0.0.0/8`
 * @example parseAllowList(["127.0.0.1/8", "wiki.corp"])
 */
export function parseAllowList(entries: readonly string[] | undefined): AllowList {
  const hosts = new Set<string>();
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of entries ?? []) {
    const e = raw
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, "");
    if (e === "") continue;
    if (e.includes("/")) {
      try {
        ranges.push(ipaddr.parseCIDR(e));
      } catch {
        hosts.add(e);
      }
    } else if (ipaddr.isValid(e)) {
      const a = ipaddr.parse(e);
      ranges.push([a, a.kind() === "ipv4" ? 32 : 128]);
    } else {
      hosts.add(e);
    }
  }
  return { hosts, ranges };
}

/** Split `LEDE_FETCH_ALLOW` (comma or space separated) into entries. */
export function allowFromEnv(value: string | undefined = process.env.LEDE_FETCH_ALLOW): string[] {
  return (value ?? "").split(/[\s,]+/).filter((s) => s !== "");
}

function normalised(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const a = address.replace(/^\[|\]$/g, "");
  if (!ipaddr.isValid(a)) return null;
  const parsed = ipaddr.parse(a);
  // ::ffff:127.0.0.1 is 127.0.0.1.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed;
}

function inRanges(a: ipaddr.IPv4 | ipaddr.IPv6, list: AllowList): boolean {
  return list.ranges.some(([net, bits]) => net.kind() === a.kind() && a.match(net, bits));
}

/**
 * Why an address may not be reached, or null when it may.
 *
 * @param address an IPv4 or IPv6 address
 * @param allow the allow list
 * @returns the ipaddr.js range name (`loopback`, `private`, `linkLocal`, `carrierGradeNat`, ...) or null
 * @example blockedReason("10.1.2.3", parseAllowList([])) // "private"
 */
export function blockedReason(address: string, allow: AllowList): string | null {
  const a = normalised(address);
  if (!a) return "invalid";
  if (inRanges(a, allow)) return null;
  if (METADATA_ADDRESSES.has(a.toString())) return "metadata";
  const range = a.range();
  return PUBLIC_RANGES.has(range) ? null : range;
}

/** Whether a host name (not an address) is on the allow list. */
export function hostAllowed(hostname: string, allow: AllowList): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, "");
  return allow.hosts.has(h);
}

/** Whether a string is an IP address literal (brackets allowed for IPv6). */
export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(host.replace(/^\[|\]$/g, ""));
}
