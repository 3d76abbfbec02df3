import { ResourceFailed } from "./errors";
import { assignData } from "./resource-data";

/**
 * The object verb `server.waitFor(…)` / `volume.waitFor(…)`: runs the service's wait for `target`
 * and copies the resource it ended on onto `target`, as pyrax's waits do, so `server.status` is not
 * left at BUILD. A wait that rejects with `ResourceFailed` (the service's `ServerFailed`,
 * `VolumeFailed`…) for a resource of `target`'s class refreshes `target` too, because that failed
 * resource (its status, Nova's `fault`) is what the caller reads next; the error is rethrown as it
 * came. Other errors (timeouts, aborts, HTTP errors) leave `target` as it was.
 */
export async function waitInPlace<T extends object>(target: T, wait: () => Promise<{ raw: Record<string, unknown> }>): Promise<T> {
  try {
    assignData(target, await wait());
  } catch (e) {
    if (e instanceof ResourceFailed && e.resource instanceof target.constructor) assignData(target, e.resource as { raw: Record<string, unknown> });
    throw e;
  }
  return target;
}
