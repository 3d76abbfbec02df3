import { NotFound, type RaxResponse, type ServiceCall } from "@rax/core";
import { clientIdMissing } from "./errors";
import type { QueuesApi } from "./queues-api";

/**
 * Sends one call that states the API's success statuses (`success`, an error otherwise). A 404
 * becomes `notFound(e)` when given (`NoSuchQueue`…), the server's 400 for a missing Client-ID
 * `QueueClientIDNotDefined`. One async step where `guarded(notFoundAs(sendFor(…)))` took three, each
 * a promise and microtask hops more per request: a worker loop posts, claims and deletes in a tight loop.
 */
export async function sendQueues(client: QueuesApi, call: ServiceCall & { success: readonly number[] }, notFound?: (e: NotFound) => Error): Promise<RaxResponse> {
  try {
    return await client.send(call);
  } catch (e) {
    if (notFound !== undefined && e instanceof NotFound) throw notFound(e);
    throw clientIdMissing(e);
  }
}
