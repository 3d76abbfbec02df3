import { lazy } from "@rax/core";
import { isIP } from "node:net";
import * as z from "zod";

/** A load balancer, node, virtual IP or access-list item given by its id (CLB's ids are numbers) or any object carrying it. */
export type Ref = number | string | { readonly id: number | string };

/** Validates a `Ref` into the id as a path segment (`ValidationError` names the argument when it is neither). */
export const ref = lazy(() => z.union(
  [
    z.number().int().nonnegative().transform(String),
    z.string().regex(/^\d+$/, "must be a numeric id"),
    z.object({ id: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]) }).transform((o) => String(o.id)),
  ],
  { error: "must be a numeric id or an object with one" },
));

/** One or many refs (pyrax takes a single id or a list of them). */
export const refs = lazy(() => z.union([ref().transform((id) => [id]), z.array(ref()).min(1, "must name at least one item")]));

/** An IPv4 or IPv6 address, as CLB wants for a node. */
export const ipAddress = lazy(() => z.string().refine((s) => isIP(s) !== 0, "must be an IPv4 or IPv6 address"));

/** An address or a CIDR network (`10.0.0.0/8`, `2001:db8::/32`), as an access-list item needs. */
export const ipOrCidr = lazy(() => z.string().refine((s) => {
  const [addr = "", bits, ...rest] = s.split("/");
  const v = isIP(addr);
  if (v === 0 || rest.length) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (v === 4 ? 32 : 128);
}, "must be an IP address or a CIDR network"));

/** CLB metadata: keys and values of 1–256 UTF-8 characters (the seed's limit). */
export const metadataInput = lazy(() => z.record(
  z.string().min(1).max(256, "must be at most 256 characters"),
  z.string({ error: "must be a string" }).min(1, "must not be empty").max(256, "must be at most 256 characters"),
));

/** The id of a ref, or "" when it is not one (the request that follows refuses it with a ValidationError). */
export function idOf(r: unknown): string {
  const p = ref().safeParse(r);
  return p.success ? p.data : "";
}
