import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, session, type Session } from "./helpers";

let s: Session;
beforeAll(async () => {
  s = await session();
  await call(s, `${s.storage}/faulty`, { method: "PUT" });
  await call(s, `${s.storage}/faulty/obj`, { method: "PUT", body: "x".repeat(100_000) });
});
afterAll(() => s.emu.stop());

describe("fault injection", () => {
  it("429 with Retry-After for N requests, then the real answer", async () => {
    const fault = s.emu.faults.inject({ match: { method: "GET", service: "object-store" }, status: 429, retryAfter: 2, times: 2 });
    const first = await call(s, `${s.storage}/faulty/obj`);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("2");
    expect(first.headers.get("x-trans-id")).toBeTruthy();
    await first.text();
    expect((await call(s, `${s.storage}/faulty/obj`)).status).toBe(429);
    expect(fault.hits).toBe(2);
    const ok = await call(s, `${s.storage}/faulty/obj`);
    expect(ok.status).toBe(200);
    expect((await ok.text()).length).toBe(100_000);
    expect(s.emu.faults.list()).toHaveLength(0);
  });

  it("matches by path prefix and regex, leaves other requests alone, and can send an HTTP-date", async () => {
    const date = new Date(Date.now() + 5000).toUTCString();
    s.emu.faults.inject({ match: { pathPrefix: "/identity/v2.0/tokens" }, status: 503, retryAfter: date });
    s.emu.faults.inject({ match: { regex: /\/faulty\/obj$/, method: "HEAD" }, status: 500 });
    expect((await call(s, `${s.storage}/faulty`, { method: "HEAD" })).status).toBe(204);
    const head = await call(s, `${s.storage}/faulty/obj`, { method: "HEAD" });
    expect(head.status).toBe(500);
    const auth = await fetch(`${s.emu.authUrl}/tokens`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(auth.status).toBe(503);
    expect(auth.headers.get("retry-after")).toBe(date);
    expect(((await auth.json()) as any).serviceUnavailable.code).toBe(503);
  });

  it("a 413 on identity drives a client's backoff; body override is honoured", async () => {
    s.emu.faults.inject({ match: { service: "identity" }, status: 413, body: { overLimit: { code: 413, message: "slow down" } } });
    const res = await fetch(`${s.emu.authUrl}/tokens`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ overLimit: { code: 413, message: "slow down" } });
  });

  it("401 injected on a service forces a re-auth path while the token stays valid", async () => {
    s.emu.faults.inject({ match: { service: "object-store" }, status: 401 });
    expect((await call(s, `${s.storage}/faulty`, { method: "HEAD" })).status).toBe(401);
    expect((await call(s, `${s.storage}/faulty`, { method: "HEAD" })).status).toBe(204);
  });

  it("delay-only faults answer normally after the delay", async () => {
    s.emu.faults.inject({ match: { method: "HEAD" }, delayMs: 150 });
    const started = Date.now();
    const res = await call(s, `${s.storage}/faulty`, { method: "HEAD" });
    expect(res.status).toBe(204);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("resetConnection makes the request fail at the socket", async () => {
    s.emu.faults.inject({ match: { method: "GET" }, resetConnection: true });
    await expect(call(s, `${s.storage}/faulty/obj`)).rejects.toThrow();
    expect((await call(s, `${s.storage}/faulty/obj`)).status).toBe(200);
  });

  it("stallBody sends the real headers then hangs the body until the client aborts", async () => {
    s.emu.faults.inject({ match: { method: "GET" }, stallBody: true });
    const controller = new AbortController();
    const res = await call(s, `${s.storage}/faulty/obj`, { signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe("100000");
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    const rest = reader.read();
    const outcome = await Promise.race([rest.then(() => "data"), new Promise((r) => setTimeout(() => r("stalled"), 300))]);
    expect(outcome).toBe("stalled");
    controller.abort();
    await expect(rest).rejects.toThrow();
  });

  it("cancel() removes a fault; the request log counts calls without secrets", async () => {
    const fault = s.emu.faults.inject({ match: { service: "object-store" }, status: 500, times: Infinity });
    fault.cancel();
    s.emu.clearRequests();
    await call(s, `${s.storage}/faulty/obj?temp_url_sig=deadbeef&temp_url_expires=1`, { method: "HEAD" });
    await call(s, `${s.storage}/faulty`, { method: "HEAD" });
    expect(s.emu.requests.map((r) => [r.method, r.status])).toEqual([
      ["HEAD", 401],
      ["HEAD", 204],
    ]);
    const logged = JSON.stringify(s.emu.requests);
    expect(logged).not.toContain(s.token);
    expect(logged).not.toContain("deadbeef");
  });
});
