import { ESM_BUNDLE_FIX, TransportLoadError } from "./errors";
import { redact } from "./redact";

// The message esbuild's ESM output throws when bundled CommonJS calls require() on a built-in.
export const DYNAMIC_REQUIRE = /Dynamic require of "[^"]*" is not supported/;

export function loadFailure(err: unknown): TransportLoadError {
  const message = err instanceof Error ? err.message : String(err);
  const fix = DYNAMIC_REQUIRE.test(message) ? `; ${ESM_BUNDLE_FIX}` : "";
  return new TransportLoadError(`Could not load the HTTP client: ${redact(message)}${fix}`, { cause: err });
}
