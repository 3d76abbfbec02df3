import { InvalidResponse, type RaxResponse } from "@rax/core";

/** Where a header came from, for the error that names it. */
export type ResponseRef = Pick<RaxResponse, "status" | "method" | "url" | "requestId" | "headers">;

/**
 * A count or size header (`X-Container-Object-Count`, `Content-Length`, …): absent → 0, a
 * non-negative integer → its value, anything else → `InvalidResponse` (never NaN).
 */
export function countHeader(res: ResponseRef, name: string): number {
  const v = res.headers[name];
  if (v === undefined) return 0;
  if (/^\d{1,16}$/.test(v)) return Number(v);
  throw new InvalidResponse(
    { status: res.status, method: res.method, url: res.url, snippet: `${name}: ${v.slice(0, 40)}`, requestId: res.requestId },
    `${name} is not a count: ${JSON.stringify(v.slice(0, 40))}`,
  );
}
