import { Conflict, InvalidResponse } from "@rax/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NetworkInUse, NoSuchNetwork, NoSuchPort } from "../src/index";
import { type Fixture, type SeenRequest, startFixture } from "./fixture-server";

// OpenStack Neutron v2.0 (the api-ref's bodies): a catalog with a `network` service gets these calls.

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture();
});
afterAll(() => fx.close());
beforeEach(() => {
  fx.requests.length = 0;
});

const NET = "4e8e5957-649f-477b-9e5b-f1f75b21c03c";
const SUB = "54d6f61d-db07-451c-9ab3-b9609b6b6f0b";
const wireNet = { id: NET, name: "my_lan", status: "ACTIVE", subnets: [SUB], shared: false, admin_state_up: true, tenant_id: "9bacb3c5d39d41a79512987f338cf177" };
const wireSub = { id: SUB, network_id: NET, name: "my_lan", cidr: "192.168.0.0/24", ip_version: 4, gateway_ip: "192.168.0.1", enable_dhcp: true, allocation_pools: [{ start: "192.168.0.2", end: "192.168.0.254" }] };
const neutronError = (status: number, type: string, message: string) => ({ status, body: { NeutronError: { type, message, detail: "" } } });

describe("Neutron backend", () => {
  it("a catalog offering `network` picks Neutron; list joins each network's CIDR from its subnet", async () => {
    fx.script = (r) => (r.path === "/networks" ? { status: 200, body: { networks: [wireNet] } } : { status: 200, body: { subnets: [wireSub] } });
    const cnw = fx.client("with-neutron");
    const [net] = (await cnw.networks.list()).items;
    expect(cnw.backend).toBe("neutron");
    expect(net).toMatchObject({ id: NET, label: "my_lan", name: "my_lan", cidr: "192.168.0.0/24", status: "ACTIVE", subnets: [SUB] });
    expect(fx.requests.map((r) => r.path)).toEqual(["/networks", "/subnets"]);
    expect(fx.requests[1]!.query.getAll("network_id")).toEqual([NET]);
    expect(fx.requests[1]!.query.getAll("fields")).toEqual(["network_id", "cidr"]);
  });

  it("a page of many networks reads their CIDRs in batches that keep the URL short", async () => {
    const nets = Array.from({ length: 95 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, name: `n${i}`, subnets: [`s${i}`] }));
    fx.script = (r) =>
      r.path === "/networks"
        ? { status: 200, body: { networks: nets } }
        : { status: 200, body: { subnets: r.query.getAll("network_id").map((id) => ({ network_id: id, cidr: `10.${Number(id.slice(-3))}.0.0/24` })) } };
    const all = await fx.client("with-neutron").networks.list().toArray();
    expect(all).toHaveLength(95);
    expect(all[94]!.cidr).toBe("10.94.0.0/24");
    const subnetCalls = fx.requests.filter((r) => r.path === "/subnets");
    expect(subnetCalls.map((r) => r.query.getAll("network_id").length)).toEqual([40, 40, 15]);
  });

  it("a catalog URL without /v2.0 gets it added", async () => {
    fx.script = () => ({ status: 200, body: { networks: [] } });
    const cnw = fx.client("with-neutron", { endpoint: fx.neutronUrl.replace(/\/v2\.0$/, ""), backend: "neutron" });
    await cnw.networks.list();
    expect(fx.requests[0]!.path).toBe("/networks");
  });

  it("create = POST /networks (201) then POST /subnets with the CIDR (201)", async () => {
    fx.script = (r) => (r.path === "/networks" ? { status: 201, body: { network: { ...wireNet, subnets: [] } } } : { status: 201, body: { subnet: wireSub } });
    const net = await fx.client("with-neutron").networks.create({ label: "my_lan", cidr: "192.168.0.0/24" });
    expect(fx.requests.map((r: SeenRequest) => [r.method, r.path])).toEqual([
      ["POST", "/networks"],
      ["POST", "/subnets"],
    ]);
    expect(fx.requests[0]!.json).toEqual({ network: { name: "my_lan", admin_state_up: true } });
    expect(fx.requests[1]!.json).toEqual({ subnet: { network_id: NET, cidr: "192.168.0.0/24", ip_version: 4, name: "my_lan" } });
    expect(net).toMatchObject({ id: NET, label: "my_lan", cidr: "192.168.0.0/24", subnets: [SUB] });
  });

  it("create reports the range Neutron keeps, not the one typed (192.168.0.1/24 is held as 192.168.0.0/24)", async () => {
    fx.script = (r) => (r.path === "/networks" ? { status: 201, body: { network: { ...wireNet, subnets: [] } } } : { status: 201, body: { subnet: { ...wireSub, cidr: "192.168.0.0/24" } } });
    const net = await fx.client("with-neutron").networks.create({ label: "my_lan", cidr: "192.168.0.1/24" });
    expect(fx.requests[1]!.json).toMatchObject({ subnet: { cidr: "192.168.0.1/24" } });
    expect(net.cidr).toBe("192.168.0.0/24");
  });

  it("a refused subnet deletes the new network again and throws the refusal", async () => {
    fx.script = (r) =>
      r.method === "POST" && r.path === "/networks"
        ? { status: 201, body: { network: { ...wireNet, subnets: [] } } }
        : r.method === "POST"
          ? neutronError(409, "OverQuota", "Quota exceeded for resources: ['subnet'].")
          : { status: 204 };
    const e = await fx.client("with-neutron").networks.create({ label: "my_lan", cidr: "192.168.0.0/24" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Conflict);
    expect(fx.requests.at(-1)).toMatchObject({ method: "DELETE", path: `/networks/${NET}` });
  });

  it("delete: 204 done; 409 NetworkInUse → NetworkInUse; 404 → NoSuchNetwork", async () => {
    const cnw = fx.client("with-neutron");
    fx.script = () => ({ status: 204 });
    await cnw.networks.delete(NET);
    fx.script = () => neutronError(409, "NetworkInUse", `Unable to complete operation on network ${NET}. There are one or more ports still in use on the network, id for these ports is: p-1,p-2.`);
    const e = await cnw.networks.delete(NET).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NetworkInUse);
    expect((e as NetworkInUse).message).toMatch(
      new RegExp(`^Network ${NET} is in use \\(servers or ports are attached\\) and cannot be deleted \\(Unable to complete operation on network ${NET}\\. There are one or more ports still in use on the network, id for these ports is: p-1,p-2\\.\\) \\(HTTP 409; DELETE `),
    );
    fx.script = () => neutronError(404, "NetworkNotFound", `Network ${NET} could not be found.`);
    await expect(cnw.networks.delete(NET)).rejects.toBeInstanceOf(NoSuchNetwork);
  });

  it("reads succeed on Neutron's 200 only: another 2xx is an InvalidResponse", async () => {
    const cnw = fx.client("with-neutron");
    fx.script = () => ({ status: 203, body: { network: { id: NET, name: "x", subnets: [] } } });
    await expect(cnw.networks.get(NET)).rejects.toBeInstanceOf(InvalidResponse);
    fx.script = () => ({ status: 202, body: { networks: [] } });
    await expect(cnw.networks.list().toArray()).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("find asks Neutron to filter by name", async () => {
    fx.script = (r) => (r.path === "/networks" ? { status: 200, body: { networks: [wireNet] } } : { status: 200, body: { subnets: [wireSub] } });
    expect((await fx.client("with-neutron").networks.find("my_lan")).id).toBe(NET);
    expect(fx.requests[0]!.query.get("name")).toBe("my_lan");
  });

  it("list follows networks_links next pages", async () => {
    const rows = [0, 1, 2].map((i) => ({ id: `n${i}`, name: `l${i}`, subnets: [] }));
    fx.script = (r) => {
      const start = r.query.get("marker") ? rows.findIndex((n) => n.id === r.query.get("marker")) + 1 : 0;
      const page = rows.slice(start, start + 2);
      const more = start + 2 < rows.length;
      return { status: 200, body: { networks: page, ...(more ? { networks_links: [{ rel: "next", href: `x?marker=${page.at(-1)!.id}` }] } : {}) } };
    };
    const ids = (await fx.client("with-neutron").networks.list({ pageSize: 2 }).toArray()).map((n) => n.id);
    expect(ids).toEqual(["n0", "n1", "n2"]);
    expect(fx.requests).toHaveLength(2);
  });

  it("subnets and ports: create bodies, 404s", async () => {
    const cnw = fx.client("with-neutron");
    fx.script = () => ({ status: 201, body: { subnet: wireSub } });
    const sub = await cnw.subnets.create({ network: NET, cidr: "192.168.0.0/24", gatewayIp: null });
    expect(fx.requests[0]!.json).toEqual({ subnet: { network_id: NET, cidr: "192.168.0.0/24", ip_version: 4, gateway_ip: null } });
    expect(sub).toMatchObject({ networkId: NET, cidr: "192.168.0.0/24", gatewayIp: "192.168.0.1" });
    fx.script = () => ({ status: 201, body: { port: { id: "p1", network_id: NET, fixed_ips: [{ subnet_id: SUB, ip_address: "192.168.0.5" }], device_id: "", status: "DOWN" } } });
    const port = await cnw.ports.create({ network: { id: NET }, fixedIps: [{ subnet: sub }] });
    expect(fx.requests[1]!.json).toEqual({ port: { network_id: NET, fixed_ips: [{ subnet_id: SUB }] } });
    expect(port.fixedIps).toEqual([{ subnetId: SUB, ipAddress: "192.168.0.5" }]);
    fx.script = () => neutronError(404, "PortNotFound", "Port p1 could not be found.");
    await expect(port.delete()).rejects.toBeInstanceOf(NoSuchPort);
  });
});
