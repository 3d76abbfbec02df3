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

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** What printing `details` shows: its enumerable fields, which the secret ones are not. */
function shownDetails(this: Record<string, unknown>): Record<string, unknown> {
  return { ...this };
}

/**
 * Registers the secret detail values (so rax's logs and errors mask them) and hides them on
 * `details`: still readable and writable (`check.details.auth_password`), never shown by
 * `console.log`, `util.inspect` (even with `showHidden` and `getters`) or `JSON.stringify`.
 * Each is a non-enumerable accessor, not a data property, since `showHidden` prints a
 * non-enumerable value; and `details` prints through its own inspect form, since `getters` would
 * call the accessor. `type` is a notification's type. Returns the same object.
 */
export function hideSecretDetails<T extends Record<string, unknown>>(details: T, type?: string): T {
  let hidden = false;
  for (const key of secretKeys(type)) {
    let v = details[key];
    if (typeof v !== "string" || v === "") continue;
    registerSecret(v);
    hidden = true;
    Object.defineProperty(details, key, {
      get: () => v,
      set: (next: unknown) => {
        v = next;
      },
      enumerable: false,
      configurable: true,
    });
  }
  if (hidden) Object.defineProperty(details, INSPECT, { value: shownDetails, enumerable: false, configurable: true, writable: true });
  return details;
}

/** Registers secret detail values about to be sent, so the debug log of the request masks them. */
export function registerSecretDetails(details: Record<string, unknown> | undefined, type?: string): void {
  for (const key of secretKeys(type)) {
    const v = details?.[key];
    if (typeof v === "string" && v !== "") registerSecret(v);
  }
}
