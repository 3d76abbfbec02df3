import { ID_SEGMENT, lazy, validate } from "@rax/core";
import { idRef } from "@rax/core/zod-mini";
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

/** A message or claim id (or an object carrying it): core's id-segment rule, as Zaqar's WSGI server decodes "%2F" too. */
export const ref = idRef;

/** Whole seconds within `[min, max]`. */
export const seconds = (l: { min: number; max: number }) =>
  z.number().check(z.int("must be whole seconds"), z.gte(l.min, `must be at least ${l.min} seconds`), z.lte(l.max, `must be at most ${l.max} seconds`));

// Every call names its queue (and most a message or claim): the common forms are checked by hand,
// and zod runs only for input that does not plainly fit, to word what is wrong (same field, same message).

/** The queue's name from a `QueueRef` (ValidationError on field `queue` otherwise). */
export function queueNameOf(queue: unknown): string {
  if (typeof queue === "string") {
    if (LIMITS.queueName.test(queue)) return queue;
  } else if (typeof queue === "object" && queue !== null && !Array.isArray(queue)) {
    const name = (queue as { name?: unknown }).name;
    if (typeof name === "string" && LIMITS.queueName.test(name)) return name;
  }
  return validate(queueRef(), queue, "queue");
}

/** The id from a `Ref` (ValidationError on `field` otherwise). */
export function idOf(value: unknown, field: string): string {
  if (typeof value === "string") {
    if (ID_SEGMENT.test(value)) return value;
  } else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const id = (value as { id?: unknown }).id;
    if (typeof id === "string" && ID_SEGMENT.test(id)) return id;
  }
  return validate(ref(), value, field);
}
