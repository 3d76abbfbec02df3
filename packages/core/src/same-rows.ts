// Structural equality of listing rows, for the pagers' repeated-page guard. Rows are usually plain
// JSON data; distinct pages differ in their first row's first field, so the common case is cheap.
// Objects nested deeper than MAX_DEPTH (or cyclic) count as different: a missed repeat is caught
// by the cursor guard, while a false "repeat" would drop rows.
const MAX_DEPTH = 8;

function same(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return true;
}

/** True when two pages hold the same rows in the same order (and at least one row). */
export function sameRows(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length === 0 || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i], 0)) return false;
  return true;
}
