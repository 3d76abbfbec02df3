import { InvalidResponse, type RaxResponse, type ServiceCall, type ServiceClient } from "@rax/core";
import type * as z from "zod";

// Cinder and Nova define one success status per operation (200 for a v1 create, 202 for a v3 create or a delete…). Core's `json()`
// accepts any 2xx, so the calls whose status carries meaning go through these two instead.

/** Sends `call`; any status outside `ok` (another 2xx included) is an `InvalidResponse`. */
export async function sendFor(client: ServiceClient, call: ServiceCall, ok: readonly number[]): Promise<RaxResponse> {
  const res = await client.send(call);
  if (ok.includes(res.status)) return res;
  // No body snippet: a success body here may carry an admin password or a private key.
  await res.dump().catch(() => undefined);
  throw new InvalidResponse(
    { status: res.status, method: res.method, url: res.url, snippet: "", requestId: res.requestId },
    `Expected HTTP ${ok.join(" or ")}, got ${res.status}`,
  );
}

/** `sendFor` + the JSON body parsed leniently by `schema` (a misfit body is an `InvalidResponse`). */
export async function jsonFor<S extends z.ZodType>(client: ServiceClient, call: ServiceCall, ok: readonly number[], schema: S): Promise<z.output<S>> {
  const res = await sendFor(client, call, ok);
  const data = await res.json<unknown>();
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue?.path.map(String).join(".");
  throw new InvalidResponse(
    { status: res.status, method: res.method, url: res.url, snippet: "", path, requestId: res.requestId, cause: r.error },
    `Unexpected response body${path ? ` at ${path}` : ""}: ${issue?.message ?? "schema mismatch"}`,
  );
}
