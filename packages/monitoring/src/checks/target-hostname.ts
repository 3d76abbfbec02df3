import { isIP } from "node:net";
import { lazy } from "@rax/core";
import * as z from "zod/mini";

// The API's `target_hostname` is a hostname or an IP address ("Valid FQDN, IPv4, or IPv6 address",
// Rackspace's check attributes table). pyrax's docs ("Create the Check") pass a URL there
// (`target_hostname="http://example.com"`), which the service refuses: what that call means is
// the URL's host, so a URL's host is what rax sends.

/** One DNS label: letters, digits and inner hyphens, 1–63 characters. */
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

function isHostname(v: string): boolean {
  const name = v.endsWith(".") ? v.slice(0, -1) : v;
  return name.length > 0 && name.length <= 253 && name.split(".").every((l) => LABEL.test(l));
}

/** A URL (`scheme://host…`) becomes its host (IPv6 without brackets); anything else stays as given. */
function hostOf(v: string): string {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(v)) return v;
  try {
    return new URL(v).hostname.replace(/^\[(.*)\]$/, "$1") || v;
  } catch {
    return v;
  }
}

/** `targetHostname`: a hostname, an IPv4 or IPv6 address, or a URL whose host is taken. */
export const targetHostnameInput = lazy(() =>
  z.pipe(
    z.string().check(z.minLength(1), z.maxLength(255)),
    z.pipe(
      z.transform(hostOf),
      z.string().check(z.refine((h) => isIP(h) !== 0 || isHostname(h), "must be a hostname or an IPv4/IPv6 address (or a URL, whose host is used)")),
    ),
  ),
);
