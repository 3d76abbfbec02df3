import { Readable } from "node:stream";
import {
  ConnectionError,
  OverLimit,
  RetryBudget,
  ServerError,
  TimeoutError,
  Transport,
  type TransportOptions,
  type RequestOptions,
} from "@rax/core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { refusedPort } from "./harness/fault-proxy";
import { debugLines, captured, installLeakScan, rejectionOf } from "./harness/leak-scan";
import { FAST_RETRY, TENANT, startWorld, type World } from "./harness/world";

// @rax/core's Transport under network and server faults, through the fault proxy to the emulator:
// which requests are retried, how often, and what the final error says.

installLeakScan();

let w: World;
let token: string;
let base: string;
const transports: Transport[] = [];

function transport(o: TransportOptions = {}): Transport {
  const t = new Transport({ logger: debugLines, ...o, retry: { ...FAST_RETRY, ...o.retry } });
  transports.push(t);
  return t;
}

beforeAll(async () => {
  w = await startWorld();
  await w.ctx.authenticate();
  token = w.ctx.token as string;
  base = `${w.proxy.url}/object-store/DFW/v1/MossoCloudFS_${TENANT}`;
  await w.store.createContainer("tf");
  await w.store.storeObject("tf", "obj", "transport-fault-body");
});
afterEach(() => {
  w.proxy.clearFaults();
  w.proxy.clearLog();
});
afterAll(async () => {
  for (const t of transports) await t.close();
  await w?.close();
});

const objPath = `/object-store/DFW/v1/MossoCloudFS_${TENANT}/tf/obj`;
const get = (t: Transport, extra: Partial<RequestOptions> = {}) =>
  t.request({ method: "GET", url: `${base}/tf/obj`, headers: { "x-auth-token": token }, ...extra });
const post = (t: Transport, meta = "v") =>
  t.request({ method: "POST", url: `${base}/tf`, headers: { "x-auth-token": token, "x-container-meta-probe": meta } });

describe("connection refused", () => {
  it("is retried up to maxAttempts, even for POST (nothing reached a server), then ConnectionError", async () => {
    const port = await refusedPort();
    const t = transport({ retry: { maxAttempts: 3 } });
    const before = captured.lines.length;
    for (const method of ["GET", "POST"]) {
      const e = await rejectionOf(t.request({ method, url: `http://127.0.0.1:${port}/x` }));
      expect(e).toBeInstanceOf(ConnectionError);
      expect(e.code).toBe("ECONNREFUSED");
      expect(e.attempts).toBe(3);
    }
    // one debug line per send: 3 GETs and 3 POSTs
    expect(captured.lines.slice(before).filter((l) => l.includes(`127.0.0.1:${port}`))).toHaveLength(6);
  });
});

