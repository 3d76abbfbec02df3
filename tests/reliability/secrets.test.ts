import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConnectionError, Transport, Unauthorized } from "@rax/core";
import { AuthenticationFailed, Context } from "@rax/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SECRETS, addSecret, captured, debugLines, findLeaks, installLeakScan, recordError, rejectionOf } from "./harness/leak-scan";
import { TENANT, USERNAME, startWorld, type World } from "./harness/world";

// Secrets never show up in what the SDK prints or throws, even when a server echoes them back;
// credential files readable by others are flagged; TLS is verified unless the user opts out.

installLeakScan();

let w: World;
let dir: string;
beforeAll(async () => {
  w = await startWorld();
  await w.ctx.authenticate();
  dir = await mkdtemp(join(tmpdir(), "rax-rel-secrets-"));
});
afterAll(async () => {
  await w?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the leak scan itself", () => {
  it("finds a secret in an error and in a log line (so a clean scan means something)", () => {
    const fake = new Error(`token is ${SECRETS.apiKey}`);
    const leaks = findLeaks([
      ...[fake.message, String(fake)].map((text) => ({ where: "probe", text })),
      { where: "probe-line", text: `rax: X-Auth-Token: ${encodeURIComponent(SECRETS.password)}` },
    ]);
    expect(leaks.map((l) => l.where)).toEqual(["probe", "probe", "probe-line"]);
  });
});

describe("secrets in errors and logs", () => {
  it("a server that echoes the token and API key in an error body: neither appears in the error", async () => {
    const token = w.ctx.token as string;
    w.proxy.inject({
      match: { method: "GET", path: /\/echo$/ },
      fault: { kind: "status", status: 400, headers: { "content-type": "application/json" }, body: JSON.stringify({ badRequest: { code: 400, message: `bad token ${token} for key ${SECRETS.apiKey}` } }) },
    });
    const e = await rejectionOf(w.store.fetchObject("c", "echo"));
    expect(String(e)).toContain("bad token");
    // the afterAll scan checks every rendering; this makes the failure point here if it leaks
    expect(findLeaks().filter((l) => l.where.startsWith("error"))).toEqual([]);
  });

  it("a failed authentication does not show the API key or password", async () => {
    const ctx = new Context({ identityType: "rackspace", username: USERNAME, password: SECRETS.password, authEndpoint: `${w.proxy.url}/identity/v2.0`, configFile: false, env: {}, debug: true, logger: debugLines });
    w.proxy.inject({ match: { method: "POST", path: /\/tokens$/ }, fault: { kind: "status", status: 401, body: JSON.stringify({ unauthorized: { code: 401, message: `bad password ${SECRETS.password}` } }) } });
    const e = await rejectionOf(ctx.authenticate());
    expect(e).toBeInstanceOf(AuthenticationFailed);
    await ctx.close();
  });

  it("temp-URL keys and signatures stay out of logs and errors when the temp URL fails", async () => {
    await w.store.createContainer("tmp");
    await w.store.storeObject("tmp", "o", "temp");
    await w.store.setTempUrlKey(SECRETS.tempUrlKey);
    const url = await w.store.getTempUrl("tmp", "o", 600);
    const sig = new URL(url).searchParams.get("temp_url_sig") as string;
    addSecret(sig);
    w.proxy.inject({ match: { path: /\/tmp\/o$/ }, fault: { kind: "status", status: 401 } });
    const t = new Transport({ logger: debugLines });
    const e = await rejectionOf(t.request({ method: "GET", url }));
    expect(e).toBeInstanceOf(Unauthorized);
    expect(e.url).toContain("temp_url_sig=");
    await t.close();
    expect(await w.store.getTempUrlKey()).toBe(SECRETS.tempUrlKey);
  });

  it("debug logging really ran (the scan covers real traffic)", () => {
    expect(captured.lines.some((l) => l.includes(`/MossoCloudFS_${TENANT}`))).toBe(true);
    expect(captured.lines.some((l) => /POST .*\/tokens -> 200/.test(l))).toBe(true);
  });
});

describe("credential files", () => {
  const file = (mode: number) => join(dir, `cred-${mode.toString(8)}.ini`);
  async function warningsFor(mode: number): Promise<string[]> {
    const path = file(mode);
    await writeFile(path, `[rackspace_cloud]\nusername = ${USERNAME}\napi_key = ${SECRETS.apiKey}\n`);
    await chmod(path, mode);
    const before = captured.warnings.length;
    const ctx = new Context({ identityType: "rackspace", credentialFile: path, authEndpoint: `${w.proxy.url}/identity/v2.0`, configFile: false, env: {} });
    await new Promise((r) => setImmediate(r));
    await ctx.close();
    return captured.warnings.slice(before);
  }
  it("readable by group or others → a warning naming the file; 0600 → none", async () => {
    for (const mode of [0o644, 0o640, 0o604]) {
      const warnings = await warningsFor(mode);
      expect(warnings.join("\n"), mode.toString(8)).toContain(file(mode));
      expect(warnings.join("\n")).toContain("RAX_CREDENTIAL_FILE_MODE");
    }
    expect(await warningsFor(0o600)).toEqual([]);
  });
});

describe("TLS verification", () => {
  let url: string;
  let close: () => void;
  beforeAll(async () => {
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem"), "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
    const server = createServer({ key: await readFile(join(dir, "key.pem")), cert: await readFile(join(dir, "cert.pem")) }, (_req, res) => res.end("secret-free hello"));
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    close = () => server.close();
  });
  afterAll(() => close?.());

  it("a self-signed certificate is rejected by default (ConnectionError), without retry storms", async () => {
    const t = new Transport({ logger: debugLines });
    const e = await rejectionOf(t.request({ method: "GET", url }));
    expect(e).toBeInstanceOf(ConnectionError);
    expect(String(e.code ?? e.message)).toMatch(/CERT|SELF_SIGNED|certificate/i);
    await t.close();
  });

  it("verifySsl: false accepts it and warns", async () => {
    // The warning is once per process; forget that another test file already saw it.
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("rax.insecureTlsWarned")];
    const before = captured.warnings.length;
    const lines = captured.lines.length;
    const t = new Transport({ verifySsl: false, logger: debugLines });
    const res = await t.request({ method: "GET", url });
    expect(await res.text()).toBe("secret-free hello");
    await new Promise((r) => setImmediate(r));
    expect(captured.warnings.slice(before).join("\n")).toMatch(/verification is disabled/);
    expect(captured.lines.slice(lines).join("\n")).toMatch(/warning: TLS certificate verification is disabled/);
    await t.close();
  });
});
