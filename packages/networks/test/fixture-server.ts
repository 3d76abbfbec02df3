// Per-call fixtures: a loopback server (@rax/test-support's scripted one) answering each request with
// what a test scripts (as os-networksv2 or Neutron would answer, from their API references), recording what was sent.
import { StaticSession } from "@rax/core";
import { type Scripted, serveScripted } from "@rax/test-support";
import { Networks, type NetworksOptions } from "../src/index";

/** Paths after the endpoint (`/os-networksv2`, `/networks`). */
export type { Answer, Script, SeenRequest } from "@rax/test-support";

export interface Fixture extends Scripted {
  /** The compute endpoint (`…/v2/123456`) and Neutron's (`…/v2.0`). */
  computeUrl: string;
  neutronUrl: string;
  /** A client over a catalog with compute only (os-networksv2) or with a `network` service too (Neutron). */
  client(catalog: "rackspace-compute-only" | "with-neutron", o?: NetworksOptions): Networks;
  close(): Promise<void>;
}

export async function startFixture(): Promise<Fixture> {
  const fx = { script: () => ({ status: 500 }), requests: [], bytesWritten: [] } as unknown as Fixture;
  const server = await serveScripted(fx, { paths: [["/v2/123456", ""], ["/v2.0", ""]], defaultHeaders: { "content-type": "application/json" } });
  fx.computeUrl = `${server.origin}/v2/123456`;
  fx.neutronUrl = `${server.origin}/v2.0`;
  fx.client = (catalog, o = {}) =>
    new Networks(
      new StaticSession({
        token: "fixture-token",
        endpoints: catalog === "with-neutron" ? { compute: fx.computeUrl, network: fx.neutronUrl } : { compute: fx.computeUrl },
        transportOptions: { retry: { baseDelayMs: 1, maxDelayMs: 5 } },
      }),
      o,
    );
  fx.close = server.close;
  return fx;
}
