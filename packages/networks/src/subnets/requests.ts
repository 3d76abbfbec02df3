import { type CallOptions, encodeSegment, jsonFor, markerPager, type NotFound, notFoundAs, type Paginated, sendFor, validate } from "@rax/core";
import type { NetworkApi } from "../backend";
import { NoSuchSubnet } from "../errors";
import { requireNeutron } from "../neutron-only";
import { type Ref, ref } from "../ref";
import { type CreateSubnetInput, createSubnetInput, type ListSubnetsInput, listSubnetsInput, type SubnetData, subnetBody, subnetsBody, toSubnet } from "./models";

const missing = (id: string) => (e: NotFound) => new NoSuchSubnet(id, e);
const path = (client: NetworkApi, id?: string) => client.neutronPath(id === undefined ? "subnets" : `subnets/${encodeSegment(id, { field: "subnet" })}`);

/** GET /v2.0/subnets, page after page. */
export function listSubnets(client: NetworkApi, filters?: ListSubnetsInput, o: CallOptions = {}): Paginated<SubnetData> {
  const f = validate(listSubnetsInput(), filters, "filters") ?? {};
  return markerPager(
    async (marker, limit) => {
      await requireNeutron(client, "subnets.list", o.signal);
      const body = await jsonFor(client, { method: "GET", path: path(client), query: { network_id: f.network, name: f.name, limit, marker }, ...o }, [200], subnetsBody());
      return { items: body.subnets, more: body.subnets_links?.some((l) => l.rel === "next") ?? false };
    },
    { markerOf: (row) => row.id, pageSize: f.pageSize, limit: f.limit, marker: f.marker },
  ).map(toSubnet);
}

/** GET /v2.0/subnets/{id}. */
export async function getSubnet(client: NetworkApi, subnet: Ref, o: CallOptions = {}): Promise<SubnetData> {
  const id = validate(ref(), subnet, "subnet");
  await requireNeutron(client, "subnets.get", o.signal);
  return toSubnet((await notFoundAs(jsonFor(client, { method: "GET", path: path(client, id), ...o }, [200], subnetBody()), missing(id))).subnet);
}

/** POST /v2.0/subnets → 201. */
export async function createSubnet(client: NetworkApi, input: CreateSubnetInput, o: CallOptions = {}): Promise<SubnetData> {
  const i = validate(createSubnetInput(), input, "subnet");
  await requireNeutron(client, "subnets.create", o.signal);
  const subnet: Record<string, unknown> = { network_id: i.network, cidr: i.cidr, ip_version: i.ipVersion ?? (i.cidr.includes(":") ? 6 : 4) };
  if (i.name !== undefined) subnet.name = i.name;
  if (i.gatewayIp !== undefined) subnet.gateway_ip = i.gatewayIp;
  if (i.enableDhcp !== undefined) subnet.enable_dhcp = i.enableDhcp;
  if (i.dnsNameservers) subnet.dns_nameservers = i.dnsNameservers;
  if (i.allocationPools) subnet.allocation_pools = i.allocationPools;
  return toSubnet((await jsonFor(client, { method: "POST", path: path(client), json: { subnet }, ...o }, [201], subnetBody())).subnet);
}

/** DELETE /v2.0/subnets/{id} → 204 (409 while ports use its addresses). */
export async function deleteSubnet(client: NetworkApi, subnet: Ref, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), subnet, "subnet");
  await requireNeutron(client, "subnets.delete", o.signal);
  await (await notFoundAs(sendFor(client, { method: "DELETE", path: path(client, id), ...o }, [204]), missing(id))).dump();
}
