import { lazy } from "@rax/core";
import { idSegment } from "@rax/core/zod-mini";
import * as z from "zod/mini";


/** A resource given by its id or by any object carrying it (a `Volume`, a `Snapshot`, a compute `Server`). */
export type Ref = string | { readonly id: string | number };

/** Validates a `Ref` into the id (`ValidationError` names the argument when it is neither). */
export const ref = lazy(() => z.union([idSegment(), z.pipe(z.object({ id: z.union([idSegment(), z.number()]) }), z.transform((o) => String(o.id)))], {
  error: "must be an id (not blank, no '/') or an object with an id",
}));

/** Cinder metadata: string keys (1–255 chars) and string values (≤ 255 chars). */
export const metadataInput = lazy(() => z.record(
  z.string().check(z.minLength(1), z.maxLength(255)),
  z.string({ error: "must be a string (Cinder metadata holds strings only)" }).check(z.maxLength(255, "must be at most 255 characters")),
));
