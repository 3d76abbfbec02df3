import { BadRequest, type CallOptions, Conflict, encodeSegment, Forbidden, httpErrorInit, jsonFor, lazy, markerPager, NotFound, notFoundAs, type Paginated, sendFor, validate, ValidationError } from "@rax/core";
import * as z from "zod/mini";
import type { NetworkApi } from "../backend";
import { NetworkCIDRInvalid, NetworkCIDRMalformed, NetworkCountExceeded, NetworkInUse, NetworkLabelNotUnique, NoSuchNetwork } from "../errors";
import { isPseudoNetwork, PSEUDO_NETWORKS, PUBLIC_NET_ID, SERVICE_NET_ID } from "../pseudo-networks";
import { type Ref, ref } from "../ref";
import {
  type CreateNetworkInput,
  createNetworkInput,
  type ListNetworksInput,
  listNetworksInput,
  type NetworkData,
  networkBody,
  networksBody,
  type ServerNetworksInput,
  serverNetworksInput,
  toNetwork,
  type WireNetwork,
} from "./models";

// One function per wire operation, on whichever backend the client resolved: validate → send →
// refine errors → plain data. Neutron keeps the address range on a subnet, so the network calls
// there read (or write) the subnet too, and give back the same `NetworkData` os-networksv2 does.

const missing = (id: string) => (e: NotFound) => new NoSuchNetwork(id, e);
const subnetsBody = lazy(() => z.looseObject({ subnets: z.array(z.looseObject({ network_id: z.string(), cidr: z.optional(z.string()) })) }));

/**
 * What a read succeeds with: Neutron 200; os-networksv2 is a Nova extension, whose reads Rackspace
 * documents as 200 or 203 (as @rax/compute takes them).
 */
function readOk(client: NetworkApi): readonly number[] {
  return client.backend === "neutron" ? [200] : [200, 203];
}

function path(client: NetworkApi, id?: string): string {
  const base = client.backend === "neutron" ? client.neutronPath("networks") : "os-networksv2";
  return id === undefined ? base : `${base}/${encodeSegment(id, { field: "network" })}`;
}

/** Network ids per GET /subnets: 40 UUIDs keep the query near 2 KB, well under servers' URL limits. */
const IDS_PER_QUERY = 40;

/** network id → first subnet's CIDR, for Neutron networks (one GET /subnets per 40 networks). */
async function cidrsOf(client: NetworkApi, networks: WireNetwork[], o: CallOptions): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = networks.filter((n) => (n.subnets?.length ?? 0) > 0).map((n) => n.id);
  for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
    const query = { network_id: ids.slice(i, i + IDS_PER_QUERY), fields: ["network_id", "cidr"] };
    const body = await jsonFor(client, { method: "GET", path: client.neutronPath("subnets"), query, ...o }, [200], subnetsBody());
    for (const s of body.subnets) if (s.cidr && !out.has(s.network_id)) out.set(s.network_id, s.cidr);
  }
  return out;
}

/** GET /os-networksv2 or GET /v2.0/networks, page after page (limit + marker). */
export function listNetworks(client: NetworkApi, filters?: ListNetworksInput, o: CallOptions = {}, name?: string): Paginated<NetworkData> {
  const f = validate(listNetworksInput(), filters, "filters") ?? {};
  return markerPager(
    async (marker, limit) => {
      await client.ready(o.signal);
      const neutron = client.backend === "neutron";
      const query = { limit, marker, ...(neutron && name !== undefined ? { name } : {}) };
      const body = await jsonFor(client, { method: "GET", path: path(client), query, ...o }, readOk(client), networksBody());
      const cidrs = neutron ? await cidrsOf(client, body.networks, o) : undefined;
      const items = body.networks.map((n) => toNetwork(n, cidrs?.get(n.id)));
      // os-networksv2 sends no links: a full page means "maybe more" only when a page size was asked.
      const more = body.networks_links ? body.networks_links.some((l) => l.rel === "next") : limit !== undefined && items.length >= limit;
      return { items, more };
    },
    { markerOf: (row) => row.id, pageSize: f.pageSize, limit: f.limit, marker: f.marker },
  );
}

/** GET one network. PublicNet and ServiceNet are answered locally on os-networksv2 (pyrax does the same: the API has no GET for them). */
export async function getNetwork(client: NetworkApi, network: Ref, o: CallOptions = {}): Promise<NetworkData> {
  const id = validate(ref(), network, "network");
  await client.ready(o.signal);
  if (client.backend === "os-networksv2" && isPseudoNetwork(id)) return toNetwork({ id, label: PSEUDO_NETWORKS[id]! });
  const body = await notFoundAs(jsonFor(client, { method: "GET", path: path(client, id), ...o }, readOk(client), networkBody()), missing(id));
  if (client.backend !== "neutron") return toNetwork(body.network);
  const cidrs = await cidrsOf(client, [body.network], o);
  return toNetwork(body.network, cidrs.get(id));
}

