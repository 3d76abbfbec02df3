import { afterEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { ServiceClient, StaticSession, Transport, ValidationError, type DebugLogger } from "../src/index";
import { json, startServer, type TestServer } from "./helpers";

// pyrax's per-service `http_log_debug`: a client's own debug switch, for its requests only.

class Volumes extends ServiceClient {
  static override readonly serviceType = "volume";
  get(path: string) {
    return this.json({ method: "GET", path });
  }
}

class Servers extends ServiceClient {
  static override readonly serviceType = "compute";
  get(path: string) {
    return this.json({ method: "GET", path });
  }
}

const TOKEN = "gAAAAABclientDebugToken0042";
const PASSWORD = "client-debug-Pa55word";

afterEach(() => vi.unstubAllEnvs());

/** A transport (no retries) closed when the test ends. */
function newTransport(o: ConstructorParameters<typeof Transport>[0]): Transport {
  const t = new Transport({ retry: { maxAttempts: 1 }, ...o });
  onTestFinished(() => t.close());
  return t;
}

async function server(): Promise<TestServer> {
  const srv = await startServer(async (req, res) => {
    for await (const _ of req);
    if (req.url?.endsWith("/missing")) return json(res, 404, { itemNotFound: { message: `nothing for ${req.headers["x-auth-token"]}`, code: 404 } });
    // A body with a secret in it, as an admin password reset answers.
    json(res, 200, { path: req.url, adminPass: PASSWORD, password: PASSWORD }, { "x-openstack-request-id": "req-42" });
  });
  onTestFinished(() => srv.close());
  return srv;
}

/** One session (one transport) and two clients on it; `transportLines` gets the transport's own log. */
async function twoClients(transportDebug: boolean | "verbose") {
  vi.stubEnv("RAX_DEBUG", "");
  vi.stubEnv("CLOUD_DEBUG", "");
  const s = await server();
  const transportLines: string[] = [];
  const transport = newTransport({ debug: transportDebug, ...(transportDebug ? { logger: (l: string) => transportLines.push(l) } : {}) });
  const session = new StaticSession({ token: TOKEN, endpoint: s.url, transport });
  return { volumes: new Volumes(session), servers: new Servers(session), transportLines, srv: s };
}

function sink(): { lines: string[]; log: DebugLogger } {
  const lines: string[] = [];
  return { lines, log: (l) => lines.push(l) };
}

describe("client httpLogDebug", () => {
  it("logs that client's requests only while the context logs nothing", async () => {
    const { volumes, servers, transportLines } = await twoClients(false);
    const { lines, log } = sink();
    volumes.setHttpDebug(true, log);
    await volumes.get("/volumes");
    await servers.get("/servers");
    await volumes.get("/volumes/detail");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^rax: GET http:\/\/127\.0\.0\.1:\d+\/volumes -> 200 \(\d+ ms, attempt 1\) request-id req-42$/);
    expect(lines[1]).toMatch(/^rax: GET http:\/\/127\.0\.0\.1:\d+\/volumes\/detail -> 200 /);
    expect(transportLines).toEqual([]);
    expect(lines.join("\n")).not.toContain("/servers");
  });

  it("writes to stderr when no logger was given anywhere (pyrax's `http_log_debug = True`)", async () => {
    const { volumes, servers } = await twoClients(false);
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    onTestFinished(() => spy.mockRestore());
    volumes.httpLogDebug = true;
    await volumes.get("/volumes");
    await servers.get("/servers");
    spy.mockRestore();
    const ours = written.filter((w) => w.startsWith("rax: "));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatch(/^rax: GET http:\/\/127\.0\.0\.1:\d+\/volumes -> 200 .*\n$/);
  });

  it('"verbose" shows headers and bodies, every secret masked', async () => {
    const { volumes, servers } = await twoClients(false);
    const { lines, log } = sink();
    volumes.setHttpDebug("verbose", log);
    expect(volumes.httpLogDebug).toBe("verbose");
    expect(await volumes.get("/volumes")).toMatchObject({ adminPass: PASSWORD });
    await expect(volumes.get("/missing")).rejects.toMatchObject({ status: 404 });
    await servers.get("/servers");
    expect(lines).toContainEqual(expect.stringMatching(/^rax: > GET http:\/\/127\.0\.0\.1:\d+\/volumes \(attempt 1\)$/));
    expect(lines).toContain("rax: > x-auth-token: [REDACTED]");
    expect(lines).toContain("rax: > accept: application/json");
    expect(lines).toContain("rax: < HTTP 200");
    expect(lines).toContain("rax: < x-openstack-request-id: req-42");
    expect(lines).toContainEqual(expect.stringMatching(/^rax: < body of GET .*\/volumes: \{"path":"\/volumes","adminPass":"\[REDACTED\]","password":"\[REDACTED\]"\}$/));
    // The error body the transport read for the NotFound, with the echoed token masked.
    expect(lines).toContainEqual(expect.stringMatching(/^rax: < body of GET .*\/missing: \{"itemNotFound":\{"message":"nothing for \[REDACTED\]"/));
    const all = lines.join("\n");
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain("/servers");
  });

  it("false silences that client while the context logs; its sibling still logs", async () => {
    const { volumes, servers, transportLines } = await twoClients(true);
    volumes.httpLogDebug = false;
    await volumes.get("/volumes");
    await servers.get("/servers");
    expect(transportLines).toHaveLength(1);
    expect(transportLines[0]).toMatch(/^rax: GET http:\/\/127\.0\.0\.1:\d+\/servers -> 200 /);
  });

  it("a client's level replaces the context's for it: verbose on a one-line context, into the context's logger", async () => {
    const { volumes, servers, transportLines } = await twoClients(true);
    volumes.httpLogDebug = "verbose";
    await volumes.get("/volumes");
    await servers.get("/servers");
    expect(transportLines).toContain("rax: > x-auth-token: [REDACTED]");
    expect(transportLines.filter((l) => l.startsWith("rax: > GET"))).toHaveLength(1);
    // The sibling stays at the context's one line.
    expect(transportLines.filter((l) => l.includes("/servers"))).toHaveLength(1);
    expect(transportLines.join("\n")).not.toContain(PASSWORD);
  });

  it("undefined hands the decision back to the context", async () => {
    const { volumes, transportLines } = await twoClients(true);
    const { lines, log } = sink();
    volumes.setHttpDebug(false, log);
    await volumes.get("/a");
    volumes.httpLogDebug = undefined;
    await volumes.get("/b");
    expect(volumes.httpLogDebug).toBeUndefined();
    expect(lines).toEqual([]);
    expect(transportLines).toHaveLength(1);
    expect(transportLines[0]).toContain("/b -> 200");
  });

  it("a logger given with no level turns nothing on, and is used once a level is set", async () => {
    const { lines, log } = sink();
    const s = await server();
    const session = new StaticSession({ token: TOKEN, endpoint: s.url, transport: newTransport({ debug: false }) });
    const volumes = new Volumes(session);
    volumes.setHttpDebug(undefined, log);
    await volumes.get("/quiet");
    expect(lines).toEqual([]);
    volumes.httpLogDebug = true;
    await volumes.get("/loud");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("/loud -> 200");
  });

  it("refuses a level or logger that is not one, naming the field, before any request", async () => {
    const { volumes, srv } = await twoClients(false);
    expect(() => {
      volumes.httpLogDebug = "yes" as never;
    }).toThrow(ValidationError);
    expect(() => volumes.setHttpDebug(1 as never)).toThrow(/httpLogDebug/);
    expect(() => volumes.setHttpDebug(true, "stderr" as never)).toThrow(/logger/);
    // Nothing changed by the refused calls.
    expect(volumes.httpLogDebug).toBeUndefined();
    expect(srv.requests).toHaveLength(0);
  });

  it("printing shows the client's level, never its logger", async () => {
    const { volumes, servers } = await twoClients(false);
    volumes.setHttpDebug("verbose", () => {});
    expect(volumes.toJSON()).toMatchObject({ httpLogDebug: "verbose" });
    expect(servers.toJSON()).not.toHaveProperty("httpLogDebug");
    expect(JSON.stringify(volumes)).not.toContain("logger");
  });
});

describe("a request's own debug setting (the transport side)", () => {
  it("debug and logger on one request log it alone; false silences one request of a logging transport", async () => {
    const s = await server();
    const shared = sink();
    const own = sink();
    const transport = newTransport({ logger: shared.log, debug: true });
    await (await transport.request({ method: "GET", url: `${s.url}/one`, debug: "verbose", logger: own.log })).json();
    await (await transport.request({ method: "GET", url: `${s.url}/two`, debug: false })).dump();
    await (await transport.request({ method: "GET", url: `${s.url}/three` })).dump();
    expect(own.lines).toContain("rax: < HTTP 200");
    expect(own.lines.every((l) => !l.includes("/two") && !l.includes("/three"))).toBe(true);
    expect(shared.lines).toHaveLength(1);
    expect(shared.lines[0]).toContain("/three -> 200");
  });

  it("refuses a request debug value that is not a level", async () => {
    const s = await server();
    const transport = newTransport({});
    await expect(transport.request({ method: "GET", url: s.url, debug: "loud" as never })).rejects.toThrow(/debug/);
    expect(s.requests).toHaveLength(0);
  });
});
