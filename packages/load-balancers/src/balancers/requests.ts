import { type CallOptions, jsonFor, markerPager, type Paginated, ResourceFailed, type ServiceClient, validate, waitUntil, type WaitOptions } from "@rax/core";
import * as z from "zod/mini";
import { LoadBalancerFailed, NoSuchLoadBalancer, NoUniqueMatch } from "../errors";
import { changeJson, changeOnly, lbPath, read } from "../mutation";
import { type Ref, ref, refs } from "../ref";
import {
  absoluteLimitsBody,
  algorithmsBody,
  allowedDomainsBody,
  createBody,
  type CreateLoadBalancerInput,
  createLoadBalancerInput,
  type ListLoadBalancersInput,
  listLoadBalancersInput,
  type LoadBalancerData,
  loadBalancerBody,
  loadBalancersBody,
  protocolsBody,
  type RateLimitData,
  rateLimitsBody,
  type StatsData,
  statsBody,
  toLoadBalancer,
  toRateLimits,
  type UpdateLoadBalancerInput,
  updateLoadBalancerInput,
} from "./models";

// One function per CLB wire operation on load balancers: validate before any request, send,
// turn a 404 into NoSuchLoadBalancer and a 422 "immutable" into LoadBalancerImmutable.

/**
 * GET /loadbalancers → 200, page after page (`limit` ≤ 100, `marker` = the last id seen). CLB's
 * paginated-collections docs make the marker the id the page *begins with* ("?limit=10&marker=1234 …
 * beginning with the load balancer whose ID is 1234"), so a page that repeats the marker's row drops it:
 * no load balancer is listed twice whichever way the server counts. Whether more pages follow is judged on
 * the page as sent.
 */
export function listLoadBalancers(client: ServiceClient, filters?: ListLoadBalancersInput, o: CallOptions = {}): Paginated<LoadBalancerData> {
  const f = validate(listLoadBalancersInput(), filters, "filters") ?? {};
  return markerPager(
    async (marker, limit) => {
      const body = await jsonFor(client, { method: "GET", path: "loadbalancers", query: { limit, marker, nodeaddress: f.nodeAddress }, ...o }, [200], loadBalancersBody());
      const rows = body.loadBalancers;
      const items = marker !== undefined && rows.length && String(rows[0]!.id) === marker ? rows.slice(1) : rows;
      return { items, more: rows.length >= (limit ?? 100) };
    },
    { markerOf: (row) => String(row.id), pageSize: f.pageSize ?? 100, limit: f.limit, marker: f.marker },
  ).map(toLoadBalancer);
}

/** GET /loadbalancers/{id}: the full view (nodes, settings, metadata). */
export async function getLoadBalancer(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<LoadBalancerData> {
  const id = validate(ref(), lb, "loadBalancer");
  return toLoadBalancer((await read(client, id, lbPath(id), loadBalancerBody(), o)).loadBalancer);
}

/** The one load balancer named exactly `name` (pyrax `clb.find(name=…)`), fetched in full. */
export async function findLoadBalancer(client: ServiceClient, name: string, o: CallOptions = {}): Promise<LoadBalancerData> {
  const n = validate(z.string().check(z.regex(/\S/, "must not be blank")), name, "name");
  const matches = (await listLoadBalancers(client, {}, o).toArray()).filter((lb) => lb.name === n);
  if (matches.length > 1) throw new NoUniqueMatch("load balancers", matches.map((lb) => String(lb.id)));
  if (matches.length === 0) throw new NoSuchLoadBalancer(n, { in: client });
  return getLoadBalancer(client, matches[0]!.id, o);
}

/** POST /loadbalancers → 202, status BUILD. */
export async function createLoadBalancer(client: ServiceClient, input: CreateLoadBalancerInput, o: CallOptions = {}): Promise<LoadBalancerData> {
  const i = validate(createLoadBalancerInput(), input, "loadBalancer");
  const body = await changeJson(client, "(new)", { method: "POST", path: "loadbalancers", json: createBody(i) }, [202], loadBalancerBody(), o);
  return toLoadBalancer(body.loadBalancer);
}

/** PUT /loadbalancers/{id} → 202 (only the fields given). */
export async function updateLoadBalancer(client: ServiceClient, lb: Ref, changes: UpdateLoadBalancerInput, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), lb, "loadBalancer");
  const c = validate(updateLoadBalancerInput(), changes, "changes");
  const loadBalancer = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined));
  await changeOnly(client, id, { method: "PUT", path: lbPath(id), json: { loadBalancer } }, [202], o);
}

