import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_TIMEOUTS, TimeoutError, Transport } from "../src/index";
import { startServer, type TestServer } from "./helpers";

let srv: TestServer | undefined;
let transport: Transport | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await transport?.close();
  await srv?.close();
  srv = undefined;
  transport = undefined;
});

/** Headers at once, then one byte every `every` ms, never ending. */
async function trickling(every = 20): Promise<TestServer> {
  return startServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.write("[");
    const timer = setInterval(() => res.write(" "), every);
    req.socket.on("close", () => clearInterval(timer));
  });
}

describe("default deadlines", () => {
  it("are documented values a user expects: connect 10 s, headers 60 s, body idle 60 s, whole-body call 120 s", () => {
    expect(DEFAULT_TIMEOUTS).toEqual({ connect: 10_000, headers: 60_000, body: 60_000, call: 120_000 });
  });

  it("a body that trickles forever cannot hold json() past the default call deadline (fake clock)", async () => {
    srv = await trickling(1000);
    transport = new Transport();
    const res = await transport.request({ method: "GET", url: `${srv.url}/slow` });
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const read = res.json().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(DEFAULT_TIMEOUTS.call - 5_000);
    let settled = false;
    void read.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    const err = await read;
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).phase).toBe("total");
    expect((err as TimeoutError).timeoutMs).toBe(120_000);
  });

  it("a short `call` override ends a trickling whole-body read with TimeoutError", async () => {
    srv = await trickling();
    transport = new Transport({ timeouts: { call: 150 } });
    const res = await transport.request({ method: "GET", url: `${srv.url}/slow` });
    const err = await res.text().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).phase).toBe("total");
  });

  it("a body read as a stream is not cut by `call` (downloads are bounded by idle time only)", async () => {
    srv = await trickling(10);
    transport = new Transport({ timeouts: { call: 50 } });
    const res = await transport.request({ method: "GET", url: `${srv.url}/slow` });
    let bytes = 0;
    for await (const chunk of res.body) {
      bytes += (chunk as Buffer).length;
      if (bytes >= 30) break;
    }
    expect(bytes).toBeGreaterThanOrEqual(30);
  });

  it("an explicit total deadline covers a streamed body too", async () => {
    srv = await trickling(10);
    transport = new Transport();
    // long enough for headers to arrive on a loaded machine; the body trickles past it
    const res = await transport.request({ method: "GET", url: `${srv.url}/slow`, timeouts: { total: 1500 } });
    const err = await (async () => {
      for await (const _ of res.body) void _;
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).phase).toBe("total");
  });

  it("a silent server is a headers TimeoutError after the headers timeout", async () => {
    srv = await startServer(() => undefined);
    transport = new Transport({ timeouts: { headers: 100 }, retry: { maxAttempts: 1 } });
    const err = await transport.request({ method: "GET", url: `${srv.url}/silent` }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).phase).toBe("headers");
  });
});
