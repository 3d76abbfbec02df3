import { RECIPE_MADE, ResourceFailed } from "./errors";
import { redact } from "./redact";

// The recipe for a service's failed-wait error (`VolumeFailed`, `InstanceFailed`…); see not-found-error.ts.

/** A resource a failed wait names: its id and the status it reached. */
export interface StatusResource {
  id: string | number;
  status?: string;
}

/** What `statusFailedError` makes: `new (resource, wanted, kind?, message?)`, a `ResourceFailed<R>`. */
export interface StatusFailedErrorClass<Base extends StatusResource> {
  new <R extends Base = Base>(resource: R, wanted: string, kind?: string, message?: string): ResourceFailed<R>;
  readonly prototype: ResourceFailed<Base>;
  readonly errorName: string;
}

/**
 * A `ResourceFailed` for a resource that reached a failure status while a wait wanted another:
 * `<kind> <id> went to <status> while waiting for <wanted>[: <message>]`. `message` is the server's
 * reason (kept as `fault`, redacted in the text); a resource without a status counts as `failedStatus`.
 */
export function statusFailedError<Base extends StatusResource = { id: string; status?: string }>(
  errorName: string,
  kind: string,
  failedStatus: string,
): StatusFailedErrorClass<Base> {
  const made = class<R extends Base> extends ResourceFailed<R> {
    static override readonly errorName: string = errorName;
    constructor(resource: R, wanted: string, what = kind, message?: string) {
      const status = resource.status ?? failedStatus;
      // The server's text is the server's to write: redacted like every other message.
      const why = message ? `: ${redact(message)}` : "";
      super({ resource, value: status, fault: message, attribute: "status" }, `${what} ${resource.id} went to ${status} while waiting for ${wanted}${why}`);
    }
  };
  Object.defineProperty(made, RECIPE_MADE, { value: true });
  return made as unknown as StatusFailedErrorClass<Base>;
}
