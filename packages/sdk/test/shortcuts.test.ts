import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@rax/emulator";
import { CloudDNS, Compute, Context, LoadBalancers, Monitoring, NotAuthenticated, ObjectStore, SERVICE_ALIASES, SERVICE_NAMES, SERVICES, ValidationError, connect, withShortcuts } from "../src/index";

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

describe("connect() shortcuts", () => {
  it("resolves region.service and service.region to the same cached client", async () => {
    const rax = await connect(creds());
    const a = rax.ORD.compute;
    expect(a).toBeInstanceOf(Compute);
    expect(rax.compute.ORD).toBe(a);
    expect(rax.getClient("nova", "ORD")).toBe(a);
    expect(rax.getClient("cloudservers", "ord")).toBe(a);
    expect(a.endpoint).toBe(`${emu.endpoint("compute", "ORD")}/v2/123456`);
  });

  it("maps every alias in pyrax's service-name table to a client class", async () => {
    const rax = await connect(creds());
    expect(rax.getClient("swift", "DFW")).toBeInstanceOf(ObjectStore);
    expect(rax.getClient("cloudfiles", "DFW")).toBe(rax.getClient("object_store", "DFW"));
    for (const alias of ["trove", "cinder", "designate", "glance", "marconi", "cloud_monitoring", "autoscale", "cloud_loadbalancers", "neutron"]) {
      expect(rax.getClient(alias, "DFW").constructor.name).not.toBe("Object");
    }
  });

  it("the issues' aliases reach the same clients as the descriptive names, in both shortcut orders", async () => {
    const rax = (await connect(creds())) as unknown as Record<string, Record<string, unknown>> & { getClient(n: string, r: string): unknown };
    for (const [alias, key] of [
      ["block_storage", "volume"],
      ["clb", "load_balancer"],
      ["cloud_load_balancers", "load_balancer"],
      ["databases", "database"],
      ["clouddns", "dns"],
      ["cloud_queues", "queues"],
    ] as const) {
      expect(rax.ORD![alias]).toBe(rax.getClient(key, "ORD"));
      expect(rax[alias]!.ORD).toBe(rax.getClient(key, "ORD"));
    }
  });

  it("every name of pyrax's table is typed as the client it returns, in both orders and through getClient", async () => {
    const rax = await connect(creds());
    // Typed without a cast: a table name that left the types (rax.ORD.clb was `unknown`) fails the typecheck.
    const clb: LoadBalancers = rax.ORD.clb;
    const nova: Compute = rax.getClient("nova", "ORD");
    const files: ObjectStore = rax.cloudfiles.ORD;
    const maas: Monitoring = rax.maas;
    expect(clb).toBe(rax.getClient("load_balancer", "ORD"));
    expect(nova).toBe(rax.ORD.compute);
    expect(files).toBe(rax.ORD.object_store);
    expect(maas).toBeInstanceOf(Monitoring);
    expect(maas.endpoint).toBe(rax.monitor.endpoint);
    for (const [key, names] of Object.entries(SERVICE_NAMES)) {
      const Cls = SERVICES[key as keyof typeof SERVICES];
      for (const name of names) {
        expect(rax.ORD[name], name).toBeInstanceOf(Cls);
        expect(rax.getClient(name, "ORD"), name).toBe(rax.getClient(key, "ORD"));
      }
    }
  });

  it("the typed names cover every identity alias of a service the umbrella has a client for", () => {
    const typed = Object.entries(SERVICE_NAMES).flatMap(([k, names]) => names.map((n) => `${n}=${k}`));
    const fromIdentity = Object.entries(SERVICE_ALIASES)
      .filter(([n, k]) => Object.hasOwn(SERVICES, k) && n !== k)
      .map(([n, k]) => `${n}=${k}`);
    expect(typed).toEqual(expect.arrayContaining(fromIdentity));
  });

  it("DNS and monitoring are regionless: rax.dns is the client, and rax.dns.ORD / rax.ORD.dns reach its endpoint", async () => {
    const rax = await connect(creds());
    expect(rax.dns).toBeInstanceOf(CloudDNS);
    expect(rax.dns.endpoint).toBe(rax.ORD.dns.endpoint);
    expect(rax.dns.ORD.endpoint).toBe(rax.LON.dns.endpoint);
    expect(rax.monitor).toBeInstanceOf(Monitoring);
    expect(rax.monitor.endpoint).toBe(rax.DFW.monitor.endpoint);
    // the client's own members still work through the view
    expect(typeof rax.dns.domains.list).toBe("function");
    // its class is the class (statics and name intact), not a bound copy
    expect(rax.dns.constructor).toBe(CloudDNS);
    expect((rax.dns.constructor as typeof CloudDNS).serviceType).toBe(CloudDNS.serviceType);
    expect(inspect(rax.dns)).toMatch(/^CloudDNS /);
    const unauthenticated = withShortcuts(new Context({ ...creds() }));
    expect(() => unauthenticated.dns).toThrow(NotAuthenticated);
  });

  it("public: false gives the internal (ServiceNet) URL", async () => {
    const rax = await connect(creds());
    const pub = rax.getClient("object_store", "IAD");
    const internal = rax.getClient("object_store", "IAD", { public: false });
    expect(internal).not.toBe(pub);
    expect(new URL(internal.endpoint).host).not.toBe(new URL(pub.endpoint).host);
  });

  it("an unknown region lists the regions the account has", async () => {
    const rax = await connect(creds());
    expect(() => rax.compute.MARS).toThrow(ValidationError);
    expect(() => rax.compute.MARS).toThrow(/DFW.*ORD|ORD.*DFW/);
  });

  it("an unknown service is a ValidationError naming the service", async () => {
    const rax = await connect(creds());
    expect(() => rax.getClient("teleporter", "ORD")).toThrow(/unknown service "teleporter"/);
  });

  it("shortcuts on an unauthenticated context raise NotAuthenticated", () => {
    const rax = withShortcuts(new Context(creds()));
    expect(() => rax.ORD).toThrow(NotAuthenticated);
    expect(() => rax.compute.ORD).toThrow(NotAuthenticated);
  });

  it("pyrax's cloud_blockstorage.http_log_debug = True: set on a client it sticks; set on a shortcut view it is refused, not lost", async () => {
    const rax = await connect(creds());
    rax.ORD.blockstorage.httpLogDebug = true;
    expect(rax.ORD.blockstorage.httpLogDebug).toBe(true);
    expect(rax.blockstorage.ORD.httpLogDebug).toBe(true);
    const err = (() => {
      try {
        (rax as unknown as Record<string, Record<string, unknown>>).compute!.httpLogDebug = true;
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect([(err as ValidationError).field, (err as Error).message]).toEqual(["httpLogDebug", expect.stringMatching(/not a client: set httpLogDebug on a client \(rax\.\S*compute\S*\.httpLogDebug\)/)]);
    expect(rax.ORD.compute.httpLogDebug).toBeUndefined();
  });

  it("keeps the context's own members working through the wrapper", async () => {
    const rax = await connect(creds());
    expect(rax.authenticated).toBe(true);
    expect(rax.regions).toEqual(expect.arrayContaining(["DFW", "ORD", "IAD", "LON", "SYD", "HKG"]));
    expect(rax.tenantId).toBe("123456");
    expect(rax.constructor).toBe(Context);
  });
});