describe("resets", () => {
  it("a GET reset before any answer is retried and succeeds; the proxy saw every send", async () => {
    w.proxy.inject({ match: { path: objPath }, times: 2, fault: { kind: "reset-before-headers" } });
    const res = await get(transport());
    expect(await res.text()).toBe("transport-fault-body");
    expect(res.attempts).toBe(3);
    expect(w.proxy.count({ path: objPath })).toBe(3);
  });

  it("a GET reset after the headers arrived: the body read rejects with a typed ConnectionError", async () => {
    // The response was already handed to the caller (bodies stream), so this is not retried.
    w.proxy.inject({ match: { path: objPath }, fault: { kind: "reset-after-headers" } });
    const res = await get(transport());
    const e = await rejectionOf(res.text());
    expect(e).toBeInstanceOf(ConnectionError);
    expect(e.attempts).toBe(1);
    expect(w.proxy.count({ path: objPath })).toBe(1);
  });

  it("a GET whose body is shorter than its Content-Length rejects instead of resolving short", async () => {
    w.proxy.inject({ match: { path: objPath }, fault: { kind: "short-body", afterBytes: 5 } });
    const res = await get(transport());
    const e = await rejectionOf(res.bytes());
    expect(e).toBeInstanceOf(ConnectionError);
    expect(String(e.code)).toMatch(/UND_ERR/);
  });

  it("retries stop at maxAttempts: a GET reset every time fails with ConnectionError after exactly 4 sends", async () => {
    w.proxy.inject({ match: { path: objPath }, times: Infinity, fault: { kind: "reset-before-headers" } });
    const e = await rejectionOf(get(transport()));
    expect(e).toBeInstanceOf(ConnectionError);
    expect(e.attempts).toBe(4);
    expect(w.proxy.count({ path: objPath })).toBe(4);
  });

  it("a POST whose connection is reset after the server acted is NOT replayed", async () => {
    w.proxy.inject({ match: { method: "POST" }, fault: { kind: "reset-after-request", forward: true } });
    const e = await rejectionOf(post(transport(), "acted-once"));
    expect(e).toBeInstanceOf(ConnectionError);
    expect(e.attempts).toBe(1);
    expect(w.proxy.count({ method: "POST" })).toBe(1);
    // The server did act: replaying would have applied the change twice.
    const meta = await w.store.getContainerMetadata("tf");
    expect(Object.entries(meta).find(([k]) => k.toLowerCase() === "probe")?.[1]).toBe("acted-once");
  });

  it("a POST reset before it was answered is not replayed either (the server may have acted)", async () => {
    w.proxy.inject({ match: { method: "POST" }, fault: { kind: "reset-before-headers" } });
    const e = await rejectionOf(post(transport()));
    expect(e).toBeInstanceOf(ConnectionError);
    expect(e.attempts).toBe(1);
    expect(w.proxy.count({ method: "POST" })).toBe(1);
  });

  it("a PUT whose upload is cut mid-body is replayed from a body factory and stored whole", async () => {
    const data = Buffer.alloc(256 * 1024, 7);
    const path = `/object-store/DFW/v1/MossoCloudFS_${TENANT}/tf/upload-factory`;
    w.proxy.inject({ match: { method: "PUT", path }, fault: { kind: "reset-mid-upload", afterBytes: 64 * 1024 } });
    const res = await transport().request({
      method: "PUT",
      url: `${base}/tf/upload-factory`,
      headers: { "x-auth-token": token, "content-length": String(data.length) },
      body: () => Readable.from([data.subarray(0, 100_000), data.subarray(100_000)]),
    });
    await res.dump();
    expect(res.attempts).toBe(2);
    expect(Buffer.compare(await w.store.fetchObject("tf", "upload-factory"), data)).toBe(0);
  });

  it("a PUT of a one-shot stream cut mid-upload is not replayed (attempts 1) and stores nothing", async () => {
    const path = `/object-store/DFW/v1/MossoCloudFS_${TENANT}/tf/upload-stream`;
    w.proxy.inject({ match: { method: "PUT", path }, fault: { kind: "reset-mid-upload", afterBytes: 1024 } });
    const e = await rejectionOf(
      transport().request({
        method: "PUT",
        url: `${base}/tf/upload-stream`,
        headers: { "x-auth-token": token, "content-length": String(64 * 1024) },
        body: Readable.from([Buffer.alloc(32 * 1024, 1), Buffer.alloc(32 * 1024, 2)]),
      }),
    );
    expect(e.attempts).toBe(1);
    expect(w.proxy.count({ path })).toBe(1);
    expect(await w.store.listObjectNames("tf")).not.toContain("upload-stream");
  });
});

