import * as z from "zod/mini";
import { ID_SEGMENT } from "./id-segment";
import { lazy } from "./lazy";

// The id-segment rule as schemas, for the service packages (through `@rax/core/zod-mini`, which carries
// zod already): from core's main entry they would load zod in every program that imports core
// (packages/identity/test/import-cost.test.ts).

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
