import { ValidationError } from "@rax/core";
import { Compute } from "@rax/compute";
import { type Network, NetworkInUse, NetworkLabelNotUnique, type Networks, NoSuchNetwork } from "@rax/networks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Target, uniqueName } from "./target";

export interface NetworkScenarioOptions {
  /** The client under test (default: `ctx.client(Networks)`, whose backend the catalog picks). */
  client: (t: Target) => Networks;
  /** Also build a server on an isolated network (needs compute in the catalog). */
  servers?: boolean;
  /** ms between reloads while waiting for servers. */
  interval?: number;
}

/**
 * Cloud Networks behaviour users rely on — the seed's "Cloud Networks" — on whichever backend the
 * client speaks (os-networksv2 or Neutron), against the emulator and real Neutron: the same assertions.
 */
export function networkScenarios(getTarget: () => Target, o: NetworkScenarioOptions): void {
  let cnw: Networks;
  const made: Network[] = [];

  beforeAll(() => {
    cnw = o.client(getTarget());
  });
  afterAll(async () => {
    for (const n of made.reverse()) await n.delete().catch(() => undefined);
  });

  describe("Listing, creating, finding and deleting networks", () => {
    it("creates a network from a label and a CIDR; it is listed, fetched and found by label with that CIDR", async () => {
      const label = uniqueName("net");
      const net = await cnw.networks.create({ label, cidr: "192.168.0.0/24" });
      made.push(net);
      expect(net).toMatchObject({ label, name: label, cidr: "192.168.0.0/24" });
      const listed = await cnw.networks.list().toArray();
      expect(listed.find((n) => n.id === net.id)).toMatchObject({ label, cidr: "192.168.0.0/24" });
      expect((await cnw.networks.get(net.id)).cidr).toBe("192.168.0.0/24");
      expect((await cnw.networks.find(label)).id).toBe(net.id);
    });

    it("lists page by page (a page size, then the marker) without repeats; limit stops early", async () => {
      for (const cidr of ["192.168.31.0/24", "192.168.32.0/24"]) made.push(await cnw.networks.create({ label: uniqueName("page"), cidr }));
      const all = await cnw.networks.list().toArray();
      const paged = await cnw.networks.list({ pageSize: 1 }).toArray();
      expect(paged.map((n) => n.id).sort()).toEqual(all.map((n) => n.id).sort());
      expect(new Set(paged.map((n) => n.id)).size).toBe(paged.length);
      expect(await cnw.networks.list({ pageSize: 1, limit: 2 }).toArray()).toHaveLength(2);
      const first = await cnw.networks.list({ pageSize: 1 });
      expect(first.items).toHaveLength(1);
    });

    it("find: a label two networks share is NetworkLabelNotUnique (both ids); an unknown one names the catalog entry searched", async () => {
      const t = getTarget();
      const label = uniqueName("twin");
      for (const cidr of ["192.168.41.0/24", "192.168.42.0/24"]) made.push(await cnw.networks.create({ label, cidr }));
      const twins = made.slice(-2).map((n) => n.id);
      const e = await cnw.networks.find(label).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(NetworkLabelNotUnique);
      expect((e as Error).message).toContain(twins[0]);
      expect((e as Error).message).toContain(twins[1]);
      const nobody = uniqueName("nobody");
      const miss = await cnw.networks.find(nobody).catch((x: unknown) => x);
      expect(miss).toBeInstanceOf(NoSuchNetwork);
      // os-networksv2 lives on the compute endpoint: that is the catalog entry it searched.
      expect((miss as Error).message).toBe(`No network labelled "${nobody}" in ${cnw.backend === "neutron" ? "network" : "compute"} (${t.region})`);
    });

    it("get and delete of an unknown network are NoSuchNetwork; a missing label is refused before any request", async () => {
      const unknown = "5a5a5a5a-0000-4000-8000-000000000000";
      await expect(cnw.networks.get(unknown)).rejects.toMatchObject({ name: "NoSuchNetwork", status: 404, network: unknown });
      await expect(cnw.networks.delete(unknown)).rejects.toMatchObject({ name: "NoSuchNetwork", status: 404 });
      await expect(cnw.networks.create({ cidr: "10.0.0.0/24" } as never)).rejects.toMatchObject({ name: "ValidationError", field: "network.label" });
    });

    it("a malformed CIDR is refused before any request", async () => {
      await expect(cnw.networks.create({ label: uniqueName("bad"), cidr: "192.168.0.300/24" })).rejects.toBeInstanceOf(ValidationError);
    });

    it("delete removes the network (get is then NoSuchNetwork); find of an unknown label is NoSuchNetwork", async () => {
      const net = await cnw.networks.create({ name: uniqueName("gone"), cidr: "10.20.0.0/24" });
      await net.delete();
      await expect(cnw.networks.get(net.id)).rejects.toBeInstanceOf(NoSuchNetwork);
      await expect(cnw.networks.find(uniqueName("nobody"))).rejects.toBeInstanceOf(NoSuchNetwork);
    });

    it("getServerNetworks gives the list compute's create takes, with the pseudo networks when asked", async () => {
      const net = made[0]!;
      expect(net.getServerNetworks()).toEqual([{ "net-id": net.id }]);
      expect(net.getServerNetworks({ public: true, private: true, key: "uuid" }).map((n) => Object.values(n)[0])).toEqual([
        net.id,
        "00000000-0000-0000-0000-000000000000",
        "11111111-1111-1111-1111-111111111111",
      ]);
    });
  });

  describe.skipIf(!o.servers)("Creating a server with an isolated network", () => {
    it("the server gets an address on the network; the network cannot be deleted until the server is gone", async (test) => {
      const t = getTarget();
      const nova = t.ctx.client(Compute, { region: t.region });
      const label = uniqueName("iso");
      const net = await cnw.networks.create({ label, cidr: "192.168.7.0/24" });
      made.push(net);
      // minDisk: real Nova refuses image-backed boots on zero-disk flavors (m1.nano) to non-admins.
      const flavor = (await nova.flavors.list({ minDisk: 1 }).toArray()).reduce((a, b) => (b.ram < a.ram ? b : a));
      const image = (await nova.images.list().toArray()).find((i) => i.status === "ACTIVE");
      if (!image) return test.skip("no ACTIVE image to boot from");
      const server = await nova.servers.create({ name: uniqueName("iso-srv"), image, flavor, nics: net.getServerNetworks() });
      try {
        const up = await server.waitFor("ACTIVE", { interval: o.interval ?? 250, attempts: 240 });
        expect(Object.keys(up.networks)).toContain(label);
        await expect(net.delete()).rejects.toBeInstanceOf(NetworkInUse);
      } finally {
        await server.delete();
        await nova.servers.waitFor(server, "DELETED", { interval: o.interval ?? 250, attempts: 240 });
      }
      await net.delete();
      await expect(cnw.networks.get(net.id)).rejects.toBeInstanceOf(NoSuchNetwork);
    });
  });
}

