// What `console.log`, `util.inspect` and `JSON.stringify` show of core's objects that reach a
// session: a summary chosen field by field, so no secret can ride along in a nested object.
// The symbol is Node's registered one, so core needs no node:util import at load.

export const INSPECT = Symbol.for("nodejs.util.inspect.custom");

interface InspectOptions {
  depth?: number | null;
}
type InspectFn = (value: unknown, options?: InspectOptions) => string;

/** The body of a `[INSPECT]` method: `Name { …shown }`, or `[Name]` below the depth limit. */
export function inspectAs(name: string, shown: Record<string, unknown>, depth: number, options: InspectOptions | undefined, inspect: InspectFn | undefined): unknown {
  if (typeof inspect !== "function") return shown;
  if (depth < 0) return `[${name}]`;
  const d = options?.depth;
  return `${name} ${inspect(shown, { ...options, depth: d === null || d === undefined ? d : d - 1 })}`;
}

/** Drops undefined fields, so summaries stay short. */
export function defined(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
