// Per-call fixtures: a loopback server (@rax/test-support's scripted one) answering each request with
// what a test scripts (a status, headers and a body as a real or misbehaving Swift would send them),
// recording what the client sent. For server behaviour the emulator does not (and should not) have.
import { StaticSession } from "@rax/core";
import { type Script, type Scripted, serveScripted } from "@rax/test-support";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { ObjectStore, type ObjectStoreOptions } from "../src/index";

/** Paths below the account ("" for the account itself), CDN ones as `cdn:/…`. */
export type { Answer, Script, SeenRequest } from "@rax/test-support";

export interface Fixture extends Scripted {
  /** Storage endpoint (`…/v1/AUTH_fx`). */
  url: string;
  cdnUrl: string;
  client(o?: ObjectStoreOptions): ObjectStore;
  close(): Promise<void>;
}

const ACCOUNT_PREFIX = "/v1/AUTH_fx";
const CDN_PREFIX = "/cdn/v1/AUTH_fx";

/** Starts a server; `into` (default a new object) becomes the fixture, so one made early can be filled later. */
export async function startFixture(script: Script = () => ({ status: 500 }), into = {} as Fixture): Promise<Fixture> {
  const fx = Object.assign(into, { script, requests: [], bytesWritten: [] });
  const server = await serveScripted(fx, { paths: [[CDN_PREFIX, "cdn:"], [ACCOUNT_PREFIX, ""]] });
  fx.url = `${server.origin}${ACCOUNT_PREFIX}`;
  fx.cdnUrl = `${server.origin}${CDN_PREFIX}`;
  fx.client = (o = {}) =>
    new ObjectStore(
      new StaticSession({
        token: "fixture-token",
        endpoints: { "object-store": fx.url, "rax:object-cdn": fx.cdnUrl },
        transportOptions: { retry: { baseDelayMs: 1, maxDelayMs: 5 } },
      }),
      o,
    );
  fx.close = server.close;
  return fx;
}

/** One server for a test file: started before its tests, closed after them, its requests cleared before each. */
export function useFixture(): Fixture {
  const fx = {} as Fixture;
  beforeAll(() => startFixture(undefined, fx));
  afterAll(() => fx.close());
  beforeEach(() => {
    fx.requests.length = 0;
    fx.bytesWritten.length = 0;
  });
  return fx;
}
