import type { $ZodType, output } from "zod/v4/core";
import { ValidationError } from "./errors";
import { parseSchema } from "./parse-schema";

/**
 * `parseSchema(schema, value)`, but a failure throws `ValidationError` whose `field` is `field` plus the
 * first issue's path (`"opts.metadata.owner"`), so callers learn which argument was wrong.
 */
export function validate<S extends $ZodType>(schema: S, value: unknown, field: string): output<S> {
  const r = parseSchema(schema, value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue?.path.map(String).filter((p: string) => p !== "") ?? [];
  const name = [field, ...path].filter(Boolean).join(".");
  throw new ValidationError(name || "value", issue?.message ?? "is invalid", { cause: r.error });
}