/** DELETE /loadbalancers/{id} → 202 (status PENDING_DELETE, then gone). */
export async function deleteLoadBalancer(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), lb, "loadBalancer");
  await changeOnly(client, id, { method: "DELETE", path: lbPath(id) }, [202], o);
}

/** DELETE /loadbalancers?id=…&id=… → 202: up to 10 at once (CLB's BATCH_DELETE_LIMIT). */
export async function deleteLoadBalancers(client: ServiceClient, lbs: Ref | Ref[], o: CallOptions = {}): Promise<void> {
  const ids = validate(refs().check(z.refine((a) => a.length <= 10, "must name at most 10 load balancers (CLB's BATCH_DELETE_LIMIT)")), lbs, "loadBalancers");
  await changeOnly(client, ids.join(","), { method: "DELETE", path: "loadbalancers", query: { id: ids } }, [202], o);
}

export interface WaitForOptions<R> extends Omit<WaitOptions<R>, "failOn" | "faultOf"> {}

/**
 * Reloads until `status` is one of `want` (ACTIVE by default). ERROR (unless wanted) rejects with
 * `LoadBalancerFailed`; "DELETED" is also reached when CLB answers 404. Polls every 5 s by default
 * (CLB's docs: 5–10 s) for up to 15 minutes.
 */
export async function waitForLoadBalancer<R extends { id: number; status: string }>(load: () => Promise<R>, id: string, status: string | string[] = "ACTIVE", o: WaitForOptions<R> = {}): Promise<R> {
  const want = (Array.isArray(status) ? status : [status]).map((s) => String(s).toUpperCase());
  const failOn = ["ERROR", ...(want.includes("DELETED") ? [] : ["DELETED"])].filter((s) => !want.includes(s));
  let last: R | undefined;
  const loader = want.includes("DELETED")
    ? async () => {
        try {
          return (last = await load());
        } catch (e) {
          if (e instanceof NoSuchLoadBalancer) return { ...(last ?? { id: Number(id) }), status: "DELETED" } as R;
          throw e;
        }
      }
    : load;
  try {
    return await waitUntil(loader, "status", want, { interval: 5000, timeout: 15 * 60_000, ...o, failOn });
  } catch (e) {
    if (e instanceof ResourceFailed) throw new LoadBalancerFailed(e.resource as R, want.join("/"));
    throw e;
  }
}

/** GET /loadbalancers/algorithms (pyrax `clb.algorithms`). */
export async function listAlgorithms(client: ServiceClient, o: CallOptions = {}): Promise<string[]> {
  return (await jsonFor(client, { method: "GET", path: "loadbalancers/algorithms", ...o }, [200], algorithmsBody())).algorithms.map((a) => a.name);
}

/** GET /loadbalancers/protocols (pyrax `clb.protocols`): names with their default ports. */
export async function listProtocols(client: ServiceClient, o: CallOptions = {}): Promise<Array<{ name: string; port?: number }>> {
  return (await jsonFor(client, { method: "GET", path: "loadbalancers/protocols", ...o }, [200], protocolsBody())).protocols.map((p) => ({ name: p.name, ...(p.port !== undefined ? { port: p.port } : {}) }));
}

/** GET /loadbalancers/alloweddomains (pyrax `clb.allowed_domains`). */
export async function listAllowedDomains(client: ServiceClient, o: CallOptions = {}): Promise<string[]> {
  return (await jsonFor(client, { method: "GET", path: "loadbalancers/alloweddomains", ...o }, [200], allowedDomainsBody())).allowedDomains.map((d) => d.allowedDomain.name);
}

/** GET /loadbalancers/absolutelimits: `{ NODE_LIMIT: 25, … }`. */
export async function getAbsoluteLimits(client: ServiceClient, o: CallOptions = {}): Promise<Record<string, number>> {
  const body = await jsonFor(client, { method: "GET", path: "loadbalancers/absolutelimits", ...o }, [200], absoluteLimitsBody());
  return Object.fromEntries(body.absolute.map((l) => [l.name, l.value]));
}

/** GET /limits → 200 (CLB's limits docs; pyrax `clb.get_limits()`): the account's request-rate limits. */
export async function getRateLimits(client: ServiceClient, o: CallOptions = {}): Promise<RateLimitData[]> {
  return toRateLimits(await jsonFor(client, { method: "GET", path: "limits", ...o }, [200], rateLimitsBody()));
}

/** GET /loadbalancers/{id}/stats (pyrax `get_stats`): the numeric counters. */
export async function getStats(client: ServiceClient, lb: Ref, o: CallOptions = {}): Promise<StatsData> {
  const id = validate(ref(), lb, "loadBalancer");
  const body = await read(client, id, lbPath(id, "/stats"), statsBody(), o);
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, number] => typeof e[1] === "number"));
}
