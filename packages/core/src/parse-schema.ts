import type { $ZodErrorMap, $ZodType, ParseContext, output, util } from "zod/v4/core";
import en from "zod/v4/locales/en.js";

// zod/mini loads no locale (every message would read "Invalid input"), and classic zod sets English
// globally when imported. English is passed per parse instead, so zod's global config stays the user's.
let english: $ZodErrorMap | undefined;
const ENGLISH = { error: ((issue) => (english ??= en().localeError as $ZodErrorMap)(issue)) as $ZodErrorMap };

/** zod/mini's and classic zod's schemas both carry `safeParse`; calling it keeps zod's runtime out of core's import. */
interface SafeParsing {
  safeParse(value: unknown, ctx: ParseContext<never>): util.SafeParseResult<unknown>;
}

/**
 * `safeParse` with English issue messages, for any zod 4 schema (`zod/mini` or classic). Every rax
 * package parses through this (or `validate`), so messages read the same whichever zod built the schema.
 */
export function parseSchema<S extends $ZodType>(schema: S, value: unknown): util.SafeParseResult<output<S>> {
  return (schema as unknown as SafeParsing).safeParse(value, ENGLISH) as util.SafeParseResult<output<S>>;
}
