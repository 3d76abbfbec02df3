import { InvalidResponse } from "./errors";
import type { RaxResponse } from "./response";

/**
 * `res` unless its status is outside `ok`: then its body is discarded unread and the call is an
 * `InvalidResponse`. The error carries no body snippet: a success body may hold an admin password
 * or a private key. A 3xx never gets here (the transport refuses redirects it was not asked for).
 */
export async function requireStatus(res: RaxResponse, ok: readonly number[]): Promise<RaxResponse> {
  if (ok.includes(res.status)) return res;
  await res.dump().catch(() => undefined);
  throw new InvalidResponse(
    { status: res.status, method: res.method, url: res.url, snippet: "", requestId: res.requestId },
    `Expected HTTP ${ok.join(" or ")}, got ${res.status}`,
  );
}
