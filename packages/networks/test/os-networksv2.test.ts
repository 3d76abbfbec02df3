import { InvalidResponse, Redirected, ValidationError } from "@rax/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  NetworkCIDRInvalid,
  NetworkCountExceeded,
  NetworkInUse,
  NetworkLabelNotUnique,
  NoSuchNetwork,
  NotSupportedByBackend,
  PUBLIC_NET_ID,
  SERVICE_NET_ID,
} from "../src/index";
import { type Fixture, startFixture } from "./fixture-server";

// Rackspace's os-networksv2 under the compute endpoint, with bodies from the Cloud Servers docs.

let fx: Fixture;
beforeAll(async () => {
  fx = await startFixture();
});
afterAll(() => fx.close());
beforeEach(() => {
  fx.requests.length = 0;
});

const mine = { cidr: "192.168.0.0/24", id: "1f84c238-1ad0-4a4a-9fb6-6a4e5e9e0001", label: "my_lan" };
const pseudo = [
  { id: PUBLIC_NET_ID, label: "public" },
  { id: SERVICE_NET_ID, label: "private" },
];

describe("backend choice", () => {
  it("a catalog with compute only gets os-networksv2 on the compute endpoint", async () => {
    fx.script = () => ({ status: 200, body: { networks: pseudo } });
    const cnw = fx.client("rackspace-compute-only");
    const page = await cnw.networks.list();
    expect(cnw.backend).toBe("os-networksv2");
    expect(fx.requests[0]!.path).toBe("/os-networksv2");
    expect(page.items.map((n) => [n.id, n.label, n.name])).toEqual([
      [PUBLIC_NET_ID, "public", "public"],
      [SERVICE_NET_ID, "private", "private"],
    ]);
  });

  it("backend: os-networksv2 is honoured even when the catalog offers Neutron", async () => {
    fx.script = () => ({ status: 200, body: { networks: [] } });
    const cnw = fx.client("with-neutron", { backend: "os-networksv2" });
    await cnw.networks.list();
    expect(fx.requests[0]!.path).toBe("/os-networksv2");
  });
});

