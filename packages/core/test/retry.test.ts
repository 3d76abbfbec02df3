import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectionError, OverLimit, RetryBudget, ServerError, TimeoutError, Transport, parseRetryAfter } from "../src/index";
import { closedPort, json, startServer, type TestServer } from "./helpers";

let srv: TestServer | undefined;
let transport: Transport | undefined;
afterEach(async () => {
  await transport?.close();
  await srv?.close();
  srv = undefined;
  transport = undefined;
});

const fast = { baseDelayMs: 5, maxDelayMs: 20 };

describe("retries", () => {
  it("retries 5xx up to maxAttempts, then throws ServerError carrying attempts", async () => {
    srv = await startServer((_req, res) => json(res, 503, { serviceUnavailable: { code: 503, message: "busy" } }));
    transport = new Transport({ retry: fast });
    const err = await transport.request({ method: "GET", url: `${srv.url}/x` }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect((err as ServerError).attempts).toBe(4);
    expect((err as ServerError).serverMessage).toBe("busy");
    expect(srv.requests).toHaveLength(4);
  });

  it("succeeds when a retry succeeds", async () => {
    srv = await startServer((_req, res, n) => (n < 3 ? json(res, 502, {}) : json(res, 200, { n })));
    transport = new Transport({ retry: fast });
    const res = await transport.request({ method: "DELETE", url: `${srv.url}/x` });
    expect(res.attempts).toBe(3);
    expect(await res.json()).toEqual({ n: 3 });
  });

  it("does not retry POST on 503 but does on ECONNREFUSED", async () => {
    srv = await startServer((_req, res) => json(res, 503, {}));
    transport = new Transport({ retry: fast });
    const err = await transport.request({ method: "POST", url: `${srv.url}/x`, json: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect((err as ServerError).attempts).toBe(1);
    expect(srv.requests).toHaveLength(1);

    const dead = await closedPort();
    const err2 = await transport.request({ method: "POST", url: `${dead}/x`, json: {}, retry: { maxAttempts: 3 } }).catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(ConnectionError);
    expect((err2 as ConnectionError).code).toBe("ECONNREFUSED");
    expect((err2 as ConnectionError).attempts).toBe(3);
  });

  it("a POST refused on the first try goes through once the server is up", async () => {
    const dead = await closedPort();
    const port = Number(new URL(dead).port);
    const { createServer } = await import("node:http");
    const late = createServer((_req, res) => json(res, 201, { created: true }));
    transport = new Transport({
      retry: { baseDelayMs: 50, maxDelayMs: 50 },
      // The first failure is logged synchronously before the backoff wait: bring the server up then.
      logger: (line) => {
        if (line.includes("ECONNREFUSED") && !late.listening) late.listen(port, "127.0.0.1");
      },
    });
    try {
      const res = await transport.request({ method: "POST", url: `${dead}/x`, json: {}, retry: { maxAttempts: 5 } });
      expect(res.status).toBe(201);
      expect(res.attempts).toBeGreaterThan(1);
      await res.dump();
    } finally {
      await new Promise((r) => late.close(r));
    }
  });

  it("does not replay a one-shot stream body (attempts = 1) but replays a factory", async () => {
    const seen: string[] = [];
    srv = await startServer(async (req, res, n) => {
      let b = "";
      for await (const c of req) b += c;
      seen.push(b);
      if (n === 1 || n === 2) json(res, 503, {});
      else json(res, 201, {});
    });
    transport = new Transport({ retry: fast });
    const err = await transport.request({ method: "PUT", url: `${srv.url}/o`, body: Readable.from([Buffer.from("one-shot")]) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect((err as ServerError).attempts).toBe(1);

    const res = await transport.request({ method: "PUT", url: `${srv.url}/o`, body: () => Readable.from([Buffer.from("fresh"), Buffer.from("-copy")]) });
    expect(res.status).toBe(201);
    expect(res.attempts).toBe(2);
    expect(seen).toEqual(["one-shot", "fresh-copy", "fresh-copy"]);
  });

  it("honours Retry-After in seconds", async () => {
    srv = await startServer((_req, res, n) => (n === 1 ? json(res, 429, {}, { "retry-after": "1" }) : json(res, 200, {})));
    transport = new Transport({ retry: fast });
    const res = await transport.request({ method: "POST", url: `${srv.url}/x`, json: {} });
    expect(res.attempts).toBe(2);
    const [a, b] = srv.requests;
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(990);
  });

  it("honours Retry-After as an HTTP-date", async () => {
    let hintedAt = 0;
    srv = await startServer((_req, res, n) => {
      if (n === 1) {
        const when = new Date(Date.now() + 1500);
        const header = when.toUTCString();
        hintedAt = Date.parse(header);
        return json(res, 503, {}, { "retry-after": header });
      }
      json(res, 200, {});
    });
    transport = new Transport({ retry: fast });
    const res = await transport.request({ method: "GET", url: `${srv.url}/x` });
    expect(res.attempts).toBe(2);
    expect(srv.requests[1]!.at).toBeGreaterThanOrEqual(hintedAt - 10);
  });

  it("retries 413 only with a retry hint (Reply-After ISO-8601), and reports retryAfter", async () => {
    srv = await startServer((req, res, n) => {
      if (req.url === "/too-big") return json(res, 413, { message: "Request Entity Too Large" });
      if (n === 2) return json(res, 413, { overLimit: { code: 413, message: "Rate Control" } }, { "reply-after": new Date(Date.now() + 300).toISOString() });
      json(res, 200, {});
    });
    transport = new Transport({ retry: fast });
    const err = await transport.request({ method: "PUT", url: `${srv.url}/too-big`, body: "x" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OverLimit);
    expect((err as OverLimit).attempts).toBe(1);
    expect((err as OverLimit).retryAfter).toBeUndefined();
    const res = await transport.request({ method: "POST", url: `${srv.url}/rate`, json: {} });
    expect(res.attempts).toBe(2);
    expect(srv.requests[2]!.at - srv.requests[1]!.at).toBeGreaterThanOrEqual(150);
  });

  it("gives up (no wait) when Retry-After is beyond the total retry time", async () => {
    srv = await startServer((_req, res) => json(res, 429, {}, { "retry-after": "3600" }));
    transport = new Transport({ retry: { ...fast, maxTotalMs: 5000 } });
    const err = await transport.request({ method: "GET", url: `${srv.url}/x` }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OverLimit);
    expect((err as OverLimit).retryAfter).toBe(3_600_000);
    expect((err as OverLimit).attempts).toBe(1);
  });

  it("stops retrying once the client-wide retry budget is spent, and successes refill it", async () => {
    let fail = true;
    srv = await startServer((_req, res) => (fail ? json(res, 500, {}) : json(res, 200, {})));
    const budget = new RetryBudget({ capacity: 10, retryCost: 5, successRefund: 5 });
    transport = new Transport({ retry: fast, retryBudget: budget });
    const e1 = await transport.request({ method: "GET", url: `${srv.url}/x` }).catch((e: unknown) => e);
    expect((e1 as ServerError).attempts).toBe(3); // two retries cost all 10 tokens
    const e2 = await transport.request({ method: "GET", url: `${srv.url}/x` }).catch((e: unknown) => e);
    expect((e2 as ServerError).attempts).toBe(1);
    expect(budget.tokens).toBe(0);
    fail = false;
    await (await transport.request({ method: "GET", url: `${srv.url}/x` })).dump();
    expect(budget.tokens).toBe(5);
    fail = true;
    const e3 = await transport.request({ method: "GET", url: `${srv.url}/x` }).catch((e: unknown) => e);
    expect((e3 as ServerError).attempts).toBe(2);
  });

  it("the total deadline spans retries", async () => {
    srv = await startServer((_req, res) => setTimeout(() => json(res, 503, {}), 100));
    transport = new Transport({ retry: { baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 1000 } });
    const err = await transport.request({ method: "GET", url: `${srv.url}/x`, timeouts: { total: 450 } }).catch((e: unknown) => e);
    expect(err instanceof TimeoutError || err instanceof ServerError).toBe(true);
    const attempts = (err as { attempts: number }).attempts;
    expect(attempts).toBeGreaterThan(1);
    expect(attempts).toBeLessThan(10);
    if (err instanceof TimeoutError) expect(err.phase).toBe("total");
  });

  it("retry: false sends once", async () => {
    srv = await startServer((_req, res) => json(res, 500, {}));
    transport = new Transport({ retry: fast });
    const err = await transport.request({ method: "GET", url: `${srv.url}/x`, retry: false }).catch((e: unknown) => e);
    expect((err as ServerError).attempts).toBe(1);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds, HTTP-dates and ISO-8601 dates", () => {
    const now = Date.parse("2024-01-01T00:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("1.5", now)).toBe(1500);
    expect(parseRetryAfter("Mon, 01 Jan 2024 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("2024-01-01T00:01:00Z", now)).toBe(60_000);
    expect(parseRetryAfter("2023-01-01T00:00:00Z", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
