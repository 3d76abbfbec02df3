import { registerSecret } from "@rax/core";

// The account's and a container's temp-URL keys arrive as metadata (`X-Account-Meta-Temp-Url-Key`,
// `X-Container-Meta-Temp-URL-Key`, and the `-2` rotation slots). Whoever holds one can sign a URL
// for any object, so a printed account or container must not show it.
const TEMP_URL_KEYS = ["temp-url-key", "temp-url-key-2"] as const;
const INSPECT = Symbol.for("nodejs.util.inspect.custom");
const MASK = "[REDACTED]";

/**
 * Registers the temp-URL keys in `meta` with core's redaction and gives `meta` a `toJSON` and a
 * `util.inspect` form that show them as `[REDACTED]`. The values stay plain, enumerable properties
 * (`meta["temp-url-key"]`, `Object.entries`, spreading), because metadata goes back to Swift as
 * given: a `setAccountMetadata(meta, { clear: true })` of a copy that lost the key would delete it.
 */
export function maskTempUrlKeys<M extends Record<string, string>>(meta: M): M {
  let found = false;
  for (const k of TEMP_URL_KEYS) {
    const v = meta[k];
    if (v) {
      registerSecret(v);
      found = true;
    }
  }
  if (!found) return meta;
  const shown = (): Record<string, string> => {
    const out: Record<string, string> = { ...meta };
    for (const k of TEMP_URL_KEYS) if (out[k]) out[k] = MASK;
    return out;
  };
  Object.defineProperty(meta, "toJSON", { value: shown, enumerable: false, configurable: true, writable: true });
  Object.defineProperty(meta, INSPECT, { value: shown, enumerable: false, configurable: true, writable: true });
  return meta;
}
