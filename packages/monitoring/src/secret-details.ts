import { registerSecret } from "@rax/core";

/** Detail fields that hold credentials: remote.http's `auth_password`, PagerDuty's `service_key`. */
export const SECRET_DETAILS = ["auth_password", "service_key"] as const;

/**
 * Detail fields secret for one notification type only. A webhook notification's `url` is often an
 * Auto Scale capability URL (the URL alone runs a scaling policy, so rax keeps it secret there too)
 * or a chat service's incoming-hook URL; a check's `details.url` is just the page it fetches.
 */
const SECRET_BY_TYPE: Readonly<Record<string, readonly string[]>> = { webhook: ["url"] };

function secretKeys(type: string | undefined): readonly string[] {
  const extra = type === undefined ? undefined : SECRET_BY_TYPE[type];
  return extra ? [...SECRET_DETAILS, ...extra] : SECRET_DETAILS;
}

/**
 * Registers the secret detail values (so rax's logs and errors mask them) and makes them
 * non-enumerable on `details`: still readable (`check.details.auth_password`), never shown by
 * `console.log`, `util.inspect` or `JSON.stringify`. `type` is a notification's type. Returns the same object.
 */
export function hideSecretDetails<T extends Record<string, unknown>>(details: T, type?: string): T {
  for (const key of secretKeys(type)) {
    const v = details[key];
    if (typeof v !== "string" || v === "") continue;
    registerSecret(v);
    Object.defineProperty(details, key, { value: v, enumerable: false, configurable: true, writable: true });
  }
  return details;
}

/** Registers secret detail values about to be sent, so the debug log of the request masks them. */
export function registerSecretDetails(details: Record<string, unknown> | undefined, type?: string): void {
  for (const key of secretKeys(type)) {
    const v = details?.[key];
    if (typeof v === "string" && v !== "") registerSecret(v);
  }
}
