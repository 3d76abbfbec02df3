import * as z from "zod/mini";
import { lazy } from "./lazy";

/**
 * An id (or name) that becomes one path segment: not blank, and without "/", which no id holds and which
 * the OpenStack services' WSGI servers decode from "%2F" before routing, so it would address another
 * resource. Every service package checks its ids with this one rule (a Swift object name is not an id:
 * "/" is legal there, and object-store keeps its own rule).
 */
export const ID_SEGMENT = /^[^/]*[^/\s][^/]*$/;

// Built on first use (see lazy.ts); exported through named functions so a printed or minified export keeps its name.
const segment = lazy(() => z.string().check(z.regex(ID_SEGMENT, "must not be blank or contain '/'")));
const ref = lazy(() =>
  z.union([segment(), z.pipe(z.object({ id: segment() }), z.transform((o) => o.id))], {
    error: "must be an id (not blank, no '/') or an object with an id",
  }),
);

/** A string id that is one path segment (`ValidationError`: "must not be blank or contain '/'"). */
export function idSegment(): ReturnType<typeof segment> {
  return segment();
}

/** An id, or any object carrying one in `id` (a `Server`, a create result), validated into the id. */
export function idRef(): ReturnType<typeof ref> {
  return ref();
}
