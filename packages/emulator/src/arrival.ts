import type { EmulatorContext } from "./context";
import type { Resolved, ServedEndpoint } from "./endpoints";

const arrivedAt = new WeakMap<Request, ServedEndpoint>();

/** Records which endpoint a (routed) request arrived at. */
export function markArrival(request: Request, endpoint: ServedEndpoint): void {
  arrivedAt.set(request, endpoint);
}

/**
 * The endpoint (service, region, interface, base URL) a request arrived at. Handlers use it for
 * the region (`endpointOf(request).region`) and for URLs they hand out (`.base`).
 */
export function endpointOf(request: Request): ServedEndpoint {
  const endpoint = arrivedAt.get(request);
  if (!endpoint) throw new Error("request did not come through the emulator's router");
  return endpoint;
}

/** Like endpointOf, for code that also sees requests before routing (faults, the request log). */
export function findEndpoint(ctx: EmulatorContext, request: Request): Resolved | undefined {
  const endpoint = arrivedAt.get(request);
  const url = new URL(request.url);
  if (endpoint) return { endpoint, path: url.pathname };
  return ctx.endpoints.resolve(url);
}

/** A request made from a routed one (new headers, say) arrives at the same endpoint. */
export function sameArrival(from: Request, to: Request): Request {
  const endpoint = arrivedAt.get(from);
  if (endpoint) arrivedAt.set(to, endpoint);
  return to;
}
