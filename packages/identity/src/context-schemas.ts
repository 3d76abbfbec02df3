import type { $ZodType } from "zod/v4/core";
import { type InputZod, zodForInputs } from "./config-parsers";

/**
 * - `text`: a string that is not empty once trimmed;
 * - `filled`: a string of at least one character (kept as given);
 * - `string`, `boolean`: that type;
 * - `count`: an integer ≥ 0;
 * - `debug-level`: a boolean or "verbose";
 * - `http-url` / `url`: an http(s) URL / any URL;
 * - a list: one of those strings.
 */
export type InputKind = "text" | "filled" | "string" | "boolean" | "count" | "debug-level" | "http-url" | "url" | readonly string[];
/** The keys an options object may hold, each optional; other keys pass. */
export type InputShape = Readonly<Record<string, InputKind>>;

// Built the first time some input is not plainly valid (context-input.ts): only then is zod loaded.
const built = new Map<InputShape | InputKind, $ZodType>();

const NON_EMPTY = "must be a non-empty string";

function kindSchema(zod: InputZod, kind: InputKind): $ZodType {
  if (typeof kind !== "string") return zod.enum(kind as readonly [string, ...string[]]);
  switch (kind) {
    case "text":
      return zod.string().check(zod.trim(), zod.minLength(1, NON_EMPTY));
    case "filled":
      return zod.string().check(zod.minLength(1, NON_EMPTY));
    case "string":
      return zod.string();
    case "boolean":
      return zod.boolean();
    case "count":
      return zod.int().check(zod.gte(0));
    case "debug-level":
      return zod.union([zod.boolean(), zod.literal("verbose")], { error: "must be true, false or \"verbose\"" });
    case "http-url":
      return zod.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
    case "url":
      return zod.url();
  }
}

/** The zod schema of a table (an object of optional fields, other keys allowed) or of one value. */
export function inputSchema(of: InputShape | InputKind): $ZodType {
  let schema = built.get(of);
  if (!schema) {
    const zod = zodForInputs();
    if (typeof of === "string" || Array.isArray(of)) schema = kindSchema(zod, of as InputKind);
    else {
      const fields = Object.fromEntries(Object.entries(of as InputShape).map(([k, kind]) => [k, zod.optional(kindSchema(zod, kind))]));
      schema = zod.looseObject(fields);
    }
    built.set(of, schema);
  }
  return schema;
}
