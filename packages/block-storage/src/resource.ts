/**
 * Copies `data` onto a resource object (`Server`, `Flavor`…), dropping fields the fresh data no
 * longer has. `raw` (every wire field, for what the camelCase view leaves out) stays readable but
 * non-enumerable, so printing or serialising a resource shows the view once, not twice.
 */
export function assignData<T extends { raw: Record<string, unknown> }>(target: object, data: T): void {
  const t = target as Record<string, unknown>;
  for (const key of Object.keys(t)) if (!(key in data)) delete t[key];
  for (const [key, value] of Object.entries(data)) if (key !== "raw") t[key] = value;
  Object.defineProperty(target, "raw", { value: data.raw, enumerable: false, configurable: true, writable: true });
}
