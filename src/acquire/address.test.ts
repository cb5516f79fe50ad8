import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { allowFromEnv, blockedReason, parseAllowList } from "./address.ts";

const none = parseAllowList([]);

describe("blockedReason", () => {
  it("refuses every private kind of address", () => {
    const cases: [string, string][] = [
      ["127.0.0.1", "loopback"],
      ["::1", "loopback"],
      ["10.1.2.3", "private"],
      ["172.16.0.1", "private"],
      ["192.168.1.1", "private"],
      ["169.254.169.254", "metadata"],
      ["169.254.1.1", "linkLocal"],
      ["fe80::1", "linkLocal"],
      ["100.64.0.1", "carrierGradeNat"],
      ["224.0.0.1", "multicast"],
      ["ff02::1", "multicast"],
      ["fc00::1", "uniqueLocal"],
      ["fd00:ec2::254", "metadata"],
      ["0.0.0.0", "unspecified"],
      ["::", "unspecified"],
      ["::ffff:127.0.0.1", "loopback"],
      ["255.255.255.255", "broadcast"],
    ];
    for (const [address, reason] of cases) assert.equal(blockedReason(address, none), reason, address);
  });

  it("lets public addresses through", () => {
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
      assert.equal(blockedReason(a, none), null, a);
  });

  it("honours CIDR and address allow entries", () => {
    const allow = parseAllowList(allowFromEnv("127.0.0.1, 10.0.0.0/8 intranet.local"));
    assert.equal(blockedReason("127.0.0.1", allow), null);
    assert.equal(blockedReason("10.9.9.9", allow), null);
    assert.equal(blockedReason("192.168.0.1", allow), "private");
    assert.ok(allow.hosts.has("intranet.local"));
  });
});
