/**
 * Copies `data` onto a resource object (`Server`, `Volume`, `Image`…), dropping fields the fresh
 * data no longer has. `raw` (every wire field, for what the camelCase view leaves out) stays readable
 * but non-enumerable, so printing or serialising a resource shows the view once, not twice.
 */
export function assignData<T extends { raw: Record<string, unknown> }>(target: object, data: T): void {
  const t = target as Record<string, unknown>;
  const d = data as unknown as Record<string, unknown>;
  // A fresh resource (every row of a listing) has no own keys yet: nothing to drop.
  for (const key of Object.keys(t)) if (!(key in d)) delete t[key];
  // Keys, not entries: one [key, value] pair array per field was a visible cost per listed row.
  for (const key of Object.keys(d)) if (key !== "raw") t[key] = d[key];
  Object.defineProperty(target, "raw", { value: data.raw, enumerable: false, configurable: true, writable: true });
}
