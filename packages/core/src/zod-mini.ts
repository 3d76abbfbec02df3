// The zod/mini functions rax's service packages build their schemas from, for `@rax/core/zod-mini`.
// Each package's build points "zod/mini" here (tsup.shared.ts) and core's build carries zod in
// itself, so a program loads one tree-shaken zod through core: zod/mini's own index re-exports every
// locale and the JSON-schema code, which plain Node then loads (~90 files, ~7 MB RSS) at import.
// Named one by one, never `export *`, so a bundler keeps only what a program uses.
// tests/packaging/core-zod-mini.test.ts fails when a package's source uses a name missing here.
import { type coerce as Coerce, type iso as Iso, ZodMiniISODateTime, ZodMiniNumber } from "zod/mini";
import { _coercedNumber, _isoDateTime } from "zod/v4/core";

export {
  _default,
  array,
  boolean,
  custom,
  date,
  email,
  enum,
  extend,
  gte,
  instanceof,
  int,
  ipv4,
  ipv6,
  length,
  literal,
  looseObject,
  lte,
  maxLength,
  minLength,
  never,
  nonnegative,
  null,
  nullable,
  nullish,
  number,
  object,
  optional,
  pipe,
  positive,
  record,
  refine,
  regex,
  safeExtend,
  startsWith,
  strictObject,
  string,
  superRefine,
  transform,
  trim,
  tuple,
  union,
  unknown,
  url,
} from "zod/mini";
export type { core, infer, input, output, ZodMiniType } from "zod/mini";

// Core's id-segment rule as schemas (id-schemas.ts): here, beside the zod they are built from, and not
// in core's main entry, which loads no zod.
export { idRef, idSegment } from "./id-schemas";

// zod's `iso` and `coerce` namespaces, re-exported as they are, become objects built at load
// (esbuild's `__export`, even when only a member is read), which a user's bundler keeps with every
// function in them. The packages use one of each: each is an object literal of that one, made as
// zod/mini makes it (its mini/iso.js and mini/coerce.js), and dropped from a bundle that uses neither.
export const iso: Pick<typeof Iso, "datetime"> = { datetime: (params) => _isoDateTime(ZodMiniISODateTime, params) };
export const coerce: Pick<typeof Coerce, "number"> = { number: ((params) => _coercedNumber(ZodMiniNumber, params)) as typeof Coerce.number };
