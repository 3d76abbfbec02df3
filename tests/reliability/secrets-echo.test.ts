import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { Redirected, ServiceClient, StaticSession, Transport } from "@rax/core";
import { Context, type ContextOptions } from "@rax/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A hostile identity server on loopback that echoes what it was sent — the JSON body, the headers,
// in a JSON error, an HTML page (escaped as HTML), a text/xml page, a Python repr — or answers a
// token in shapes rax's patterns must catch before identity registers it. Every auth flavour runs
// with debug "verbose"; neither the log nor any printed form of the error shows a secret in any
// encoding.

const hex = (n: number) => randomBytes(n).toString("hex");
// Quotes, < and & make the HTML-escaped echo differ from every other encoding of it.
const PASSWORD = `pw"<&'-${hex(10)}`;
const API_KEY = `key${hex(12)}`;
const APP_SECRET = `appsecret-${hex(12)}`;
const USER_TOKEN = `usertoken${hex(12)}`;
const ISSUED = `issued${hex(12)}`;

const htmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
const pyRepr = (v: unknown): string =>
  typeof v === "string" ? `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'` : Array.isArray(v) ? `[${v.map(pyRepr).join(", ")}]` : v && typeof v === "object" ? `{${Object.entries(v).map(([k, x]) => `'${k}': ${pyRepr(x)}`).join(", ")}}` : String(v);

/** Every encoding in which a secret could be read back from a log or an error. */
function forms(s: string): string[] {
  // The random tail alone too: a mask that cuts a secret short still leaks it.
  return [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s), htmlEscape(s), Buffer.from(s).toString("base64").slice(0, 12), pyRepr(s).slice(1, -1), s.slice(-16)];
}
const ALL = [PASSWORD, API_KEY, APP_SECRET, USER_TOKEN, ISSUED];

type Mode = "echo-json" | "echo-html" | "echo-xml" | "echo-python" | "redirect" | "late-id";
let mode: Mode = "echo-json";
let server: Server;
let base: string;

