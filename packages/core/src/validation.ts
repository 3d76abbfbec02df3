import type * as z from "zod";
import { ValidationError } from "./errors";

/**
 * `schema.parse(value)`, but a failure throws `ValidationError` whose `field` is `field` plus the
 * first issue's path (`"opts.metadata.owner"`), so callers learn which argument was wrong.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue?.path.map(String).filter((p) => p !== "") ?? [];
  const name = [field, ...path].filter(Boolean).join(".");
  throw new ValidationError(name || "value", issue?.message ?? "is invalid", { cause: r.error });
}
