import type { $ZodType, output } from "zod/v4/core";
import type { RaxResponse } from "./response";
import { parseSchema } from "./parse-schema";
import { schemaMisfit } from "./schema-misfit";
import type { ServiceCall, ServiceClient } from "./service-client";
import { requireStatus } from "./success-status";

// Most OpenStack APIs define one success status per operation (202 for a Nova create, 204 for a
// delete…). A call states it with `success` (ServiceCall); these older helpers take it apart.

/**
 * Sends `call`; any status outside `ok` (another 2xx or a 3xx included) is an `InvalidResponse`.
 * The error carries no body snippet: a success body may hold an admin password or a private key.
 * Same as `client.send({ ...call, success: ok })`.
 */
export async function sendFor(client: ServiceClient, call: ServiceCall, ok: readonly number[]): Promise<RaxResponse> {
  // Checked here as well: a client whose `send` is overridden (a test double) may not honour `success`.
  return requireStatus(await client.send({ ...call, success: ok }), ok);
}

/**
 * `sendFor` + the JSON body parsed leniently by `schema` (use loose objects: unknown fields are kept).
 * A body that does not fit is an `InvalidResponse` naming the first misfit path, with no snippet.
 */
export async function jsonFor<S extends $ZodType>(client: ServiceClient, call: ServiceCall, ok: readonly number[], schema: S): Promise<output<S>> {
  const res = await sendFor(client, call, ok);
  const data = await res.json<unknown>();
  const r = parseSchema(schema, data);
  if (r.success) return r.data;
  throw schemaMisfit(res, r.error, "");
}
