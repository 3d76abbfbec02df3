import { Readable } from "node:stream";
import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { Transport, createDebugLogger, debugFromEnv, registerSecret, unregisterSecret } from "../src/index";
import { debugLevelFromEnv } from "../src/debug-log";
import { json, startServer, type TestServer } from "./helpers";

let srv: TestServer | undefined;
let transport: Transport | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await transport?.close();
  await srv?.close();
  srv = undefined;
  transport = undefined;
});

function capture(debug?: boolean | "verbose") {
  const lines: string[] = [];
  transport = new Transport({ logger: createDebugLogger({ enabled: true, sink: (l) => lines.push(l) }), retry: { maxAttempts: 1 }, ...(debug === undefined ? {} : { debug }) });
  return { t: transport, lines };
}

describe("debug level from the environment", () => {
  it("reads verbose from RAX_DEBUG or CLOUD_DEBUG, on/off as before", () => {
    expect(debugLevelFromEnv({})).toBe(false);
    expect(debugLevelFromEnv({ RAX_DEBUG: "0" })).toBe(false);
    expect(debugLevelFromEnv({ CLOUD_DEBUG: "1" })).toBe(true);
    expect(debugLevelFromEnv({ RAX_DEBUG: " Verbose " })).toBe("verbose");
    expect(debugLevelFromEnv({ RAX_DEBUG: "1", CLOUD_DEBUG: "verbose" })).toBe("verbose");
    expect(debugFromEnv({ CLOUD_DEBUG: "verbose" })).toBe(true);
  });

  it("RAX_DEBUG=verbose makes a transport verbose; debug: true keeps one line", () => {
    vi.stubEnv("RAX_DEBUG", "verbose");
    const logger = () => {};
    const fromEnv = new Transport({ logger });
    const oneLine = new Transport({ logger, debug: true });
    expect(fromEnv.toJSON().debug).toBe("verbose");
    expect(oneLine.toJSON().debug).toBe(true);
    vi.stubEnv("RAX_DEBUG", "");
    vi.stubEnv("CLOUD_DEBUG", "");
    expect(new Transport().toJSON().debug).toBe(false);
    expect(new Transport({ debug: "verbose" }).toJSON().debug).toBe("verbose");
  });
});

