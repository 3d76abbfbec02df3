import { type CallOptions, lazy, type ServiceClient } from "@rax/core";
import * as z from "zod/mini";
import { apiVersion } from "./api-version";

// Cinder records why an asynchronous operation failed as a "user message" (v3: GET /messages), e.g.
// "schedule allocate volume:Could not find any available weighted backend." The volume itself only
// says `status: error`.

/**
 * /messages exists from 3.3, but Cinder reads its query (filters, sort, paging) only from 3.5
 * (MESSAGES_PAGINATION): at 3.3 `?resource_uuid=` is ignored and every message of the project comes
 * back (seen on Cinder 21.3.1).
 */
const MESSAGES_MICROVERSION = "volume 3.5";
/** A reason is a courtesy on an error already being thrown: it must not hold that error back long. */
const REASON_TIMEOUT_MS = 10_000;

const messagesBody = lazy(() =>
  z.object({ messages: z.array(z.object({ resource_uuid: z.optional(z.nullable(z.string())), user_message: z.optional(z.nullable(z.string())), created_at: z.optional(z.nullable(z.string())) })) }),
);

/**
 * The newest user message Cinder holds for a volume or snapshot, or undefined when there is none
 * or it cannot be read: Rackspace's v1 and v2 have no messages API; a 404/406 from an older v3, a
 * policy refusal, a timeout or a malformed body all leave the caller's error as it was. Those
 * failures are deliberately not raised: the wait's own failure (`VolumeFailed`) is the error the
 * caller must see, and the reason only adds to it.
 */
export async function failureReason(client: ServiceClient, id: string, o: Pick<CallOptions, "signal"> = {}): Promise<string | undefined> {
  if (apiVersion(client) !== 3) return undefined;
  try {
    const body = await client.json(
      {
        method: "GET",
        path: "messages",
        query: { resource_uuid: id },
        headers: { "OpenStack-API-Version": MESSAGES_MICROVERSION },
        timeout: REASON_TIMEOUT_MS,
        ...(o.signal ? { signal: o.signal } : {}),
      },
      messagesBody(),
    );
    // Checked again here: a server that ignores the filter must not lend another volume's reason.
    // created_at is ISO 8601 from one clock, so text order is time order.
    let newest: { user_message?: string | null; created_at?: string | null } | undefined;
    for (const m of body.messages) {
      if (m.resource_uuid !== id || !m.user_message) continue;
      if (!newest || (m.created_at ?? "") > (newest.created_at ?? "")) newest = m;
    }
    return newest?.user_message ?? undefined;
  } catch {
    return undefined;
  }
}
