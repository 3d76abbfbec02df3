import { idRef } from "@rax/core/zod-mini";


/** A resource given by its id or by any object carrying it (an `Image`, a `Task`, a create result). */
export type Ref = string | { readonly id: string };

/** Validates a `Ref` into the id (`ValidationError` names the argument when it is neither). */
export const ref = idRef;
