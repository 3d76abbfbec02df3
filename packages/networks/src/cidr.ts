import { isIPv4, isIPv6 } from "node:net";
import { lazy } from "@rax/core";
import * as z from "zod/mini";

/** `192.168.0.0/24` or `fd00::/64`: an address and a prefix length that fits it. */
export function parseCidr(s: string): { version: 4 | 6; address: string; prefix: number } | undefined {
  const m = /^([^/\s]+)\/(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const address = m[1]!;
  const prefix = Number(m[2]);
  if (isIPv4(address) && prefix <= 32) return { version: 4, address, prefix };
  if (isIPv6(address) && prefix <= 128) return { version: 6, address, prefix };
  return undefined;
}

/** A CIDR, checked before any request (the server's "CIDR is malformed" costs a round trip and a rate-limited POST). */
export const cidrInput = lazy(() => z.string({ error: "must be a CIDR string such as 192.168.0.0/24" }).check(z.refine((s) => parseCidr(s) !== undefined, {
  error: "must be a CIDR such as 192.168.0.0/24 (an IPv4 or IPv6 address, a slash and a prefix length)",
})));