describe("verbose debug log", () => {
  const password = "hunter2-Pa55word";
  const apiKey = "0123456789abcdef0123";
  const token = "gAAAAABverboseTokenValue42";
  const tempUrlKey = "temp-url-key-s3cr3t";

  it("shows request and response headers and JSON bodies, with no secret anywhere", async () => {
    srv = await startServer(async (req, res) => {
      for await (const _ of req);
      if (req.url === "/v2.0/tokens") return json(res, 200, { access: { token: { id: token, expires: "2030-01-01T00:00:00Z" }, user: { name: "bob" } } }, { "x-subject-token": token });
      if (req.url === "/v1/acct" && req.method === "POST") {
        res.writeHead(204);
        return res.end();
      }
      // A misbehaving server echoing the token back in an error body.
      if (req.url === "/servers/x") return json(res, 404, { itemNotFound: { message: `no server for token ${req.headers["x-auth-token"]}`, code: 404 } });
      json(res, 200, { servers: [{ id: "s1", name: "web" }] }, { "x-compute-request-id": "req-abc123" });
    });
    const { t, lines } = capture("verbose");
    const pw = await t.request({ method: "POST", url: `${srv.url}/v2.0/tokens`, json: { auth: { passwordCredentials: { username: "bob", password } } } });
    expect(await pw.json()).toEqual({ access: { token: { id: token, expires: "2030-01-01T00:00:00Z" }, user: { name: "bob" } } });
    await (await t.request({ method: "POST", url: `${srv.url}/v2.0/tokens`, json: { auth: { "RAX-KSKEY:apiKeyCredentials": { username: "bob", apiKey } } } })).json();
    const v3 = { auth: { identity: { methods: ["password"], password: { user: { name: "bob", domain: { name: "Default" }, password } } } } };
    await (await t.request({ method: "POST", url: `${srv.url}/v2.0/tokens`, json: v3 })).dump();
    // From here on the token is in use: identity and StaticSession register it, as here, so that
    // a server echoing it in any body is masked too (the auth bodies above were masked by shape).
    registerSecret(token);
    onTestFinished(() => unregisterSecret(token));
    const list = await t.request({ method: "GET", url: `${srv.url}/servers`, headers: { "X-Auth-Token": token, Accept: "application/json" } });
    expect(await list.json()).toEqual({ servers: [{ id: "s1", name: "web" }] });
    await (await t.request({ method: "POST", url: `${srv.url}/v1/acct`, headers: { "X-Auth-Token": token, "X-Account-Meta-Temp-URL-Key": tempUrlKey } })).dump();
    await expect(t.request({ method: "GET", url: `${srv.url}/servers/x`, headers: { "X-Auth-Token": token } })).rejects.toMatchObject({ status: 404 });

    const all = lines.join("\n");
    for (const secret of [password, apiKey, token, tempUrlKey]) expect(all).not.toContain(secret);
    // What a user debugging needs to see.
    expect(lines).toContainEqual(expect.stringMatching(/^rax: > POST http:\/\/127\.0\.0\.1:\d+\/v2\.0\/tokens \(attempt 1\)$/));
    expect(lines).toContain("rax: > content-type: application/json");
    expect(lines).toContain('rax: > body: {"auth":{"passwordCredentials":{"username":"bob","password":"[REDACTED]"}}}');
    expect(lines).toContain('rax: > body: {"auth":{"RAX-KSKEY:apiKeyCredentials":{"username":"bob","apiKey":"[REDACTED]"}}}');
    expect(lines).toContain('rax: > body: {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"bob","domain":{"name":"Default"},"password":"[REDACTED]"}}}}}');
    expect(lines).toContain("rax: < HTTP 200");
    expect(lines).toContain("rax: < x-subject-token: [REDACTED]");
    expect(lines).toContain("rax: > x-auth-token: [REDACTED]");
    expect(lines).toContain("rax: > x-account-meta-temp-url-key: [REDACTED]");
    expect(lines).toContain("rax: < x-compute-request-id: req-abc123");
    expect(lines).toContainEqual(expect.stringMatching(/^rax: < body of GET http:\/\/127\.0\.0\.1:\d+\/servers: \{"servers":\[\{"id":"s1","name":"web"\}\]\}$/));
    expect(lines).toContainEqual(expect.stringMatching(/^rax: < body of POST .*\/v2\.0\/tokens: \{"access":\{"token":\{"id":"\[REDACTED\]"/));
    // The error body the transport read for the HttpError, masked too.
    expect(lines).toContainEqual(expect.stringMatching(/^rax: < body of GET .*\/servers\/x: \{"itemNotFound":\{"message":"no server for token \[REDACTED\]"/));
    expect(lines).toContain("rax: < HTTP 404");
  });

  it("debug: true stays one line per request", async () => {
    srv = await startServer((_req, res) => json(res, 200, { ok: true }));
    const { t, lines } = capture(true);
    await (await t.request({ method: "POST", url: srv.url, json: { a: 1 }, headers: { "X-Auth-Token": token } })).json();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^rax: POST http:\/\/127\.0\.0\.1:\d+ -> 200 \(\d+ ms, attempt 1\)$/);
  });

  it("shows the first 4 KiB of a long body, masked before the cut", async () => {
    // The password value starts just before the 4 KiB mark: a cut before redaction would leave its start.
    const pad = "x".repeat(4096 - '{"pad":"'.length - '","password":"'.length - 4);
    const body = `{"pad":"${pad}","password":"${password}","more":"${"y".repeat(5000)}"}`;
    srv = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
    });
    const { t, lines } = capture("verbose");
    expect(await (await t.request({ method: "GET", url: srv.url })).text()).toBe(body);
    const line = lines.find((l) => l.startsWith("rax: < body of GET")) as string;
    expect(line).toBeDefined();
    expect(line).not.toContain(password.slice(0, 4));
    expect(line).toMatch(/… \(first 4096 of \d+ characters\)$/);
    expect(line.length).toBeLessThan(4096 + 200);
  });

  it("never reads a streamed upload or a streamed download for the log", async () => {
    const download = Buffer.from("streamed text content ".repeat(50));
    let uploaded = "";
    srv = await startServer(async (req, res) => {
      for await (const c of req) uploaded += String(c);
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(download);
    });
    const { t, lines } = capture("verbose");
    const res = await t.request({ method: "PUT", url: srv.url, headers: { "content-type": "text/plain" }, body: Readable.from([Buffer.from("upload-part-1 "), Buffer.from("upload-part-2")]) });
    const got: Buffer[] = [];
    for await (const c of res.body) got.push(c as Buffer);
    expect(Buffer.concat(got).equals(download)).toBe(true);
    expect(uploaded).toBe("upload-part-1 upload-part-2");
    expect(lines.some((l) => l.includes("body"))).toBe(false);
    expect(lines).toContain("rax: > content-type: text/plain");
    expect(lines).toContain("rax: < content-type: text/plain");
  });

  it("does not show form or XML bodies, whose secrets redact() has no pattern for", async () => {
    srv = await startServer(async (req, res) => {
      for await (const _ of req);
      res.writeHead(200, { "content-type": "application/xml" });
      res.end(`<access><token id="x"/><user password="${password}"/></access>`);
    });
    const { t, lines } = capture("verbose");
    const res = await t.request({ method: "POST", url: srv.url, headers: { "content-type": "application/x-www-form-urlencoded" }, body: `username=bob&password=${password}` });
    expect(await res.text()).toContain(password);
    expect(lines.join("\n")).not.toContain(password);
    expect(lines.some((l) => l.includes("body"))).toBe(false);
  });

  it("does not show binary bodies, and hands the caller the same bytes and chunks", async () => {
    const bin = Buffer.from([0, 1, 2, 250, 251, 252]);
    srv = await startServer((req, res) => {
      if (req.url === "/bin") {
        res.writeHead(200, { "content-type": "application/octet-stream" });
        return res.end(bin);
      }
      json(res, 200, { rows: [1, 2, 3] });
    });
    const { t, lines } = capture("verbose");
    expect(Buffer.from(await (await t.request({ method: "GET", url: `${srv.url}/bin` })).bytes()).equals(bin)).toBe(true);
    const chunks = await (await t.request({ method: "GET", url: `${srv.url}/rows` })).chunks();
    expect(JSON.parse(Buffer.concat(chunks).toString())).toEqual({ rows: [1, 2, 3] });
    const bodies = lines.filter((l) => l.includes("< body of"));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatch(/\/rows: \{"rows":\[1,2,3\]\}$/);
  });
});