describe("error statuses", () => {
  for (const status of [500, 502, 503]) {
    it(`a GET answered ${status} once is retried and succeeds`, async () => {
      w.proxy.inject({ match: { path: objPath }, fault: { kind: "status", status } });
      const res = await get(transport());
      expect(await res.text()).toBe("transport-fault-body");
      expect(res.attempts).toBe(2);
    });
  }

  it("a POST answered 503 is not retried", async () => {
    w.proxy.inject({ match: { method: "POST" }, fault: { kind: "status", status: 503 } });
    const e = await rejectionOf(post(transport()));
    expect(e).toBeInstanceOf(ServerError);
    expect(w.proxy.count({ method: "POST" })).toBe(1);
  });

  it("errors carry status, request id and attempts (503 every time: 4 sends)", async () => {
    w.proxy.inject({ match: { path: objPath }, times: Infinity, fault: { kind: "status", status: 503, body: "overloaded" } });
    const e = await rejectionOf(get(transport()));
    expect(e).toBeInstanceOf(ServerError);
    expect(e.status).toBe(503);
    expect(e.attempts).toBe(4);
    expect(e.requestId).toMatch(/^tx-proxy-\d+$/);
    expect(e.message).toContain(e.requestId as string);
    expect(w.proxy.count({ path: objPath })).toBe(4);
  });

  it("408 is retried for a GET", async () => {
    w.proxy.inject({ match: { path: objPath }, fault: { kind: "status", status: 408 } });
    const res = await get(transport());
    await res.dump();
    expect(res.attempts).toBe(2);
  });

  it("429 with Retry-After in seconds waits what the server asked (even for POST) and succeeds", async () => {
    w.proxy.inject({ match: { method: "POST" }, fault: { kind: "status", status: 429, headers: { "retry-after": "1" } } });
    const before = captured.lines.length;
    const res = await post(transport());
    await res.dump();
    expect(res.attempts).toBe(2);
    expect(w.proxy.count({ method: "POST" })).toBe(2);
    expect(captured.lines.slice(before).join("\n")).toMatch(/-> 429 .*retrying in 1000 ms/);
  });

  it("413 with Retry-After as an HTTP date is retried after that date", async () => {
    const at = new Date(Date.now() + 2000).toUTCString();
    w.proxy.inject({ match: { path: objPath }, fault: { kind: "status", status: 413, headers: { "retry-after": at } } });
    const before = captured.lines.length;
    const res = await get(transport());
    await res.dump();
    expect(res.attempts).toBe(2);
    const waited = Number(/-> 413 .*retrying in (\d+) ms/.exec(captured.lines.slice(before).join("\n"))?.[1]);
    expect(waited).toBeGreaterThan(0);
    expect(waited).toBeLessThanOrEqual(2000);
  });

  it("413 without a retry hint means 'too large': not retried, OverLimit", async () => {
    w.proxy.inject({ match: { path: objPath }, fault: { kind: "status", status: 413 } });
    const e = await rejectionOf(get(transport()));
    expect(e).toBeInstanceOf(OverLimit);
    expect(e.retryAfter).toBeUndefined();
    expect(w.proxy.count({ path: objPath })).toBe(1);
  });

  it("a Retry-After beyond the retry window fails at once with OverLimit.retryAfter instead of sleeping", async () => {
    w.proxy.inject({ match: { path: objPath }, fault: { kind: "status", status: 429, headers: { "retry-after": "3600" } } });
    const e = await rejectionOf(get(transport()));
    expect(e).toBeInstanceOf(OverLimit);
    expect(e.retryAfter).toBe(3_600_000);
    expect(e.attempts).toBe(1);
    expect(w.proxy.count({ path: objPath })).toBe(1);
  });
});

describe("stalls and timeouts", () => {
  it("headers that stall past the headers timeout: TimeoutError (phase headers) after maxAttempts sends", async () => {
    w.proxy.inject({ match: { path: objPath }, times: Infinity, fault: { kind: "stall-headers", ms: 3000 } });
    const e = await rejectionOf(get(transport({ timeouts: { headers: 200 }, retry: { maxAttempts: 2 } })));
    expect(e).toBeInstanceOf(TimeoutError);
    expect(e.phase).toBe("headers");
    expect(e.attempts).toBe(2);
    expect(w.proxy.count({ path: objPath })).toBe(2);
  });

  it("a body that stalls past the body timeout rejects the read with TimeoutError (phase body)", async () => {
    w.proxy.inject({ match: { path: objPath }, fault: { kind: "stall-body", ms: 3000 } });
    const res = await get(transport({ timeouts: { body: 200 } }));
    const e = await rejectionOf(res.text());
    expect(e).toBeInstanceOf(TimeoutError);
    expect(e.phase).toBe("body");
  });

  it("the total deadline covers retries: a GET failing forever stops at the deadline", async () => {
    w.proxy.inject({ match: { path: objPath }, times: Infinity, fault: { kind: "stall-headers", ms: 400 } });
    const e = await rejectionOf(get(transport({ timeouts: { total: 250 }, retry: { maxAttempts: 10 } })));
    expect(e).toBeInstanceOf(TimeoutError);
    expect(e.phase).toBe("total");
    expect(w.proxy.count({ path: objPath })).toBeLessThan(10);
  });
});

describe("retry budget", () => {
  it("a shared budget stops retries once spent: the next failing call is sent once", async () => {
    const budget = new RetryBudget({ capacity: 10, retryCost: 5 });
    const t = transport({ retryBudget: budget });
    w.proxy.inject({ match: { path: objPath }, times: Infinity, fault: { kind: "status", status: 503 } });
    const first = await rejectionOf(get(t));
    expect(first.attempts).toBe(3); // two retries spent the 10 tokens
    const second = await rejectionOf(get(t));
    expect(second.attempts).toBe(1);
    expect(w.proxy.count({ path: objPath })).toBe(4);
  });
});
