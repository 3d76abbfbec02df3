import { ValidationError, parseSchema } from "@rax/core";
import * as z from "zod/mini";
import type { $ZodType, output } from "zod/v4/core";

// Checks shared by the namespaces' option objects (each names the field it refuses).

export const posInt = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) > 0;

/** `o` as a record whose keys are all in `keys` (undefined → {}). */
export function checkObject(o: unknown, field: string, keys: string[]): Record<string, unknown> {
  if (o === undefined) return {};
  if (o === null || typeof o !== "object" || Array.isArray(o)) throw new ValidationError(field, "must be an object");
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new ValidationError(`${field}.${k}`, "unknown option");
  return o as Record<string, unknown>;
}

/** `options.signal`: an AbortSignal or nothing; the call's requests stop when it fires. */
export function checkSignal(v: unknown, field = "options.signal"): AbortSignal | undefined {
  if (v !== undefined && !(v instanceof AbortSignal)) throw new ValidationError(field, "must be an AbortSignal");
  return v as AbortSignal | undefined;
}

/** The options of a call with nothing else to set: it can still be cancelled. */
export interface SignalOptions {
  /** Stops the call's requests (each of them, for a call that makes several) when it fires. */
  signal?: AbortSignal;
}

/** `options` of a call whose only option is `signal`: checked (unknown keys refused), its signal returned. */
export function signalOption(options: unknown): AbortSignal | undefined {
  return checkSignal(checkObject(options, "options", ["signal"]).signal);
}

export function checkBool(v: unknown, field: string): boolean | undefined {
  if (v !== undefined && typeof v !== "boolean") throw new ValidationError(field, "must be a boolean");
  return v as boolean | undefined;
}

/** pyrax took the new name positionally; here it is an option, and a string says so. */
export function copyOptions(options: unknown): unknown {
  if (typeof options === "string")
    throw new ValidationError("options", `must be an object: pass the new name as { newObjName: ${JSON.stringify(options)} }`);
  return options;
}

export function checkMetadataArg(meta: unknown): void {
  if (meta === null || typeof meta !== "object" || Array.isArray(meta)) throw new ValidationError("metadata", "must be an object of key/value pairs");
}

/**
 * `schema`'s output for `value`, or a `ValidationError` whose field is `field` plus the path of the
 * first issue — an unknown key included (`options.bogus: unknown option`), which zod reports on
 * the object itself — looking into the union branch the value was closest to (`options.range.end`).
 */
export function parseOptions<S extends $ZodType>(schema: S, value: unknown, field: string): output<S> {
  const r = parseSchema(schema, value);
  if (r.success) return r.data;
  const path: string[] = [];
  let issue: z.core.$ZodIssue | undefined = r.error.issues[0];
  while (issue?.code === "invalid_union") {
    const branch = closestBranch(issue.errors);
    if (!branch) break;
    path.push(...issue.path.map(String));
    issue = branch[0];
  }
  const unknownKey = issue?.code === "unrecognized_keys" ? issue.keys[0] : undefined;
  path.push(...(issue?.path ?? []).map(String), ...(unknownKey === undefined ? [] : [unknownKey]));
  const name = [field, ...path].filter(Boolean).join(".");
  throw new ValidationError(name || "value", unknownKey === undefined ? (issue?.message ?? "is invalid") : "unknown option", { cause: r.error });
}

/**
 * The branch whose shape the value has (no unknown keys, fewest issues), when there is exactly one;
 * otherwise the union's own message is the clearer one.
 */
function closestBranch(branches: z.core.$ZodIssue[][]): z.core.$ZodIssue[] | undefined {
  const fits = branches.filter((b) => b.length > 0 && !b.some((i) => i.code === "unrecognized_keys" || (i.code === "invalid_type" && i.path.length === 0)));
  if (fits.length === 0) return undefined;
  const fewest = Math.min(...fits.map((b) => b.length));
  const best = fits.filter((b) => b.length === fewest);
  return best.length === 1 ? best[0] : undefined;
}

// Building blocks of the option schemas, each with the wording its ValidationError carries.

export const positiveInt = (message = "must be a positive integer") =>
  z.number(message).check(z.int(message), z.positive(message), z.lte(Number.MAX_SAFE_INTEGER, message));

export const abortSignal = () => z.instanceof(AbortSignal, { message: "must be an AbortSignal" });

export const callback = <F extends (...args: never[]) => unknown>() =>
  z.custom<F>((v) => typeof v === "function", "must be a function");
