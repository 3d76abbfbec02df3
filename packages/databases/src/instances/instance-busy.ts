import { UnprocessableEntity } from "@rax/core";
import { InstanceNotAvailable } from "../errors";

/**
 * Awaits `p`, a request on instance `instanceId`; its 422 becomes `InstanceNotAvailable`. On a request
 * about one instance Trove answers 422 only for that instance's state (not ACTIVE, guest not ready),
 * so every 422 here means "wait for ACTIVE and retry". Anything else passes through untouched.
 */
export async function busyAs<T>(p: Promise<T>, instanceId: string): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof UnprocessableEntity && !(e instanceof InstanceNotAvailable)) throw new InstanceNotAvailable(instanceId, e);
    throw e;
  }
}
