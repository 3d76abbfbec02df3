import { ID_SEGMENT, lazy } from "@rax/core";
import { idRef } from "@rax/core/zod-mini";
import * as z from "zod/mini";


/** A resource given by its id or by any object carrying it (a `Server`, a `Flavor`, a create result). */
export type Ref = string | { readonly id: string };

/** Validates a `Ref` into the id (`ValidationError` names the argument when it is neither). */
export const ref = idRef;

/** A metadata key where it is also a path segment (`…/metadata/{key}`): not blank, no "/". */
export const metaKey = lazy(() => z.string().check(z.regex(ID_SEGMENT, "must be a metadata key (not blank, no '/': it is a path segment)"), z.maxLength(255)));

/** Nova metadata: string keys and values (pyrax: "simple strings, not numbers"), keys 1–255 chars. */
export const metadataInput = lazy(() => z.record(
  z.string().check(z.minLength(1), z.maxLength(255)),
  z.string({ error: "must be a string (Nova metadata holds strings only)" }).check(z.maxLength(255, "must be at most 255 characters")),
));
