const REQUEST_ID_HEADERS = ["x-openstack-request-id", "x-compute-request-id", "x-trans-id", "x-request-id"];

/** The server's request id from lower-case response headers, for support tickets. */
export function requestIdFrom(headers: Record<string, string>): string | undefined {
  for (const h of REQUEST_ID_HEADERS) {
    const v = headers[h];
    if (v) return v;
  }
  return undefined;
}
