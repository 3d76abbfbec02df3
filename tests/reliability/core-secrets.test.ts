import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { HttpError, ServiceClient, StaticSession, registerSecret } from "@rax/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Core's redaction against a hostile server on loopback: whatever a server echoes back, in any
// encoding, no rendering of the error a user gets shows a session secret.

const token = `tok-${Math.random().toString(36).slice(2)}-0123456789`;
const password = `pw"with\\quote-${Math.random().toString(36).slice(2)}`;
const apiKey = `key-${Math.random().toString(36).slice(2)}-abcdef`;

let server: Server;
let url: string;
let answer: (path: string) => { status: number; headers: Record<string, string>; body: string };
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const a = answer(req.url ?? "/");
      res.writeHead(a.status, a.headers);
      res.end(a.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

class Echo extends ServiceClient {
  static override readonly serviceType = "echo";
}

/** Every way a user sees an error: message, String, inspect, JSON of its fields, the cause chain. */
function renderings(e: unknown): string[] {
  const err = e as HttpError;
  const out = [String(err), err.message, err.stack ?? "", inspect(err, { depth: 10 }), JSON.stringify({ ...err, body: err.body, headers: err.headers, requestId: err.requestId })];
  let c: unknown = err.cause;
  while (c) {
    out.push(inspect(c, { depth: 10 }));
    c = (c as { cause?: unknown }).cause;
  }
  return out;
}

function expectNoSecret(e: unknown): void {
  for (const text of renderings(e)) {
    for (const s of [token, password, apiKey, JSON.stringify(password).slice(1, -1), encodeURIComponent(password)]) expect(text).not.toContain(s);
    expect(text).not.toContain(Buffer.from(`alice:${password}`).toString("base64").slice(8, 24));
  }
}

describe("core-secrets: a server that echoes secrets", () => {
  it("echoes of the token, the API key and a password with quotes, in every encoding, reach no rendering of the error", async () => {
    registerSecret(password);
    registerSecret(apiKey);
    // many temp URLs' worth of ephemeral values cannot push the session secrets out
    for (let i = 0; i < 1500; i++) registerSecret(`sig${i}-${"0".repeat(36)}`, "ephemeral");
    answer = () => ({
      status: 400,
      headers: {
        "content-type": "application/json",
        "x-trans-id": `tx-${token}`,
        "x-echo-basic": `Basic ${Buffer.from(`alice:${password}`).toString("base64")}`,
        "x-echo-url": encodeURIComponent(password),
      },
      body: JSON.stringify({
        badRequest: {
          code: 400,
          message: `rejected ${apiKey} for password ${password}`,
          request: { password, note: `url=${encodeURIComponent(password)} b64=${Buffer.from(password).toString("base64")}` },
        },
      }),
    });
    const session = new StaticSession({ token, endpoint: url });
    const err = await new Echo(session).send({ method: "POST", path: "/login", json: { password } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).message).toContain("rejected [REDACTED]");
    expectNoSecret(err);
    await session.transport.close();
  });
});
