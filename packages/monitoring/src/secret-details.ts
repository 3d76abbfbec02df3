import { registerSecret } from "@rax/core";

/** Detail fields that hold credentials: remote.http's `auth_password`, PagerDuty's `service_key`. */
export const SECRET_DETAILS = ["auth_password", "service_key"] as const;

/**
 * Registers the secret detail values (so rax's logs and errors mask them) and makes them
 * non-enumerable on `details`: still readable (`check.details.auth_password`), never shown by
 * `console.log`, `util.inspect` or `JSON.stringify`. Returns the same object.
 */
export function hideSecretDetails<T extends Record<string, unknown>>(details: T): T {
  for (const key of SECRET_DETAILS) {
    const v = details[key];
    if (typeof v !== "string" || v === "") continue;
    registerSecret(v);
    Object.defineProperty(details, key, { value: v, enumerable: false, configurable: true, writable: true });
  }
  return details;
}

/** Registers secret detail values about to be sent, so the debug log of the request masks them. */
export function registerSecretDetails(details: Record<string, unknown> | undefined): void {
  for (const key of SECRET_DETAILS) {
    const v = details?.[key];
    if (typeof v === "string" && v !== "") registerSecret(v);
  }
}
