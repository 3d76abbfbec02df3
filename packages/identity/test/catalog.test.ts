import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NoEndpointForService, NotAuthenticated, ServiceClient, ValidationError } from "@rax/core";
import { type Context, RackspaceIdentity, ServiceCatalog, createContext, serviceKey } from "../src/index";
import { type FakeIdentity, startFakeIdentity } from "./fake-identity";

let fake: FakeIdentity;
let ctx: Context;
let noDefault: Context;

beforeAll(async () => {
  fake = await startFakeIdentity({ defaultRegion: "" });
  const base = { identityType: "rackspace" as const, authEndpoint: fake.v2, username: "demo", apiKey: fake.opts.apiKey, configFile: false as const, env: {} };
  ctx = await createContext({ ...base, region: "DFW" }).authenticate();
  noDefault = await createContext(base).authenticate();
});
afterAll(async () => {
  await ctx.close();
  await noDefault.close();
  await fake.close();
});

class Files extends ServiceClient {
  static override readonly serviceType = "object-store";
  static override readonly serviceName = "cloudFiles";
}
class Dns extends ServiceClient {
  static override readonly serviceType = "rax:dns";
}

describe("service catalog", () => {
  it("accepts catalog types, pyrax keys, aliases and catalog names", () => {
    const files = `${fake.url}/files/DFW/v1/123456`;
    for (const name of ["object-store", "object_store", "swift", "cloudfiles", "cloudFiles"]) {
      expect(ctx.getEndpoint(name)).toBe(files);
    }
    const compute = `${fake.url}/compute/DFW/v1/123456`;
    for (const name of ["compute", "nova", "cloudservers"]) expect(ctx.getEndpoint(name)).toBe(compute);
    expect(ctx.getEndpoint("cloud_loadbalancers", { region: "ORD" })).toBe(`${fake.url}/lb/ORD/v1/123456`);
    expect(serviceKey("rax:load-balancer")).toBe("load_balancer");
    expect(serviceKey("marconi")).toBe("queues");
    // The issue-named aliases and OpenStack's catalog types for the same services.
    expect(serviceKey("clb")).toBe("load_balancer");
    expect(serviceKey("cloud_loadbalancers")).toBe("load_balancer");
    // OpenStack's own catalog types stay distinct (a Cinder v3 lookup must not answer Cinder v1's URL).
    expect(serviceKey("volumev3")).toBe("volumev3");
    expect(serviceKey("block-storage")).toBe("block_storage");
    expect(serviceKey("messaging")).toBe("messaging");
    expect(serviceKey("zaqar")).toBe("queues");
    expect(serviceKey("cloud_monitoring")).toBe("monitor");
    expect(serviceKey("clouddns")).toBe("dns");
    expect(serviceKey("rax: monitor")).toBe("monitor");
    expect(serviceKey("maas")).toBe("monitor");
  });

  it("skips first-generation cloudServers for compute", () => {
    expect(ctx.getEndpoint("compute", { region: "ORD" })).not.toContain("firstgen");
  });

  it("regions compare case-insensitively; region-less endpoints serve every region", () => {
    expect(ctx.getEndpoint("compute", { region: "ord" })).toBe(`${fake.url}/compute/ORD/v1/123456`);
    expect(ctx.getEndpoint("dns", { region: "ORD" })).toBe(`${fake.url}/dns/ALL/v1/123456`);
    expect(ctx.getEndpoint("cloud_dns")).toBe(`${fake.url}/dns/ALL/v1/123456`);
  });

  it("internal URLs, and NoEndpointForService when a region has none", () => {
    expect(ctx.getEndpoint("object_store", { region: "ORD", internal: true })).toBe(`${fake.url}/snet-files/ORD/v1/123456`);
    const err = (() => {
      try {
        ctx.getEndpoint("compute", { region: "ORD", internal: true });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(NoEndpointForService);
    expect(err?.message).toContain("no internal URL");
  });

  it("an unknown region throws NoEndpointForService listing the service's regions", () => {
    expect(() => ctx.getEndpoint("compute", { region: "SYD" })).toThrow(NoEndpointForService);
    expect(() => ctx.getEndpoint("compute", { region: "SYD" })).toThrow(/DFW, ORD/);
  });

  it("an unknown service lists what the catalog has", () => {
    expect(() => ctx.getEndpoint("database")).toThrow(NoEndpointForService);
    expect(() => ctx.getEndpoint("database")).toThrow(/object-store \(cloudFiles\)/);
  });

  it("region order: explicit → setting → user default → the only region → error listing regions", async () => {
    // setting: DFW
    expect(ctx.getEndpoint("compute")).toContain("/compute/DFW/");
    // setting region missing for a single-region service is an error, not a silent switch
    expect(() => ctx.getEndpoint("queues")).toThrow(/IAD/);
    // no setting, empty RAX-AUTH:defaultRegion: single-region service resolves
    expect(noDefault.getEndpoint("queues")).toBe(`${fake.url}/queues/IAD/v1/123456`);
    // ...a multi-region one cannot: ValidationError on "region" listing the choices
    let err: unknown;
    try {
      noDefault.getEndpoint("compute");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe("region");
    expect((err as Error).message).toContain("DFW, ORD");
    // user default region from the identity service
    const withDefault = await startFakeIdentity({ defaultRegion: "ORD" });
    const id = new RackspaceIdentity({ authEndpoint: withDefault.v2, username: "demo", apiKey: withDefault.opts.apiKey });
    await id.authenticate();
    expect(id.endpoint({ type: "compute" })).toBe(`${withDefault.url}/compute/ORD/v1/123456`);
    // the user's default region is skipped when the service is not there
    expect(id.endpoint({ type: "queues" })).toBe(`${withDefault.url}/queues/IAD/v1/123456`);
    await id.close();
    await withDefault.close();
  });

  it("ctx.client caches per class, region and interface, and resolves the endpoint", () => {
    const a = ctx.client(Files, { region: "ORD" });
    expect(ctx.client(Files, { region: "ord" })).toBe(a);
    expect(ctx.client(Files, { region: "ORD", internal: true })).not.toBe(a);
    expect(ctx.client(Files)).not.toBe(a);
    expect(a.endpoint).toBe(`${fake.url}/files/ORD/v1/123456`);
    expect(ctx.client(Files, { region: "ORD", internal: true }).endpoint).toBe(`${fake.url}/snet-files/ORD/v1/123456`);
    expect(ctx.client(Dns).endpoint).toBe(`${fake.url}/dns/ALL/v1/123456`);
  });

  it("use_servicenet makes object storage clients internal by default", async () => {
    const c = createContext({
      identityType: "rackspace",
      authEndpoint: fake.v2,
      username: "demo",
      apiKey: fake.opts.apiKey,
      useServicenet: true,
      region: "DFW",
      configFile: false,
      env: {},
    });
    await c.authenticate();
    expect(c.client(Files).endpoint).toBe(`${fake.url}/snet-files/DFW/v1/123456`);
    expect(c.getEndpoint("cloudfiles")).toBe(`${fake.url}/snet-files/DFW/v1/123456`);
    expect(c.getEndpoint("cloudfiles", { internal: false })).toBe(`${fake.url}/files/DFW/v1/123456`);
    await c.close();
  });

  it("endpoint before authentication → NotAuthenticated", () => {
    const c = createContext({ identityType: "rackspace", authEndpoint: fake.v2, configFile: false, env: {} });
    expect(() => c.getEndpoint("compute")).toThrow(NotAuthenticated);
  });

  it("the seed's names for queues and block storage find Zed's messaging / block-storage entries, and only when the catalog lacks their own", () => {
    const zed = ServiceCatalog.fromV3([
      { type: "messaging", name: "zaqar", endpoints: [{ interface: "public", region_id: "R1", url: "http://zaqar:8888" }] },
      { type: "block-storage", name: "cinder", endpoints: [{ interface: "public", region_id: "R1", url: "http://cinder:8776/v3/p" }] },
      { type: "volumev3", name: "cinderv3", endpoints: [{ interface: "public", region_id: "R1", url: "http://cinder:8776/v3/p3" }] },
    ]);
    for (const n of ["queues", "marconi", "zaqar", "messaging"]) expect(zed.url({ type: n })).toBe("http://zaqar:8888");
    for (const n of ["volume", "cloud_blockstorage", "cinder", "block-storage"]) expect(zed.url({ type: n })).toBe("http://cinder:8776/v3/p");
    expect(zed.url({ type: "volumev3" })).toBe("http://cinder:8776/v3/p3");
    // A catalog with both keeps them apart: volume is v1's, volumev3 v3's.
    const both = ServiceCatalog.fromV3([
      { type: "volume", endpoints: [{ interface: "public", region_id: "R1", url: "http://cinder/v1/p" }] },
      { type: "volumev3", endpoints: [{ interface: "public", region_id: "R1", url: "http://cinder/v3/p" }] },
    ]);
    expect(both.url({ type: "volume" })).toBe("http://cinder/v1/p");
    expect(both.url({ type: "volumev3" })).toBe("http://cinder/v3/p");
    expect(() => both.url({ type: "queues" })).toThrow(NoEndpointForService);
  });

  it("a v3 catalog with a region-less endpoint and a missing interface", () => {
    const cat = ServiceCatalog.fromV3([
      { type: "image", name: "glance", endpoints: [{ interface: "public", url: "http://img/" }] },
      { type: "volumev3", endpoints: [{ interface: "internal", region_id: "R1", url: "http://vol-int/" }] },
    ]);
    expect(cat.url({ type: "glance" })).toBe("http://img/");
    expect(() => cat.url({ type: "volumev3" })).toThrow(/public URLs exist in: no region/);
    expect(cat.url({ type: "volumev3", internal: true })).toBe("http://vol-int/");
  });
});