/** Neutron only: subnets and ports (the attachments that make a network "in use"). */
export function neutronScenarios(getTarget: () => Target, o: { client: (t: Target) => Networks }): void {
  it("a port on a network takes an address from its subnet and keeps the network in use until deleted", async () => {
    const cnw = o.client(getTarget());
    const net = await cnw.networks.create({ label: uniqueName("ports"), cidr: "172.31.5.0/24" });
    try {
      const [subnet] = await cnw.subnets.list({ network: net }).toArray();
      expect(subnet).toMatchObject({ networkId: net.id, cidr: "172.31.5.0/24", ipVersion: 4 });
      const port = await cnw.ports.create({ network: net, name: "rax-scn-port" });
      expect(port.fixedIps[0]?.ipAddress).toMatch(/^172\.31\.5\.\d+$/);
      expect((await cnw.ports.list({ network: net }).toArray()).map((p) => p.id)).toContain(port.id);
      const inUse = await cnw.networks.delete(net).catch((e: unknown) => e);
      expect(inUse).toBeInstanceOf(NetworkInUse);
      // Neutron's reason names the ports holding the network.
      expect((inUse as NetworkInUse).message).toContain(`id for these ports is: ${port.id}`);
      await port.delete();
    } finally {
      await cnw.networks.delete(net).catch(() => undefined);
    }
    await expect(cnw.networks.get(net.id)).rejects.toBeInstanceOf(NoSuchNetwork);
  });
}
