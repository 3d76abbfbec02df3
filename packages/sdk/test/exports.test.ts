import { describe, expect, it } from "vitest";
import * as autoscale from "@rax/autoscale";
import * as blockStorage from "@rax/block-storage";
import * as compute from "@rax/compute";
import * as core from "@rax/core";
import * as databases from "@rax/databases";
import * as dns from "@rax/dns";
import * as identity from "@rax/identity";
import * as images from "@rax/images";
import * as loadBalancers from "@rax/load-balancers";
import * as monitoring from "@rax/monitoring";
import * as networks from "@rax/networks";
import * as objectStore from "@rax/object-store";
import * as queues from "@rax/queues";
import * as sdk from "../src/index";
import { SERVICES } from "../src/services";

// Issue #10: `export *` from every service collides as soon as two services export the same name
// (Image, Flavor, Network, Volume …). The umbrella exports each service as a namespace; these
// tests prove its export set is collision-free however the services grow.

const SERVICE_MODULES: Record<string, Record<string, unknown>> = {
  autoscale,
  blockStorage,
  compute,
  databases,
  dns,
  images,
  loadBalancers,
  monitoring,
  networks,
  objectStore,
  queues,
};
const ALL: Record<string, Record<string, unknown>> = { core, identity, ...SERVICE_MODULES };
const top = sdk as unknown as Record<string, unknown>;

describe("the umbrella's exports", () => {
  it("exports every service package as a namespace holding all of that package's exports", () => {
    for (const [name, mod] of Object.entries(SERVICE_MODULES)) {
      const ns = top[name] as Record<string, unknown> | undefined;
      expect(ns, `namespace ${name}`).toBeDefined();
      for (const key of Object.keys(mod)) expect(ns?.[key], `${name}.${key}`).toBe(mod[key]);
    }
  });

  it("every top-level name means exactly one thing: no name is exported by two packages with different values", () => {
    const owners = new Map<string, Set<unknown>>();
    for (const mod of Object.values(ALL)) {
      for (const [k, v] of Object.entries(mod)) {
        const set = owners.get(k) ?? new Set();
        set.add(v);
        owners.set(k, set);
      }
    }
    const ambiguous = [...owners].filter(([, values]) => values.size > 1).map(([k]) => k);
    // A name two packages mean differently sits at the top level only when it is a service's
    // client class (compute's `Images` namespace vs the images service's `Images` client): then the
    // top level means the client, deliberately, and the other stays in its namespace.
    const clients = new Map<string, unknown>(Object.values(SERVICES).map((Cls) => [Cls.name, Cls]));
    const leaked = ambiguous.filter((k) => k in top && !(k in SERVICE_MODULES) && !(clients.has(k) && top[k] === clients.get(k)));
    expect(leaked).toEqual([]);
    // And every top-level name is the value of the package that exports it.
    for (const [k, v] of Object.entries(top)) {
      if (k in SERVICE_MODULES) continue;
      const from = Object.entries(ALL).filter(([, mod]) => k in mod && mod[k] === v).map(([p]) => p);
      const local = ["connect", "withShortcuts", "SERVICES", "SERVICE_NAMES"].includes(k);
      expect(local || from.length > 0, `top-level ${k} comes from a package`).toBe(true);
    }
  });

  it("keeps core and identity at the top level, and one client class per service", () => {
    for (const k of Object.keys(core)) expect(top[k], `core ${k}`).toBe((core as Record<string, unknown>)[k]);
    for (const k of Object.keys(identity)) expect(top[k], `identity ${k}`).toBe((identity as Record<string, unknown>)[k]);
    for (const Cls of Object.values(SERVICES)) expect(top[Cls.name], Cls.name).toBe(Cls);
  });

  it("namespace names are not the names of anything in core or identity", () => {
    for (const ns of Object.keys(SERVICE_MODULES)) {
      expect(ns in core || ns in identity, ns).toBe(false);
    }
  });
});
