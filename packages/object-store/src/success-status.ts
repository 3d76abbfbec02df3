import { InvalidResponse, type RaxResponse } from "@rax/core";

/**
 * The statuses Swift defines as success for each kind of call. Anything else below 400 (a 3xx
 * from a balancer, a 202 where 201 means "stored") is not success: taking it as one stores
 * nothing while reporting it stored, or hands back a redirect page as the object's bytes.
 */
export const OK = {
  head: [200, 204],
  headObject: [200],
  list: [200, 204],
  getObject: [200],
  getRange: [200, 206],
  putContainer: [201, 202],
  putObject: [201],
  post: [204],
  postObject: [202],
  delete: [204],
  deleteWithSegments: [200, 204],
  bulkDelete: [200],
  cdnPut: [201, 202, 204],
} as const satisfies Record<string, readonly number[]>;

export type SuccessStatuses = readonly number[];

/** Throws `InvalidResponse` (the body discarded) unless `res.status` is one of `ok`. */
export async function checkStatus(res: RaxResponse, ok: SuccessStatuses): Promise<RaxResponse> {
  if (ok.includes(res.status)) return res;
  await res.dump().catch(() => undefined);
  const location = res.headers.location;
  throw new InvalidResponse(
    { status: res.status, method: res.method, url: res.url, snippet: "", requestId: res.requestId },
    `Swift answered ${res.status} where ${ok.join(" or ")} means success${location ? ` (redirect not followed)` : ""}`,
  );
}
