import { lazy } from "@rax/core";
import * as z from "zod/mini";

/**
 * An id (or name) that becomes a path segment: not blank, and without "/", which no id holds and which
 * the OpenStack services' WSGI servers decode from "%2F" before routing, so it would address another resource.
 */
const SEGMENT = /^[^/]*[^/\s][^/]*$/;

/** A resource given by its id or by any object carrying it (a `Network`, a `Subnet`, a create result). */
export type Ref = string | { readonly id: string };

/** Validates a `Ref` into the id (`ValidationError` names the argument when it is neither). */
export const ref = lazy(() => z.union([z.string().check(z.regex(SEGMENT, "must not be blank or contain '/'")), z.pipe(z.object({ id: z.string().check(z.regex(SEGMENT, "must not be blank or contain '/'")) }), z.transform((o) => o.id))], {
  error: "must be an id (not blank, no '/') or an object with an id",
}));
