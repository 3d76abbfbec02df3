import { lazy } from "@rax/core";
import { idRef } from "@rax/core/zod-mini";
import * as z from "zod/mini";

/** A resource given by its id or by any object carrying it (an `Entity`, a `Check`, a create result). */
export type Ref = string | { readonly id: string };

/** Validates a `Ref` into the id (`ValidationError` names the argument when it is neither). */
export const ref = idRef;

/** Cloud Monitoring metadata: string keys (1–255) and string values (≤ 255), at most 256 pairs (the API's bounds). */
export const metadataInput = lazy(() =>
  z.record(z.string().check(z.minLength(1), z.maxLength(255)), z.string({ error: "must be a string" }).check(z.maxLength(255, "must be at most 255 characters"))).check(
    z.refine((m) => Object.keys(m).length <= 256, "holds at most 256 keys (the API's limit)"),
  ),
);

/** `label`, 1–255 characters (the service's limit for every label). */
export const labelInput = lazy(() => z.string().check(z.minLength(1), z.maxLength(255)));

/** A timestamp as a `Date` or milliseconds since the epoch (the service's unit), as whole ms. */
export const timeInput = lazy(() => z.union([z.pipe(z.date(), z.transform((d) => d.getTime())), z.number().check(z.int("must be whole milliseconds"), z.nonnegative())]));

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * A wire map of strings (metadata, ip_addresses), read leniently: anything that is not an object
 * (Rackspace's mock sends `"metadata": ""` for an entity created without it) reads as none, and a
 * non-string value as its JSON text (the value as sent stays in `raw`).
 */
export const wireStringMap = lazy(() => z.optional(z.pipe(z.unknown(), z.transform((v): Record<string, string> | null => {
  if (!isPlainObject(v)) return null;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) out[k] = typeof x === "string" ? x : JSON.stringify(x);
  return out;
}))));

/** A wire object of anything (check and notification `details`), read leniently as `wireStringMap`. */
export const wireObject = lazy(() => z.optional(z.pipe(z.unknown(), z.transform((v): Record<string, unknown> | null => (isPlainObject(v) ? v : null)))));
