import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeState } from "../src/compute/model";
import { type Session, session } from "./helpers";

// Cloud Networks as the emulator serves it, over plain HTTP (no SDK): os-networksv2 under compute
// (Rackspace) and Neutron v2.0 at the `network` endpoint, one set of networks behind both.
let s: Session;
let nova: string;
let neutron: string;
const UBUNTU = "5cc098a5-7286-4b96-b3a2-49f4c4f82537";
const PUBLIC = "00000000-0000-0000-0000-000000000000";
const SERVICE = "11111111-1111-1111-1111-111111111111";

beforeAll(async () => {
  s = await session();
  const url = (type: string) => s.catalog.find((c) => c.type === type)!.endpoints.find((e) => e.region === "DFW")!.publicURL!;
  nova = url("compute");
  neutron = url("network");
  computeState(s.emu.state).timings.build = 0;
  computeState(s.emu.state).timings.delete = 0;
});
afterAll(async () => {
  await s?.emu.stop();
});

const req = (base: string) => (method: string, path: string, body?: unknown) =>
  fetch(`${base}${path}`, { method, headers: { "x-auth-token": s.token, "content-type": "application/json", accept: "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const v2 = (m: string, p: string, b?: unknown) => req(nova)(m, p, b);
const nt = (m: string, p: string, b?: unknown) => req(neutron)(m, p, b);

describe("os-networksv2 (Rackspace, under compute)", () => {
  it("lists the pseudo networks first; needs a token", async () => {
    expect((await fetch(`${nova}/os-networksv2`)).status).toBe(401);
    const res = await v2("GET", "/os-networksv2");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { networks: unknown[] }).networks).toEqual([
      { id: PUBLIC, label: "public" },
      { id: SERVICE, label: "private" },
    ]);
  });

  it("creates with 200 {network:{cidr,id,label}}; malformed / too small CIDRs are 400 with pyrax's words", async () => {
    const res = await v2("POST", "/os-networksv2", { network: { label: "my_lan", cidr: "192.168.0.0/24" } });
    expect(res.status).toBe(200);
    const { network } = (await res.json()) as { network: { id: string; label: string; cidr: string } };
    expect(network).toMatchObject({ label: "my_lan", cidr: "192.168.0.0/24" });
    expect((await v2("GET", `/os-networksv2/${network.id}`)).status).toBe(200);
    const bad = await v2("POST", "/os-networksv2", { network: { label: "x", cidr: "192.168.0.0" } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("CIDR is malformed");
    const small = await v2("POST", "/os-networksv2", { network: { label: "x", cidr: "10.0.0.0/31" } });
    expect(JSON.stringify(await small.json())).toContain("does not contain enough");
    await v2("DELETE", `/os-networksv2/${network.id}`);
  });

  it("a network attached to a live server is 403 on delete; 202 once the server is gone", async () => {
    const { network } = (await (await v2("POST", "/os-networksv2", { network: { label: "iso", cidr: "10.1.0.0/24" } })).json()) as { network: { id: string } };
    const srv = await v2("POST", "/servers", { server: { name: "a", imageRef: UBUNTU, flavorRef: "general1-1", networks: [{ uuid: network.id }, { uuid: PUBLIC }] } });
    expect(srv.status).toBe(202);
    const { server } = (await srv.json()) as { server: { id: string } };
    const inUse = await v2("DELETE", `/os-networksv2/${network.id}`);
    expect(inUse.status).toBe(403);
    // Neutron sees the same attachment as a port on the network.
    const ports = (await (await nt("GET", `/ports?network_id=${network.id}`)).json()) as { ports: { device_id: string }[] };
    expect(ports.ports.map((p) => p.device_id)).toEqual([server.id]);
    expect((await v2("DELETE", `/servers/${server.id}`)).status).toBe(204);
    s.emu.state.clock.advance(10);
    expect((await v2("DELETE", `/os-networksv2/${network.id}`)).status).toBe(202);
    expect((await v2("GET", `/os-networksv2/${network.id}`)).status).toBe(404);
  });

  it("a server asking for a network that does not exist is refused by Nova (400) before it is built", async () => {
    const res = await v2("POST", "/servers", { server: { name: "x", imageRef: UBUNTU, flavorRef: "general1-1", networks: [{ uuid: "5f0e7b3a-0000-4000-8000-000000000000" }] } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("could not be found");
  });

  it("the pseudo networks cannot be deleted; the 11th network is refused", async () => {
    expect((await v2("DELETE", `/os-networksv2/${PUBLIC}`)).status).toBe(403);
    const made: string[] = [];
    for (let i = 0; i < 10; i++) made.push(((await (await v2("POST", "/os-networksv2", { network: { label: `n${i}`, cidr: `10.9.${i}.0/24` } })).json()) as { network: { id: string } }).network.id);
    const over = await v2("POST", "/os-networksv2", { network: { label: "n10", cidr: "10.9.10.0/24" } });
    expect(over.status).toBe(400);
    expect(JSON.stringify(await over.json())).toContain("too many networks");
    for (const id of made) expect((await v2("DELETE", `/os-networksv2/${id}`)).status).toBe(202);
  });
});

describe("Neutron v2.0", () => {
  it("network → 201, subnet → 201 with gateway and pool, both in lists, os-networksv2 sees the CIDR", async () => {
    const net = await nt("POST", "/networks", { network: { name: "web", admin_state_up: true } });
    expect(net.status).toBe(201);
    const { network } = (await net.json()) as { network: { id: string; status: string; subnets: string[] } };
    expect(network).toMatchObject({ status: "ACTIVE", subnets: [] });
    const sub = await nt("POST", "/subnets", { subnet: { network_id: network.id, cidr: "172.16.0.0/24", ip_version: 4 } });
    expect(sub.status).toBe(201);
    const { subnet } = (await sub.json()) as { subnet: Record<string, unknown> };
    expect(subnet).toMatchObject({ gateway_ip: "172.16.0.1", allocation_pools: [{ start: "172.16.0.2", end: "172.16.0.254" }], enable_dhcp: true });
    const shown = (await (await nt("GET", `/networks/${network.id}`)).json()) as { network: { subnets: string[] } };
    expect(shown.network.subnets).toEqual([subnet.id]);
    const legacy = (await (await v2("GET", `/os-networksv2/${network.id}`)).json()) as { network: { cidr: string } };
    expect(legacy.network.cidr).toBe("172.16.0.0/24");
    expect((await nt("DELETE", `/networks/${network.id}`)).status).toBe(204);
    expect((await nt("GET", `/subnets/${subnet.id as string}`)).status).toBe(404);
  });

  it("errors are NeutronError bodies: 404 NetworkNotFound, 400 for a missing ip_version or bad cidr, 409 NetworkInUse", async () => {
    const missing = await nt("GET", "/networks/nope");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { NeutronError: { type: string } }).NeutronError.type).toBe("NetworkNotFound");
    const { network } = (await (await nt("POST", "/networks", { network: { name: "x" } })).json()) as { network: { id: string } };
    expect((await nt("POST", "/subnets", { subnet: { network_id: network.id, cidr: "10.0.0.0/24" } })).status).toBe(400);
    expect((await nt("POST", "/subnets", { subnet: { network_id: network.id, cidr: "10.0.0.0/99", ip_version: 4 } })).status).toBe(400);
    await nt("POST", "/subnets", { subnet: { network_id: network.id, cidr: "10.0.0.0/24", ip_version: 4 } });
    const port = (await (await nt("POST", "/ports", { port: { network_id: network.id, name: "p" } })).json()) as { port: { id: string; fixed_ips: { ip_address: string }[] } };
    expect(port.port.fixed_ips[0]!.ip_address).toBe("10.0.0.2");
    const inUse = await nt("DELETE", `/networks/${network.id}`);
    expect(inUse.status).toBe(409);
    expect(((await inUse.json()) as { NeutronError: { type: string } }).NeutronError.type).toBe("NetworkInUse");
    expect((await nt("DELETE", `/ports/${port.port.id}`)).status).toBe(204);
    expect((await nt("DELETE", `/networks/${network.id}`)).status).toBe(204);
  });

  it("a client that appends /v2.0 to the catalog URL (written for a bare Neutron URL) is served too", async () => {
    const res = await nt("GET", "/v2.0/networks");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { networks: unknown[] }).networks.length).toBeGreaterThanOrEqual(2);
  });

  it("pages with limit/marker and networks_links; filters by attribute", async () => {
    const ids: string[] = [];
    for (const name of ["p1", "p2", "p3"]) ids.push(((await (await nt("POST", "/networks", { network: { name } })).json()) as { network: { id: string } }).network.id);
    const first = (await (await nt("GET", "/networks?limit=2")).json()) as { networks: { id: string }[]; networks_links?: { rel: string; href: string }[] };
    expect(first.networks).toHaveLength(2);
    expect(first.networks_links?.[0]?.rel).toBe("next");
    const byName = (await (await nt("GET", "/networks?name=p2")).json()) as { networks: { id: string }[] };
    expect(byName.networks.map((n) => n.id)).toEqual([ids[1]]);
    for (const id of ids) await nt("DELETE", `/networks/${id}`);
  });
});
