import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../src/index";

// The point of the URL layout: tools written for real OpenStack (Debian's python-openstackclient
// and python-swiftclient, where installed) work against the emulator unchanged.
const run = promisify(execFile);
const has = (tool: string) => existsSync(`/usr/bin/${tool}`);

let emu: RunningEmulator;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  emu = await startEmulator({ regions: ["RegionOne"], users: [{ username: "demo", password: "secret", project: "demo", roles: ["member"] }] });
  env = {
    PATH: process.env.PATH,
    HOME: mkdtempSync(join(tmpdir(), "rax-emu-tools-")),
    // The root URL, as a user would paste it: keystoneauth discovers /v3 from the version list.
    OS_AUTH_URL: emu.url,
    OS_IDENTITY_API_VERSION: "3",
    OS_USERNAME: "demo",
    OS_PASSWORD: "secret",
    OS_PROJECT_NAME: "demo",
    OS_USER_DOMAIN_ID: "default",
    OS_PROJECT_DOMAIN_ID: "default",
    OS_REGION_NAME: "RegionOne",
  };
});
afterAll(() => emu?.stop());

describe.skipIf(!has("openstack"))("the openstack CLI", () => {
  it("issues a token and lists the catalog", { timeout: 120_000 }, async () => {
    const token = await run("openstack", ["token", "issue", "-f", "json"], { env });
    const issued = JSON.parse(token.stdout) as { project_id: string; user_id: string };
    expect(issued.project_id).toBe(emu.users[0]!.tenantId);
    const catalog = await run("openstack", ["catalog", "list", "-f", "json"], { env });
    const types = (JSON.parse(catalog.stdout) as Array<{ Type: string }>).map((s) => s.Type);
    expect(types).toEqual(expect.arrayContaining(["identity", "object-store", "compute"]));
  });
});

describe.skipIf(!has("swift"))("python-swiftclient (swift)", () => {
  it("uploads and downloads through the catalog's Swift endpoint, and its temp URL is accepted", { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "rax-emu-swift-"));
    const file = join(dir, "hello.txt");
    writeFileSync(file, "hello from swiftclient\n");
    await run("swift", ["upload", "tools", file, "--object-name", "hello.txt"], { env, cwd: dir });
    const downloaded = await run("swift", ["download", "tools", "hello.txt", "-o", "-"], { env });
    expect(downloaded.stdout).toBe("hello from swiftclient\n");
    await run("swift", ["post", "-m", "Temp-URL-Key:k"], { env });
    const storage = `${emu.endpoint("object-store", "RegionOne")}/v1/MossoCloudFS_${emu.users[0]!.tenantId}`;
    const signed = await run("swift", ["tempurl", "GET", "600", `${new URL(storage).pathname}/tools/hello.txt`, "k"], { env });
    const res = await fetch(`${new URL(storage).origin}${signed.stdout.trim()}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("hello from swiftclient\n");
  });
});
