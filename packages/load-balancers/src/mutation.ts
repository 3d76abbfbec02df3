import { type CallOptions, HttpError, jsonFor, NotFound, type RaxResponse, sendFor, type ServiceCall, type ServiceClient } from "@rax/core";
import type * as z from "zod/mini";
import { LoadBalancerImmutable, NoSuchLoadBalancer } from "./errors";

// Every CLB call goes through one of these two, so a 404 and a 422 mean the same thing everywhere.

/** `loadbalancers/{id}` + `rest`. */
export const lbPath = (id: string, rest = "") => `loadbalancers/${id}${rest}`;

/**
 * A 404 names what was missing: CLB says "Load balancer not found" when the load balancer is gone (mimic clb_errors),
 * otherwise the sub-resource (`missing`) is what was not found.
 */
function refine(lbId: string, missing?: (e: NotFound) => Error) {
  return (e: unknown): never => {
    if (e instanceof NotFound) throw missing && !/load ?balancer not found/i.test(e.serverMessage) ? missing(e) : new NoSuchLoadBalancer(lbId, e);
    if (e instanceof HttpError && e.status === 422 && /immutable|status of/i.test(e.serverMessage)) throw new LoadBalancerImmutable(lbId, e);
    throw e;
  };
}

/**
 * A change (POST/PUT/DELETE). Sent as non-idempotent: after a timeout or a dropped connection CLB
 * may have acted, and a second "add node" would add the node twice, so it is never replayed
 * (only a refusal the server did not act on — connection refused, 413/429 rate limit — is retried).
 */
export async function change(client: ServiceClient, lbId: string, call: ServiceCall, ok: readonly number[], o: CallOptions, missing?: (e: NotFound) => Error): Promise<RaxResponse> {
  return sendFor(client, { ...call, ...o, idempotent: false } as ServiceCall, ok).catch(refine(lbId, missing));
}

/** `change` + the JSON answer parsed leniently. */
export async function changeJson<S extends z.ZodMiniType>(client: ServiceClient, lbId: string, call: ServiceCall, ok: readonly number[], schema: S, o: CallOptions, missing?: (e: NotFound) => Error): Promise<z.output<S>> {
  return jsonFor(client, { ...call, ...o, idempotent: false } as ServiceCall, ok, schema).catch(refine(lbId, missing));
}

/** A read (GET → 200) of something under a load balancer. */
export async function read<S extends z.ZodMiniType>(client: ServiceClient, lbId: string, path: string, schema: S, o: CallOptions, missing?: (e: NotFound) => Error, query?: ServiceCall["query"]): Promise<z.output<S>> {
  return jsonFor(client, { method: "GET", path, ...(query ? { query } : {}), ...o }, [200], schema).catch(refine(lbId, missing));
}

/** Sends a change whose answer carries nothing the caller needs. */
export async function changeOnly(client: ServiceClient, lbId: string, call: ServiceCall, ok: readonly number[], o: CallOptions, missing?: (e: NotFound) => Error): Promise<void> {
  await (await change(client, lbId, call, ok, o, missing)).dump();
}
