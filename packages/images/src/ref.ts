import { idRef } from "@rax/core/zod-mini";

// Other schemas of this package word their own messages on core's one id-segment rule.
export { ID_SEGMENT as SEGMENT } from "@rax/core";

/** A resource given by its id or by any object carrying it (an `Image`, a `Task`, a create result). */
export type Ref = string | { readonly id: string };

/** Validates a `Ref` into the id (`ValidationError` names the argument when it is neither). */
export const ref = idRef;
