/**
 * What `console.log` / `util.inspect` / `JSON.stringify` show of identity objects. Node looks this
 * symbol up by name, so no `node:util` import is needed at load.
 */
export const INSPECT: unique symbol = Symbol.for("nodejs.util.inspect.custom") as never;

/** The fields worth showing, without the undefined ones (they only add noise to a log line). */
export function printedForm(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k] = v;
  return out;
}
