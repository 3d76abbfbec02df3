import * as z from "zod/mini";
import { lazy } from "./lazy";

/**
 * An id (or name) that becomes one path segment: not blank, and without "/", which no id holds and which
 * the OpenStack services' WSGI servers decode from "%2F" before routing, so it would address another
 * resource. Every service package checks its ids with this one rule (a Swift object name is not an id:
 * "/" is legal there, and object-store keeps its own rule).
 */
export const ID_SEGMENT = /^[^/]*[^/\s][^/]*$/;

/** A string id that is one path segment (`ValidationError`: "must not be blank or contain '/'"). */
export const idSegment = lazy(() => z.string().check(z.regex(ID_SEGMENT, "must not be blank or contain '/'")));

/** An id, or any object carrying one in `id` (a `Server`, a create result), validated into the id. */
export const idRef = lazy(() =>
  z.union([idSegment(), z.pipe(z.object({ id: idSegment() }), z.transform((o) => o.id))], {
    error: "must be an id (not blank, no '/') or an object with an id",
  }),
);
