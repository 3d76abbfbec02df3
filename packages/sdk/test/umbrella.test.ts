import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@rax/emulator";
import { NotAuthenticated, ValidationError, connect, withShortcuts, createContext } from "../src/index";
// The identity package's loopback fake: a Rackspace catalog with no Neutron (`network`) service.
import { startFakeIdentity } from "../../identity/test/fake-identity";

// The umbrella's proxy is a well-behaved object (issue #9): awaitable contexts, no symbols or
// inspection keys answered as regions, the same error for an unknown region in either order, and
// one service per name in getClient and getEndpoint.

let emu: RunningEmulator;
const creds = () => ({
  identityType: "rackspace" as const,
  authEndpoint: emu.authUrl,
  username: "demo",
  apiKey: "demo-api-key",
  configFile: false as const,
  env: {},
});

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(async () => {
  await emu.stop();
});

describe("the shortcut proxy", () => {
  it("is not thenable: awaiting connect({ authenticate: false }) gives the context", async () => {
    const rax = await connect({ ...creds(), authenticate: false });
    expect(rax.authenticated).toBe(false);
    expect((rax as unknown as { then?: unknown }).then).toBeUndefined();
    // a region view and a service view are not thenable either
    await rax.authenticate();
    expect((rax.ORD as unknown as { then?: unknown }).then).toBeUndefined();
    expect((rax.compute as unknown as { then?: unknown }).then).toBeUndefined();
    expect(await Promise.resolve(rax)).toBe(rax);
    await rax.close();
  });

  it("answers no symbol or inspection key as a region, authenticated or not", async () => {
    const fresh = withShortcuts(createContext(creds()));
    const probe = fresh as unknown as Record<string | symbol, unknown>;
    for (const key of [Symbol.iterator, Symbol.asyncIterator, Symbol.toPrimitive, "asymmetricMatch", "$$typeof", "nodeType", "toJSON", "inspect", "@@__IMMUTABLE_ITERABLE__@@", "_events"]) {
      expect(() => probe[key]).not.toThrow();
      expect(typeof probe[key] === "function" || probe[key] === undefined).toBe(true);
    }
    expect(() => inspect(fresh)).not.toThrow();
    expect(() => JSON.stringify(fresh)).not.toThrow();
    expect(() => String(fresh)).not.toThrow();
    const rax = await connect(creds());
    expect(() => inspect(rax.ORD)).not.toThrow();
    expect((rax.ORD as unknown as Record<symbol, unknown>)[Symbol.iterator]).toBeUndefined();
    expect((rax.compute as unknown as Record<string, unknown>).asymmetricMatch).toBeUndefined();
    await rax.close();
  });

  it("an unknown region is the same ValidationError whichever way round it is written", async () => {
    const rax = await connect(creds());
    const regionFirst = (() => {
      try {
        return (rax as unknown as Record<string, { compute: unknown }>).XYZ?.compute;
      } catch (e) {
        return e;
      }
    })();
    const serviceFirst = (() => {
      try {
        return rax.compute.XYZ;
      } catch (e) {
        return e;
      }
    })();
    expect(regionFirst).toBeInstanceOf(ValidationError);
    expect(serviceFirst).toBeInstanceOf(ValidationError);
    expect((regionFirst as Error).message).toBe((serviceFirst as Error).message);
    expect((regionFirst as Error).message).toMatch(/unknown region "XYZ".*DFW/);
    await rax.close();
  });

  it("an unknown service after a region names the service", async () => {
    const rax = await connect(creds());
    expect(() => (rax.ORD as unknown as Record<string, unknown>).teleporter).toThrow(/unknown service "teleporter"/);
    await rax.close();
  });

  it("region shortcuts on an unauthenticated context still say NotAuthenticated", () => {
    const rax = withShortcuts(createContext(creds()));
    expect(() => rax.ORD).toThrow(NotAuthenticated);
  });
});

describe("one name, one service", () => {
  it("getClient and getEndpoint of neutron / cloud_networks / network resolve the same service", async () => {
    const rax = await connect(creds());
    const client = rax.getClient("network", "ORD");
    for (const name of ["neutron", "cloud_networks", "network", "cloudnetworks"]) {
      expect(rax.getClient(name, "ORD")).toBe(client);
      expect(rax.getEndpoint(name, { region: "ORD" })).toBe(client.endpoint);
    }
    await rax.close();
  });

  it("on a catalog without Neutron, getEndpoint('cloud_networks') answers the compute endpoint the networks client uses", async () => {
    const fake = await startFakeIdentity();
    try {
      const rax = await connect({ identityType: "rackspace", authEndpoint: fake.v2, username: "demo", apiKey: fake.opts.apiKey, configFile: false, env: {} });
      const client = rax.getClient("cloud_networks", "ORD");
      expect(client.endpoint).toBe(`${fake.url}/compute/ORD/v1/123456`);
      for (const name of ["neutron", "cloud_networks", "network"]) expect(rax.getEndpoint(name, { region: "ORD" })).toBe(client.endpoint);
      await rax.close();
    } finally {
      await fake.close();
    }
  });

  it("every service alias resolves to the same endpoint through getClient and getEndpoint", async () => {
    const rax = await connect(creds());
    for (const name of ["nova", "cloudservers", "swift", "cloudfiles", "cloud_loadbalancers", "cloud_dns", "cloud_monitoring"]) {
      let viaClient: unknown;
      try {
        viaClient = rax.getClient(name, "ORD").endpoint;
      } catch (e) {
        viaClient = (e as Error).constructor.name;
      }
      let viaEndpoint: unknown;
      try {
        viaEndpoint = rax.getEndpoint(name, { region: "ORD" });
      } catch (e) {
        viaEndpoint = (e as Error).constructor.name;
      }
      expect(viaEndpoint, name).toBe(viaClient);
    }
    await rax.close();
  });
});
