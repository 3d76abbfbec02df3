import { ValidationError } from "@rax/core";

// Checks shared by the namespaces' option objects (each names the field it refuses).

export const posInt = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) > 0;

/** `o` as a record whose keys are all in `keys` (undefined → {}). */
export function checkObject(o: unknown, field: string, keys: string[]): Record<string, unknown> {
  if (o === undefined) return {};
  if (o === null || typeof o !== "object" || Array.isArray(o)) throw new ValidationError(field, "must be an object");
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new ValidationError(`${field}.${k}`, "unknown option");
  return o as Record<string, unknown>;
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
