// Per-call fixtures: a loopback server (@rax/test-support's scripted one) answering each request with
// what a test scripts (as Glance would answer, from its API reference), recording what was sent.
import { StaticSession } from "@rax/core";
import { type Scripted, serveScripted } from "@rax/test-support";
import { Images } from "../src/index";

/** Paths after `/v2` (`/images`, `/images/{id}/members`). */
export type { Answer, Script, SeenRequest } from "@rax/test-support";

export interface Fixture extends Scripted {
  /** Glance as a stock catalog lists it (the bare server, no `/v2`). */
  url: string;
  client(): Images;
  close(): Promise<void>;
}

export async function startFixture(): Promise<Fixture> {
  const fx = { script: () => ({ status: 500 }), requests: [], bytesWritten: [] } as unknown as Fixture;
  const server = await serveScripted(fx, { paths: [["/v2", ""]], defaultHeaders: { "content-type": "application/json" } });
  fx.url = server.origin;
  fx.client = () =>
    new Images(
      new StaticSession({
        token: "fixture-token",
        tenantId: "me-project",
        endpoints: { image: fx.url },
        transportOptions: { retry: { baseDelayMs: 1, maxDelayMs: 5 } },
      }),
    );
  fx.close = server.close;
  return fx;
}
