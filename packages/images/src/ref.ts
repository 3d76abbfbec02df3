import { lazy } from "@rax/core";
import * as z from "zod";

/** A resource given by its id or by any object carrying it (an `Image`, a `Task`, a create result). */
export type Ref = string | { readonly id: string };

/** Validates a `Ref` into the id (`ValidationError` names the argument when it is neither). */
export const ref = lazy(() => z.union([z.string().min(1), z.object({ id: z.string().min(1) }).transform((o) => o.id)], {
  error: "must be an id or an object with an id",
}));
