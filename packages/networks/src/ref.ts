import { lazy } from "@rax/core";
import * as z from "zod/mini";

/** A resource given by its id or by any object carrying it (a `Network`, a `Subnet`, a create result). */
export type Ref = string | { readonly id: string };

/** Validates a `Ref` into the id (`ValidationError` names the argument when it is neither). */
export const ref = lazy(() => z.union([z.string().check(z.minLength(1)), z.pipe(z.object({ id: z.string().check(z.minLength(1)) }), z.transform((o) => o.id))], {
  error: "must be an id or an object with an id",
}));