/** The one network labelled exactly `label`; `NoSuchNetwork` if none, `NetworkLabelNotUnique` if several. */
export async function findNetwork(client: NetworkApi, label: string, o: CallOptions = {}): Promise<NetworkData> {
  const l = validate(z.string().check(z.regex(/\S/, "must not be blank")), label, "label");
  const matches = (await listNetworks(client, undefined, o, l).toArray()).filter((n) => n.label === l);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new NetworkLabelNotUnique(l, matches.map((n) => n.id));
  throw new NoSuchNetwork(l, { in: client, by: "labelled" });
}

/** pyrax's create errors, matched on the words Rackspace uses in its 400 message. */
function refineCreateError(e: unknown): unknown {
  if (!(e instanceof BadRequest)) return e;
  const m = e.serverMessage.toLowerCase();
  if (m.includes("too many networks")) return new NetworkCountExceeded(httpErrorInit(e));
  if (m.includes("does not contain enough")) return new NetworkCIDRInvalid(httpErrorInit(e));
  if (m.includes("cidr is malformed")) return new NetworkCIDRMalformed(httpErrorInit(e));
  return e;
}

/**
 * Creates an isolated network. os-networksv2: POST /os-networksv2 `{network: {label, cidr}}` → 200.
 * Neutron: POST /networks → 201, then POST /subnets with the CIDR → 201; if the subnet is refused,
 * the new network is deleted again (no half-made network is left behind) and the error is thrown.
 */
export async function createNetwork(client: NetworkApi, input: CreateNetworkInput, o: CallOptions = {}): Promise<NetworkData> {
  const i = validate(createNetworkInput(), input, "network");
  await client.ready(o.signal);
  try {
    if (client.backend !== "neutron") {
      const body = await jsonFor(client, { method: "POST", path: path(client), json: { network: { label: i.label, cidr: i.cidr } }, ...o }, [200], networkBody());
      return toNetwork(body.network);
    }
    const made = await jsonFor(client, { method: "POST", path: path(client), json: { network: { name: i.label, admin_state_up: true } }, ...o }, [201], networkBody());
    const id = made.network.id;
    let subnetId: string;
    let cidr: string;
    try {
      const version = i.cidr.includes(":") ? 6 : 4;
      const sub = await jsonFor(
        client,
        { method: "POST", path: client.neutronPath("subnets"), json: { subnet: { network_id: id, cidr: i.cidr, ip_version: version, name: i.label } }, ...o },
        [201],
        z.looseObject({ subnet: z.looseObject({ id: z.string(), cidr: z.optional(z.string()) }) }),
      );
      subnetId = sub.subnet.id;
      // Neutron keeps the network address of what it was given (192.168.0.1/24 → 192.168.0.0/24):
      // the network reports the range the server holds, as get() and list() will.
      cidr = sub.subnet.cidr ?? i.cidr;
    } catch (e) {
      await client.send({ method: "DELETE", path: path(client, id), expectStatus: [404], ...o }).then((r) => r.dump(), () => undefined);
      throw e;
    }
    return toNetwork({ ...made.network, subnets: [...(made.network.subnets ?? []), subnetId] }, cidr);
  } catch (e) {
    throw refineCreateError(e);
  }
}

/**
 * Deletes an isolated network: os-networksv2 DELETE → 202, Neutron DELETE → 204 (its subnets go
 * with it). Attached to a server → `NetworkInUse`. PublicNet and ServiceNet cannot be deleted.
 */
export async function deleteNetwork(client: NetworkApi, network: Ref, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), network, "network");
  await client.ready(o.signal);
  if (isPseudoNetwork(id) && client.backend === "os-networksv2") throw new ValidationError("network", `${id} is Rackspace's ${PSEUDO_NETWORKS[id]} pseudo network, which cannot be deleted`);
  const ok = client.backend === "neutron" ? [204] : [202];
  try {
    const res = await sendFor(client, { method: "DELETE", path: path(client, id), ...o }, ok);
    await res.dump();
  } catch (e) {
    if (e instanceof NotFound) throw new NoSuchNetwork(id, e);
    if ((e instanceof Forbidden && client.backend === "os-networksv2") || (e instanceof Conflict && client.backend === "neutron")) throw new NetworkInUse(id, e);
    throw e;
  }
}

/** One network for a server's create call: `{"net-id": id}` (pyrax/novaclient `nics`) or `{uuid: id}` (Nova's `networks`). */
export type ServerNetwork = { "net-id": string } | { uuid: string };

/**
 * pyrax's `get_server_networks`: the `networks`/`nics` list that compute's server create takes,
 * for this network plus, when asked, PublicNet and ServiceNet. No request is made.
 */
export function getServerNetworks(network: Ref, options?: ServerNetworksInput): ServerNetwork[] {
  const id = validate(ref(), network, "network");
  const opts = validate(serverNetworksInput(), options, "options") ?? {};
  const key = opts.key ?? "net-id";
  const ids = [id, ...(opts.public ? [PUBLIC_NET_ID] : []), ...(opts.private ? [SERVICE_NET_ID] : [])];
  return [...new Set(ids)].map((n) => (key === "uuid" ? { uuid: n } : { "net-id": n }));
}
