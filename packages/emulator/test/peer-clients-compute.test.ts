import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeState } from "../src/compute/model";
import { type Session, session } from "./helpers";

// What `openstack server show` reads, found by running the openstack CLI against the emulator
// (scripts/emulator-peer-clients.sh); checked here over plain HTTP, without the Python clients.
// The emulator, and the DFW base URL of each catalog type the tests call.
const env = { s: undefined as unknown as Session, url: (type: string): string => type };
const IMAGE_UBUNTU_1404 = "5cc098a5-7286-4b96-b3a2-49f4c4f82537";

beforeAll(async () => {
  env.s = await session();
  env.url = (type) => env.s.catalog.find((c) => c.type === type)!.endpoints.find((e) => e.region === "DFW")!.publicURL!;
  computeState(env.s.emu.state).timings.build = 0;
});
afterAll(() => env.s?.emu.stop());

const send = async (type: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${env.url(type)}${path}`, { method, headers: { "x-auth-token": env.s.token, "content-type": "application/json", accept: "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: (res.status === 204 || (res.status === 202 && method === "DELETE") ? undefined : await res.json()) as any };
};
const settle = () => env.s.emu.state.clock.advance(5000);

describe("Nova's server view, as the openstack CLI reads it", () => {
  it("lists an attached Cinder volume in os-extended-volumes:volumes_attached (server show's volumes_attached), and drops it after detach", async () => {
    const server = (await send("compute", "POST", "/servers", { server: { name: "vm", imageRef: IMAGE_UBUNTU_1404, flavorRef: "general1-1" } })).body.server;
    settle();
    const vol = (await send("volume", "POST", "/volumes", { volume: { size: 100, display_name: "data" } })).body.volume;
    settle();
    expect((await send("compute", "POST", `/servers/${server.id}/os-volume_attachments`, { volumeAttachment: { volumeId: vol.id } })).status).toBe(200);
    settle();
    const shown = (await send("compute", "GET", `/servers/${server.id}`)).body.server;
    expect(shown["os-extended-volumes:volumes_attached"]).toEqual([{ id: vol.id }]);
    const listed = (await send("compute", "GET", "/servers/detail")).body.servers.find((x: { id: string }) => x.id === server.id);
    expect(listed["os-extended-volumes:volumes_attached"]).toEqual([{ id: vol.id }]);
    expect((await send("compute", "DELETE", `/servers/${server.id}/os-volume_attachments/${vol.id}`)).status).toBe(202);
    settle();
    expect((await send("compute", "GET", `/servers/${server.id}`)).body.server["os-extended-volumes:volumes_attached"]).toEqual([]);
  });

  it("shows a server on a Neutron network with its port's fixed IP from that network's subnet", async () => {
    const net = (await send("network", "POST", "/networks", { network: { name: "net1" } })).body.network;
    const subnet = (await send("network", "POST", "/subnets", { subnet: { network_id: net.id, cidr: "192.168.10.0/24", ip_version: 4 } })).body.subnet;
    const server = (await send("compute", "POST", "/servers", { server: { name: "vm3", imageRef: IMAGE_UBUNTU_1404, flavorRef: "general1-1", networks: [{ uuid: net.id }] } })).body.server;
    settle();
    const ports = (await send("network", "GET", `/ports?device_id=${server.id}`)).body.ports as Array<{ fixed_ips: Array<{ subnet_id: string; ip_address: string }> }>;
    expect(ports).toHaveLength(1);
    const ip = ports[0]!.fixed_ips[0]!;
    expect(ip.subnet_id).toBe(subnet.id);
    expect(ip.ip_address).toMatch(/^192\.168\.10\./);
    const shown = (await send("compute", "GET", `/servers/${server.id}`)).body.server;
    expect(shown.addresses.net1.map((a: { addr: string }) => a.addr)).toEqual([ip.ip_address]);
    expect((await send("compute", "GET", `/servers/${server.id}/ips/net1`)).body).toEqual({ net1: [{ addr: ip.ip_address, version: 4 }] });
  });

  it("answers openstack quota show: Nova's os-quota-sets (own project; another's is 403) and Neutron's /quotas/{project}", async () => {
    const project = env.s.emu.users[0]!.tenantId;
    const nova = await send("compute", "GET", `/os-quota-sets/${project}`);
    expect(nova.status).toBe(200);
    expect(nova.body.quota_set).toMatchObject({ id: project, instances: 100, ram: 131072, key_pairs: 100, metadata_items: 40, injected_files: 5 });
    const detail = (await send("compute", "GET", `/os-quota-sets/${project}/detail`)).body.quota_set;
    expect(detail.instances).toMatchObject({ limit: 100, reserved: 0 });
    expect(detail.instances.in_use).toBeGreaterThan(0);
    expect((await send("compute", "GET", "/os-quota-sets/someone-else")).status).toBe(403);
    const neutron = await send("network", "GET", `/quotas/${project}`);
    expect(neutron.status).toBe(200);
    expect(neutron.body.quota).toMatchObject({ network: 100, subnet: 100, port: 500 });
    expect((await send("network", "GET", `/quotas/${project}/details`)).body.quota.network).toMatchObject({ limit: 100, reserved: 0 });
    const other = await send("network", "GET", "/quotas/someone-else");
    expect([other.status, other.body.NeutronError.type]).toEqual([403, "PolicyNotAuthorized"]);
  });

  it("lists the availability zone servers land in (os-availability-zone); /detail is admin-only, as `availability zone list` expects", async () => {
    const zones = await send("compute", "GET", "/os-availability-zone");
    expect(zones.body).toEqual({ availabilityZoneInfo: [{ zoneName: "nova", zoneState: { available: true }, hosts: null }] });
    expect((await send("compute", "GET", "/os-availability-zone/detail")).status).toBe(403);
  });

  it("answers Neutron's extension probes (openstack port create asks for one before it creates): listed ones 200, others 404", async () => {
    const all = await send("network", "GET", "/extensions");
    expect(all.status).toBe(200);
    expect(all.body.extensions.map((e: { alias: string }) => e.alias)).toContain("quotas");
    expect((await send("network", "GET", "/extensions/quotas")).body.extension).toMatchObject({ alias: "quotas", name: "Quota management support" });
    const missing = await send("network", "GET", "/extensions/tag-ports-during-bulk-creation");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ message: "The resource could not be found.<br /><br />\nExtension with alias tag-ports-during-bulk-creation does not exist\n\n", code: "404 Not Found", title: "Not Found" });
  });
});
