import { lazy } from "@rax/core";
import { idRef } from "@rax/core/zod-mini";
import * as z from "zod/mini";

/** A resource given by its id or by any object carrying it (a `ScalingGroup`, a `Policy`, a `Webhook`). */
export type Ref = string | { readonly id: string };

/** Validates a `Ref` into the id (`ValidationError` names the argument when it is neither). */
export const ref = idRef;

/**
 * Auto Scale metadata (group, server and webhook): string keys and values of at most 256
 * characters (Otter's schema; the reference's create body shows `"metadata": {}`).
 */
export const metadataInput = lazy(() =>
  z.record(
    z.string().check(z.minLength(1), z.maxLength(256)),
    z.string({ error: "must be a string (Auto Scale metadata holds strings only)" }).check(z.maxLength(256, "must be at most 256 characters")),
  ),
);

/**
 * A group, policy or webhook name: at most 256 characters with something besides whitespace
 * (Otter's schema: `maxLength: 256`, `pattern: "\S+"`).
 */
export const nameInput = lazy(() => z.string().check(z.minLength(1), z.maxLength(256), z.regex(/\S/, "must not be blank")));

/** Seconds, as Otter's schema bounds every cooldown: 0 to 86400 (one day). */
export const cooldownInput = lazy(() => z.number().check(z.int("must be a whole number of seconds"), z.gte(0, "must be 0 or more"), z.lte(86_400, "must be at most 86400 (one day)")));
