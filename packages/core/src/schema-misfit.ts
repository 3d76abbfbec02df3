import type { $ZodError } from "zod/v4/core";
import { InvalidResponse } from "./errors";
import type { RaxResponse } from "./response";

/**
 * The `InvalidResponse` for a body that does not fit its schema, naming the first misfit path.
 * One wording for `ServiceClient.json` and `jsonFor`, so callers can match a single message form.
 */
export function schemaMisfit(res: RaxResponse, error: $ZodError, snippet: string): InvalidResponse {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join(".");
  return new InvalidResponse(
    { status: res.status, method: res.method, url: res.url, snippet, path, requestId: res.requestId, cause: error },
    `Unexpected response body${path ? ` at ${path}` : ""}: ${issue?.message ?? "schema mismatch"}`,
  );
}