describe("os-networksv2 calls", () => {
  it("create sends label + cidr and returns the network (200, as Rackspace answers)", async () => {
    fx.script = () => ({ status: 200, body: { network: mine } });
    const net = await fx.client("rackspace-compute-only").networks.create({ label: "my_lan", cidr: "192.168.0.0/24" });
    expect(fx.requests[0]!.method).toBe("POST");
    expect(fx.requests[0]!.json).toEqual({ network: { label: "my_lan", cidr: "192.168.0.0/24" } });
    expect(net).toMatchObject({ id: mine.id, label: "my_lan", name: "my_lan", cidr: "192.168.0.0/24" });
  });

  it("name is accepted for label, as pyrax aliases them", async () => {
    fx.script = () => ({ status: 200, body: { network: mine } });
    await fx.client("rackspace-compute-only").networks.create({ name: "my_lan", cidr: "192.168.0.0/24" });
    expect(fx.requests[0]!.json).toEqual({ network: { label: "my_lan", cidr: "192.168.0.0/24" } });
  });

  it.each(["192.168.0.0", "192.168.0.0/33", "300.1.1.0/24", "my_lan", "10.0.0.0/ 8", ""])("a malformed CIDR (%j) is a ValidationError before any request", async (cidr) => {
    const e = await fx.client("rackspace-compute-only").networks.create({ label: "x", cidr }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).field).toBe("network.cidr");
    expect(fx.requests).toHaveLength(0);
  });

  it("a missing label is a ValidationError naming it", async () => {
    const e = await fx.client("rackspace-compute-only").networks.create({ cidr: "10.0.0.0/24" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).field).toBe("network.label");
    expect(fx.requests).toHaveLength(0);
  });

  it("a bad argument's message says, in English, what was expected (zod/mini loads no locale of its own)", async () => {
    const e = await fx.client("rackspace-compute-only").networks.create({ label: "x".repeat(256), cidr: "10.0.0.0/24" }).catch((x: unknown) => x);
    expect((e as ValidationError).field).toBe("network.label");
    expect((e as ValidationError).message).toContain("Too big: expected string to have <=255 characters");
    expect(fx.requests).toHaveLength(0);
  });

  it("Rackspace's 400 wording becomes pyrax's create errors", async () => {
    fx.script = () => ({ status: 400, body: { badRequest: { code: 400, message: "Quota exceeded, too many networks." } } });
    await expect(fx.client("rackspace-compute-only").networks.create({ label: "x", cidr: "10.0.0.0/24" })).rejects.toBeInstanceOf(NetworkCountExceeded);
    fx.script = () => ({ status: 400, body: { badRequest: { code: 400, message: "Requested network does not contain enough (2+) usable hosts" } } });
    await expect(fx.client("rackspace-compute-only").networks.create({ label: "x", cidr: "10.0.0.0/31" })).rejects.toBeInstanceOf(NetworkCIDRInvalid);
  });

  it("get fetches an isolated network; the pseudo networks are answered without a request", async () => {
    fx.script = () => ({ status: 200, body: { network: mine } });
    const cnw = fx.client("rackspace-compute-only");
    expect((await cnw.networks.get(mine.id)).cidr).toBe("192.168.0.0/24");
    expect(fx.requests[0]!.path).toBe(`/os-networksv2/${mine.id}`);
    const pub = await cnw.networks.get(PUBLIC_NET_ID);
    expect(pub.label).toBe("public");
    expect(fx.requests).toHaveLength(1);
  });

  it("reads succeed on 200 or 203 (Rackspace's Nova reads), another 2xx is an InvalidResponse", async () => {
    const cnw = fx.client("rackspace-compute-only");
    fx.script = () => ({ status: 203, body: { network: mine } });
    expect((await cnw.networks.get(mine.id)).id).toBe(mine.id);
    fx.script = () => ({ status: 202, body: { network: mine } });
    await expect(cnw.networks.get(mine.id)).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("get of an unknown network is NoSuchNetwork", async () => {
    fx.script = () => ({ status: 404, body: { itemNotFound: { code: 404, message: "Network could not be found" } } });
    await expect(fx.client("rackspace-compute-only").networks.get("nope")).rejects.toBeInstanceOf(NoSuchNetwork);
  });

  it("delete: 202 is done; 403 (attached to a server) is NetworkInUse; a network object deletes itself", async () => {
    fx.script = () => ({ status: 200, body: { network: mine } });
    const cnw = fx.client("rackspace-compute-only");
    const net = await cnw.networks.get(mine.id);
    fx.script = () => ({ status: 403, body: { forbidden: { code: 403, message: "Network is in use" } } });
    const e = await net.delete().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NetworkInUse);
    expect((e as NetworkInUse).status).toBe(403);
    fx.script = () => ({ status: 202 });
    await net.delete();
    expect(fx.requests.at(-1)).toMatchObject({ method: "DELETE", path: `/os-networksv2/${mine.id}` });
  });

  it("delete answered 200 or a redirect is not taken as done", async () => {
    fx.script = () => ({ status: 302, headers: { location: "http://elsewhere.example/" } });
    await expect(fx.client("rackspace-compute-only").networks.delete(mine.id)).rejects.toBeInstanceOf(Redirected);
    fx.script = () => ({ status: 200, body: {} });
    await expect(fx.client("rackspace-compute-only").networks.delete(mine.id)).rejects.toBeInstanceOf(InvalidResponse);
    // Rackspace documents 202; a 204 is another API's answer (Neutron's), not this one's.
    fx.script = () => ({ status: 204 });
    await expect(fx.client("rackspace-compute-only").networks.delete(mine.id)).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("create answered other than 200 (Rackspace's documented status) is not taken as made", async () => {
    fx.script = () => ({ status: 201, body: { network: mine } });
    await expect(fx.client("rackspace-compute-only").networks.create({ label: "my_lan", cidr: "192.168.0.0/24" })).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("the pseudo networks cannot be deleted (ValidationError, no request)", async () => {
    await expect(fx.client("rackspace-compute-only").networks.delete(SERVICE_NET_ID)).rejects.toBeInstanceOf(ValidationError);
    expect(fx.requests).toHaveLength(0);
  });

  it("find by label: one match, none (NoSuchNetwork), several (NetworkLabelNotUnique)", async () => {
    const cnw = fx.client("rackspace-compute-only");
    fx.script = () => ({ status: 200, body: { networks: [...pseudo, mine] } });
    expect((await cnw.networks.find("my_lan")).id).toBe(mine.id);
    const miss = await cnw.networks.find("other").catch((e: unknown) => e);
    expect(miss).toBeInstanceOf(NoSuchNetwork);
    expect((miss as NoSuchNetwork).status).toBe(404);
    expect((miss as NoSuchNetwork).network).toBe("other");
    // The label looked for, not "(HTTP 404; GET <compute endpoint>/os-networksv2)".
    expect((miss as Error).message).toBe('No network labelled "other" in network');
    fx.script = () => ({ status: 200, body: { networks: [mine, { ...mine, id: "second" }] } });
    await expect(cnw.networks.find("my_lan")).rejects.toBeInstanceOf(NetworkLabelNotUnique);
  });

  it("list pages with limit + marker when a page size is asked", async () => {
    const all = Array.from({ length: 5 }, (_, i) => ({ id: `n${i}`, label: `l${i}`, cidr: `10.0.${i}.0/24` }));
    fx.script = (r) => {
      const marker = r.query.get("marker");
      const limit = Number(r.query.get("limit"));
      const start = marker ? all.findIndex((n) => n.id === marker) + 1 : 0;
      return { status: 200, body: { networks: all.slice(start, start + limit) } };
    };
    const ids = (await fx.client("rackspace-compute-only").networks.list({ pageSize: 2 }).toArray()).map((n) => n.id);
    expect(ids).toEqual(["n0", "n1", "n2", "n3", "n4"]);
    expect(fx.requests.map((r) => r.query.get("marker"))).toEqual([null, "n1", "n3"]);
  });

  it("subnets and ports say they need Neutron", async () => {
    await expect(fx.client("rackspace-compute-only").subnets.list().toArray()).rejects.toBeInstanceOf(NotSupportedByBackend);
    await expect(fx.client("rackspace-compute-only").ports.get("p")).rejects.toBeInstanceOf(NotSupportedByBackend);
    expect(fx.requests).toHaveLength(0);
  });
});

describe("getServerNetworks (no request; plain data compute's create takes)", () => {
  it("gives pyrax's nic dicts, with the pseudo networks when asked", () => {
    const cnw = fx.client("rackspace-compute-only");
    expect(cnw.networks.getServerNetworks(mine.id)).toEqual([{ "net-id": mine.id }]);
    expect(cnw.networks.getServerNetworks({ id: mine.id }, { private: true })).toEqual([{ "net-id": mine.id }, { "net-id": SERVICE_NET_ID }]);
    expect(cnw.networks.getServerNetworks(mine.id, { public: true, private: true, key: "uuid" })).toEqual([
      { uuid: mine.id },
      { uuid: PUBLIC_NET_ID },
      { uuid: SERVICE_NET_ID },
    ]);
    expect(fx.requests).toHaveLength(0);
  });

  it("an unknown key is a ValidationError", () => {
    expect(() => fx.client("rackspace-compute-only").networks.getServerNetworks(mine.id, { key: "id" as "uuid" })).toThrow(ValidationError);
  });
});