function answer(req: IncomingMessage, body: string): { status: number; headers: Record<string, string>; text: string } {
  const sent = `${req.method} ${req.url} headers=${JSON.stringify(req.headers)} body=${body}`;
  let parsed: unknown = body;
  try {
    parsed = JSON.parse(body);
  } catch {
    // not JSON: echoed as text
  }
  switch (mode) {
    case "echo-json":
      return { status: 401, headers: { "content-type": "application/json" }, text: JSON.stringify({ unauthorized: { code: 401, message: `Bad credentials: ${sent}` }, echo: { headers: req.headers, body: parsed } }) };
    case "echo-html":
      return { status: 500, headers: { "content-type": "text/html" }, text: `<html><head><title>500</title></head><body><h1>Internal Server Error</h1><pre>${htmlEscape(sent)}</pre><p>Parsed: ${htmlEscape(pyRepr(parsed))}</p></body></html>` };
    case "echo-xml":
      return { status: 400, headers: { "content-type": "text/xml" }, text: `<?xml version="1.0"?><badRequest code="400"><message>rejected</message><details>${htmlEscape(sent)}</details></badRequest>` };
    case "echo-python":
      return { status: 400, headers: { "content-type": "application/json" }, text: JSON.stringify({ error: { code: 400, title: "Bad Request", message: `Invalid input ${pyRepr(parsed)} with headers ${pyRepr(req.headers)}` } }) };
    case "redirect": {
      const token = (req.headers["x-auth-token"] as string | undefined) ?? USER_TOKEN;
      return { status: 302, headers: { location: `${base}/elsewhere?token=${token}#access_token=${ISSUED}` }, text: "" };
    }
    case "late-id":
      if (req.url?.endsWith("/v3/auth/tokens")) {
        return { status: 201, headers: { "content-type": "application/json", "x-subject-token": ISSUED }, text: JSON.stringify({ token: { expires_at: "2099-01-01T00:00:00Z", methods: ["password"], user: { id: "u", name: "u", domain: { id: "default", name: "Default" } }, project: { id: "p", name: "p", domain: { id: "default" } }, catalog: [] } }) };
      }
      // the token id after a nested tenant object, as a proxy or another Keystone may order it
      return { status: 200, headers: { "content-type": "application/json" }, text: JSON.stringify({ access: { token: { expires: "2099-01-01T00:00:00Z", tenant: { id: "t", name: "t" }, id: ISSUED }, serviceCatalog: [], user: { id: "u", name: "u", roles: [] } } }) };
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const a = answer(req, Buffer.concat(chunks).toString());
      res.writeHead(a.status, a.headers);
      res.end(a.text);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Every way a user sees an error: message, String, stack, inspect (all of it), JSON, each cause. */
function renderings(e: unknown): string[] {
  const out: string[] = [String(e), inspect(e, { depth: Infinity, showHidden: true }), JSON.stringify(e), JSON.stringify({ ...(e as object) })];
  let c: unknown = e;
  for (let i = 0; c && i < 10; i++, c = (c as Error).cause) {
    const err = c as Error & { body?: unknown; headers?: unknown; errors?: unknown[] };
    out.push(err.message ?? "", err.stack ?? "", JSON.stringify(err.body) ?? "", JSON.stringify(err.headers) ?? "", inspect(err, { depth: Infinity, showHidden: true }));
    for (const inner of err.errors ?? []) out.push(inspect(inner, { depth: Infinity, showHidden: true }));
  }
  return out;
}

function leaksIn(texts: string[]): string[] {
  const found: string[] = [];
  for (const t of texts) for (const s of ALL) for (const f of forms(s)) if (t.includes(f)) found.push(`${f} in ${t.slice(0, 160)}`);
  return found;
}

const FLAVOURS: Record<string, (endpoint: string) => ContextOptions> = {
  "Rackspace API key (RAX-KSKEY apiKeyCredentials)": (e) => ({ identityType: "rackspace", authEndpoint: `${e}/v2.0`, username: "u", apiKey: API_KEY }),
  "Rackspace password": (e) => ({ identityType: "rackspace", authEndpoint: `${e}/v2.0`, username: "u", password: PASSWORD }),
  "Keystone v2 password": (e) => ({ identityType: "keystone", authEndpoint: `${e}/v2.0`, username: "u", password: PASSWORD, tenantName: "t" }),
  "Keystone v3 password": (e) => ({ identityType: "keystone", authEndpoint: `${e}/v3`, username: "u", password: PASSWORD, tenantName: "p" }),
  "Keystone v3 token": (e) => ({ identityType: "keystone", authEndpoint: `${e}/v3`, token: USER_TOKEN, tenantName: "p" }),
  "Keystone v3 application credential": (e) => ({ identityType: "keystone", authEndpoint: `${e}/v3`, applicationCredentialId: "ac1", applicationCredentialSecret: APP_SECRET }),
};

async function attempt(options: ContextOptions): Promise<{ lines: string[]; error: unknown }> {
  const lines: string[] = [];
  const ctx = new Context({ ...options, configFile: false, env: {}, debug: "verbose", logger: (l) => lines.push(l) });
  const error = await ctx.authenticate().then(
    () => undefined,
    (e: unknown) => e,
  );
  await ctx.close();
  return { lines, error };
}

describe("secrets-echo: a server that echoes every auth request back", () => {
  for (const m of ["echo-json", "echo-html", "echo-xml", "echo-python", "redirect"] as const) {
    for (const [flavour, options] of Object.entries(FLAVOURS)) {
      it(`${m}: ${flavour}`, async () => {
        mode = m;
        const { lines, error } = await attempt(options(base));
        expect(error).toBeInstanceOf(Error);
        // the verbose log really ran: request headers and the response status were written
        expect(lines.some((l) => l.startsWith("rax: < HTTP"))).toBe(true);
        expect(leaksIn([...lines, ...renderings(error)])).toEqual([]);
      });
    }
  }
});

describe("secrets-echo: a token answered in a shape read before identity registers it", () => {
  for (const flavour of ["Rackspace API key (RAX-KSKEY apiKeyCredentials)", "Keystone v2 password", "Keystone v3 password"]) {
    it(`late-id: ${flavour}`, async () => {
      mode = "late-id";
      const { lines } = await attempt(FLAVOURS[flavour](base));
      expect(lines.some((l) => l.includes("< body of POST"))).toBe(true);
      expect(leaksIn(lines)).toEqual([]);
    });
  }
});

describe("secrets-echo: v1.0 auth headers and Swift token headers through core's transport", () => {
  it("X-Auth-User/X-Auth-Key sent, X-Auth-Token/X-Storage-Token/temp-URL key headers answered: none in the verbose log", async () => {
    const v1 = createServer((req, res) => {
      req.resume();
      res.writeHead(req.headers["x-auth-key"] === API_KEY ? 204 : 401, {
        "x-auth-token": ISSUED,
        "x-storage-token": ISSUED,
        "x-storage-url": "http://127.0.0.1/v1/AUTH_t",
        "x-account-meta-temp-url-key": APP_SECRET,
        "x-container-meta-temp-url-key-2": APP_SECRET,
        "set-cookie": `sid=${USER_TOKEN}`,
      });
      res.end();
    });
    await new Promise<void>((r) => v1.listen(0, "127.0.0.1", r));
    const lines: string[] = [];
    const t = new Transport({ debug: "verbose", logger: (l) => lines.push(l) });
    try {
      const url = `http://127.0.0.1:${(v1.address() as AddressInfo).port}/auth/v1.0`;
      const res = await t.request({ method: "GET", url, headers: { "x-auth-user": "u", "x-auth-key": API_KEY, "x-storage-pass": PASSWORD } });
      expect(res.status).toBe(204);
      expect(lines.some((l) => /x-storage-token: \[REDACTED\]/i.test(l))).toBe(true);
      expect(leaksIn(lines)).toEqual([]);
    } finally {
      await t.close();
      await new Promise<void>((r) => v1.close(() => r()));
    }
  });

  it("a 3xx whose Location carries the token and an access_token fragment: Redirected shows neither", async () => {
    mode = "redirect";
    class Echo extends ServiceClient {
      static override readonly serviceType = "echo";
    }
    const lines: string[] = [];
    const session = new StaticSession({ token: USER_TOKEN, endpoint: base, transportOptions: { debug: "verbose", logger: (l: string) => lines.push(l) } });
    const e = await new Echo(session).send({ method: "GET", path: "/thing" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Redirected);
    expect((e as Redirected).location).toMatch(/token=\[REDACTED\]#access_token=\[REDACTED\]$/);
    expect(leaksIn([...lines, ...renderings(e)])).toEqual([]);
    await session.transport.close();
  });
});
