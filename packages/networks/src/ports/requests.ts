import { type CallOptions, encodeSegment, jsonFor, markerPager, type NotFound, notFoundAs, type Paginated, sendFor, validate } from "@rax/core";
import type { NetworkApi } from "../backend";
import { NoSuchPort } from "../errors";
import { requireNeutron } from "../neutron-only";
import { type Ref, ref } from "../ref";
import { type CreatePortInput, createPortInput, type ListPortsInput, listPortsInput, type PortData, portBody, portsBody, toPort } from "./models";

const missing = (id: string) => (e: NotFound) => new NoSuchPort(id, e);
const path = (client: NetworkApi, id?: string) => client.neutronPath(id === undefined ? "ports" : `ports/${encodeSegment(id, { field: "port" })}`);

/** GET /v2.0/ports, page after page. */
export function listPorts(client: NetworkApi, filters?: ListPortsInput, o: CallOptions = {}): Paginated<PortData> {
  const f = validate(listPortsInput(), filters, "filters") ?? {};
  return markerPager(
    async (marker, limit) => {
      await requireNeutron(client, "ports.list", o.signal);
      const query = { network_id: f.network, device_id: f.device, name: f.name, limit, marker };
      const body = await jsonFor(client, { method: "GET", path: path(client), query, ...o }, [200], portsBody());
      return { items: body.ports, more: body.ports_links?.some((l) => l.rel === "next") ?? false };
    },
    { markerOf: (row) => row.id, pageSize: f.pageSize, limit: f.limit, marker: f.marker },
  ).map(toPort);
}

/** GET /v2.0/ports/{id}. */
export async function getPort(client: NetworkApi, port: Ref, o: CallOptions = {}): Promise<PortData> {
  const id = validate(ref(), port, "port");
  await requireNeutron(client, "ports.get", o.signal);
  return toPort((await notFoundAs(jsonFor(client, { method: "GET", path: path(client, id), ...o }, [200], portBody()), missing(id))).port);
}

/** POST /v2.0/ports → 201: an address on the network, to hand to a server create as `{ port: id }`. */
export async function createPort(client: NetworkApi, input: CreatePortInput, o: CallOptions = {}): Promise<PortData> {
  const i = validate(createPortInput(), input, "port");
  await requireNeutron(client, "ports.create", o.signal);
  const port: Record<string, unknown> = { network_id: i.network };
  if (i.name !== undefined) port.name = i.name;
  if (i.adminStateUp !== undefined) port.admin_state_up = i.adminStateUp;
  if (i.fixedIps) port.fixed_ips = i.fixedIps.map((f) => ({ ...(f.subnet ? { subnet_id: f.subnet } : {}), ...(f.ipAddress ? { ip_address: f.ipAddress } : {}) }));
  return toPort((await jsonFor(client, { method: "POST", path: path(client), json: { port }, ...o }, [201], portBody())).port);
}

/** DELETE /v2.0/ports/{id} → 204. */
export async function deletePort(client: NetworkApi, port: Ref, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), port, "port");
  await requireNeutron(client, "ports.delete", o.signal);
  await (await notFoundAs(sendFor(client, { method: "DELETE", path: path(client, id), ...o }, [204]), missing(id))).dump();
}
