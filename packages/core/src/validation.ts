import type { $ZodType, output } from "zod/v4/core";
import { ValidationError } from "./errors";
import { parseSchema } from "./parse-schema";

/**
 * `parseSchema(schema, value)`, but a failure throws `ValidationError` whose `field` is `field` plus the
 * first issue's path (`"opts.metadata.owner"`; an unknown key's own name: `"opts.bogus"`), so callers
 * learn which argument was wrong.
 */
export function validate<S extends $ZodType>(schema: S, value: unknown, field: string): output<S> {
  const r = parseSchema(schema, value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue?.path.map(String).filter((p: string) => p !== "") ?? [];
  // zod reports an unknown key on the object itself; the key is what the caller has to fix.
  if (issue?.code === "unrecognized_keys" && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  const name = [field, ...path].filter(Boolean).join(".");
  throw new ValidationError(name || "value", issue?.message ?? "is invalid", { cause: r.error });
}
