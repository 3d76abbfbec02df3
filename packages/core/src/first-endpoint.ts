import { NoEndpointForService } from "./errors";
import type { AuthSession, EndpointQuery } from "./session";

/**
 * The first of several catalog entries a service may be listed under (Cinder as `volumev3`,
 * `block-storage`, `volumev2`, then Rackspace's `volume`), without a trailing slash. Only a missing
 * entry moves on to the next; any other error is thrown at once. None found: the last
 * `NoEndpointForService`.
 */
export function firstEndpoint(
  session: AuthSession,
  candidates: ReadonlyArray<{ type: string; name?: string }>,
  query: Omit<EndpointQuery, "type" | "name"> = {},
): string {
  let last: unknown = new NoEndpointForService({ type: candidates[0]?.type ?? "" }, "no catalog types to look for");
  for (const c of candidates) {
    try {
      return session.endpoint({ ...query, ...c }).replace(/\/+$/, "");
    } catch (e) {
      if (!(e instanceof NoEndpointForService)) throw e;
      last = e;
    }
  }
  throw last;
}
