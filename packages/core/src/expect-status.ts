import type * as z from "zod";
import { InvalidResponse } from "./errors";
import type { RaxResponse } from "./response";
import { schemaMisfit } from "./schema-misfit";
import type { ServiceCall, ServiceClient } from "./service-client";

// Most OpenStack APIs define one success status per operation (202 for a Nova create, 204 for a
// delete…). `ServiceClient.json()` accepts any 2xx, so calls whose status carries meaning use these.

/**
 * Sends `call`; any status outside `ok` (another 2xx or a 3xx included) is an `InvalidResponse`.
 * The error carries no body snippet: a success body may hold an admin password or a private key.
 */
export async function sendFor(client: ServiceClient, call: ServiceCall, ok: readonly number[]): Promise<RaxResponse> {
  const res = await client.send(call);
  if (ok.includes(res.status)) return res;
  await res.dump().catch(() => undefined);
  throw new InvalidResponse(
    { status: res.status, method: res.method, url: res.url, snippet: "", requestId: res.requestId },
    `Expected HTTP ${ok.join(" or ")}, got ${res.status}`,
  );
}

/**
 * `sendFor` + the JSON body parsed leniently by `schema` (use loose objects: unknown fields are kept).
 * A body that does not fit is an `InvalidResponse` naming the first misfit path, with no snippet.
 */
export async function jsonFor<S extends z.ZodType>(client: ServiceClient, call: ServiceCall, ok: readonly number[], schema: S): Promise<z.output<S>> {
  const res = await sendFor(client, call, ok);
  const data = await res.json<unknown>();
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  throw schemaMisfit(res, r.error, "");
}
