import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { LIMITS } from "./limits";

/** A queue given by its name or by any object carrying it (a `Queue`). */
export type QueueRef = string | { readonly name: string };
/** A message or claim given by its id or by any object carrying it. */
export type Ref = string | { readonly id: string };

export const queueName = lazy(() => z.string().check(z.regex(LIMITS.queueName, "must be 1-64 characters of A-Z, a-z, 0-9, _ and -")));

/** Validates a `QueueRef` into the name. */
export const queueRef = lazy(() => z.union([queueName(), z.pipe(z.object({ name: queueName() }), z.transform((o) => o.name))], {
  error: "must be a queue name (1-64 characters of A-Z, a-z, 0-9, _ and -) or an object with one",
}));

export const ref = lazy(() => z.union([z.string().check(z.minLength(1)), z.pipe(z.object({ id: z.string().check(z.minLength(1)) }), z.transform((o) => o.id))], {
  error: "must be an id or an object with an id",
}));

/** Whole seconds within `[min, max]`. */
export const seconds = (l: { min: number; max: number }) =>
  z.number().check(z.int("must be whole seconds"), z.gte(l.min, `must be at least ${l.min} seconds`), z.lte(l.max, `must be at most ${l.max} seconds`));
