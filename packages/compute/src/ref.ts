import { lazy } from "@rax/core";
import * as z from "zod/mini";

/**
 * An id (or name) that becomes a path segment: not blank, and without "/", which no id holds and which
 * the OpenStack services' WSGI servers decode from "%2F" before routing, so it would address another resource.
 */
export const SEGMENT = /^[^/]*[^/\s][^/]*$/;

/** A resource given by its id or by any object carrying it (a `Server`, a `Flavor`, a create result). */
export type Ref = string | { readonly id: string };

/** Validates a `Ref` into the id (`ValidationError` names the argument when it is neither). */
export const ref = lazy(() => z.union([z.string().check(z.regex(SEGMENT, "must not be blank or contain '/'")), z.pipe(z.object({ id: z.string().check(z.regex(SEGMENT, "must not be blank or contain '/'")) }), z.transform((o) => o.id))], {
  error: "must be an id (not blank, no '/') or an object with an id",
}));

/** A metadata key where it is also a path segment (`…/metadata/{key}`): not blank, no "/". */
export const metaKey = lazy(() => z.string().check(z.regex(SEGMENT, "must be a metadata key (not blank, no '/': it is a path segment)"), z.maxLength(255)));

/** Nova metadata: string keys and values (pyrax: "simple strings, not numbers"), keys 1–255 chars. */
export const metadataInput = lazy(() => z.record(
  z.string().check(z.minLength(1), z.maxLength(255)),
  z.string({ error: "must be a string (Nova metadata holds strings only)" }).check(z.maxLength(255, "must be at most 255 characters")),
));
