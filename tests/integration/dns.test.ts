import { afterAll, describe } from "vitest";
import { dnsScenarios } from "../scenarios/dns";
import { startDesignateTarget } from "./designate-target";

// The Designate half of @rax/dns against real Designate (catalog type `dns`, 127.0.0.1:9001).
// Skipped, saying why, when the real-server tier is down or its catalog has no DNS service.
const dns = await startDesignateTarget();

afterAll(() => dns.close());

describe.skipIf(dns.skipReason !== undefined)(`DNS scenarios against real Designate (Keystone v3)${dns.skipReason ? ` — skipped: ${dns.skipReason}` : ""}`, () => {
  // The client's own Designate defaults (60 s per call), as a user gets them.
  dnsScenarios(() => dns.target!, { jobDelay: 250 });
});
