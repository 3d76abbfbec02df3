import { afterEach, describe, expect, it } from "vitest";
import { ServiceClient, StaticSession, Transport, createDebugLogger, redact, redactUrl, registerSecret, unregisterSecret, HttpError } from "../src/index";
import { json, startServer, type TestServer } from "./helpers";

let srv: TestServer | undefined;
let transport: Transport | undefined;
afterEach(async () => {
  await transport?.close();
  await srv?.close();
  srv = undefined;
  transport = undefined;
});

describe("redact", () => {
  it("masks token headers in header dumps", () => {
    const out = redact("X-Auth-Token: gAAAAAB-secret-token\nx-subject-token=abc123def456\nX-Storage-Token: sss999");
    expect(out).not.toMatch(/gAAAAAB|abc123def456|sss999/);
    expect(out).toContain("X-Auth-Token: [REDACTED]");
  });
  it("masks passwords, API keys, secrets and adminPass in JSON", () => {
    const body = JSON.stringify({
      auth: { passwordCredentials: { username: "bob", password: "hunter2\"quoted" } },
      "RAX-KSKEY:apiKeyCredentials": { username: "bob", apiKey: "0123456789abcdef" },
      application_credential: { secret: "app-secret-value" },
      server: { adminPass: "Zk3rNWH7" },
    });
    const out = redact(body);
    expect(out).not.toMatch(/hunter2|0123456789abcdef|app-secret-value|Zk3rNWH7/);
    expect(out).toContain('"username":"bob"');
    expect(JSON.parse(out).auth.passwordCredentials.password).toBe("[REDACTED]");
  });
  it("masks the token id in token bodies but not other ids", () => {
    const body = JSON.stringify({ access: { token: { id: "tok-abcdef-123456", expires: "2030-01-01T00:00:00Z", tenant: { id: "123456" } }, user: { id: "u-77" } } });
    const out = redact(body);
    expect(out).not.toContain("tok-abcdef-123456");
    expect(out).toContain('"u-77"');
    expect(out).toContain('"2030-01-01T00:00:00Z"');
  });
  it("masks temp-URL signatures and temp-URL key headers", () => {
    const out = redact(
      "GET https://storage.example.com/v1/AUTH_1/c/o?temp_url_sig=da39a3ee5e6b4b0d&temp_url_expires=1700000000 X-Account-Meta-Temp-Url-Key: k3y-one X-Container-Meta-Temp-Url-Key-2: k3y-two",
    );
    expect(out).not.toMatch(/da39a3ee5e6b4b0d|k3y-one|k3y-two/);
    expect(out).toContain("temp_url_expires=1700000000");
  });
  it("masks user:password in URLs", () => {
    expect(redactUrl("https://bob:pa55word@example.com/x")).not.toContain("pa55word");
  });
  it("masks registered secrets anywhere, also percent-encoded", () => {
    registerSecret("my very secret/value");
    try {
      expect(redact("oops: my very secret/value and my%20very%20secret%2Fvalue")).toBe("oops: [REDACTED] and [REDACTED]");
    } finally {
      unregisterSecret("my very secret/value");
    }
    expect(redact("my very secret/value")).toBe("my very secret/value");
    registerSecret("ab");
    expect(redact("abc")).toBe("abc"); // too short to register
  });
  it("is idempotent", () => {
    const once = redact('{"password":"p4ss","token":{"id":"t0ken"}} X-Auth-Token: zzz');
    expect(redact(once)).toBe(once);
  });
});

describe("debug log", () => {
  it("is enabled by RAX_DEBUG / CLOUD_DEBUG and disabled otherwise", () => {
    const lines: string[] = [];
    createDebugLogger({ env: {}, sink: (l) => lines.push(l) })("a");
    createDebugLogger({ env: { CLOUD_DEBUG: "0" }, sink: (l) => lines.push(l) })("b");
    createDebugLogger({ env: { CLOUD_DEBUG: "1" }, sink: (l) => lines.push(l) })("c");
    createDebugLogger({ env: { RAX_DEBUG: "true" }, sink: (l) => lines.push(l) })("d");
    expect(lines).toEqual(["c", "d"]);
  });

  it("logs method, url, status, time and attempt, and never a secret used by the calls", async () => {
    const token = "gAAAAABsecretTokenValue42";
    const sig = "0f1e2d3c4b5a69788796a5b4";
    srv = await startServer(async (req, res) => {
      for await (const _ of req);
      if (req.url?.startsWith("/fail")) {
        // A misbehaving server echoing credentials back in an error body.
        return json(res, 400, { badRequest: { message: `bad token ${req.headers["x-auth-token"]} password "hunter2"` } });
      }
      json(res, 200, { access: { token: { id: token } } });
    });
    const lines: string[] = [];
    transport = new Transport({ logger: createDebugLogger({ enabled: true, sink: (l) => lines.push(l) }), retry: { maxAttempts: 1 } });
    class Svc extends ServiceClient {
      static override readonly serviceType = "svc";
      call(path: string, body?: unknown) {
        return this.request({ method: "POST", path, json: body });
      }
    }
    const client = new Svc(new StaticSession({ token, endpoint: srv.url, transport }));
    await (await client.call(`/ok?temp_url_sig=${sig}&temp_url_expires=1`, { auth: { passwordCredentials: { username: "u", password: "hunter2" } } })).json();
    const e = await client.call("/fail").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HttpError);
    const text = `${(e as Error).message} ${JSON.stringify((e as HttpError).body)} ${JSON.stringify((e as HttpError).headers)}`;
    expect(text).not.toContain(token);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/ok\?temp_url_sig=\[REDACTED\]&temp_url_expires=1 -> 200 \(\d+ ms, attempt 1\)/);
    expect(lines[1]).toMatch(/-> 400/);
    const all = lines.join("\n");
    for (const secret of [token, sig, "hunter2"]) expect(all).not.toContain(secret);
  });
});
