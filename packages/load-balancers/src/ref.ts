import { lazy, parseSchema } from "@rax/core";
import { isIP } from "node:net";
import * as z from "zod/mini";

/** A load balancer, node, virtual IP or access-list item given by its id (CLB's ids are numbers) or any object carrying it. */
export type Ref = number | string | { readonly id: number | string };

/** Validates a `Ref` into the id as a path segment (`ValidationError` names the argument when it is neither). */
export const ref = lazy(() => z.union(
  [
    z.pipe(z.int().check(z.nonnegative()), z.transform(String)),
    z.string().check(z.regex(/^\d+$/, "must be a numeric id")),
    z.pipe(z.object({ id: z.union([z.int().check(z.nonnegative()), z.string().check(z.regex(/^\d+$/))]) }), z.transform((o) => String(o.id))),
  ],
  { error: "must be a numeric id or an object with one" },
));

/** One or many refs (pyrax takes a single id or a list of them). */
export const refs = lazy(() => z.union([z.pipe(ref(), z.transform((id: string) => [id])), z.array(ref()).check(z.minLength(1, "must name at least one item"))]));

/** A DNS name: dot-separated labels of letters, digits and inner hyphens, ≤ 253 characters, ending in a letters-only label (so "10.0.0.999" is not one). */
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * A node's address: an IPv4 or IPv6 address, or a domain name — CLB's add-node docs: "Domain names are also
 * accepted with certain restrictions" (the account's allowed domains, `clb.loadBalancers.allowedDomains()`;
 * CLB itself refuses a name outside them).
 */
export const nodeAddress = lazy(() => z.string().check(z.refine((s) => isIP(s) !== 0 || HOSTNAME.test(s), "must be an IPv4 or IPv6 address or a domain name")));

/** An address or a CIDR network (`10.0.0.0/8`, `2001:db8::/32`), as an access-list item needs. */
export const ipOrCidr = lazy(() => z.string().check(z.refine((s) => {
  const [addr = "", bits, ...rest] = s.split("/");
  const v = isIP(addr);
  if (v === 0 || rest.length) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (v === 4 ? 32 : 128);
}, "must be an IP address or a CIDR network")));

/** CLB metadata: keys and values of 1–256 UTF-8 characters (the seed's limit). */
export const metadataInput = lazy(() => z.record(
  z.string().check(z.minLength(1), z.maxLength(256, "must be at most 256 characters")),
  z.string({ error: "must be a string" }).check(z.minLength(1, "must not be empty"), z.maxLength(256, "must be at most 256 characters")),
));

/** The id of a ref, or "" when it is not one (the request that follows refuses it with a ValidationError). */
export function idOf(r: unknown): string {
  const p = parseSchema(ref(), r);
  return p.success ? p.data : "";
}
