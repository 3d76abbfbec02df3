import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
let child: ChildProcess | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
});

function start(args: string[]): Promise<{ proc: ChildProcess; output: string }> {
  const proc = spawn(process.execPath, ["--import", "tsx", cli, ...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
  child = proc;
  return new Promise((resolve, reject) => {
    let output = "";
    proc.stdout!.on("data", (d) => {
      output += d.toString();
      if (output.includes("regions:")) resolve({ proc, output });
    });
    proc.stderr!.on("data", (d) => (output += d.toString()));
    proc.on("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

describe("rax-emulator CLI", () => {
  it("prints the URL and default credentials, serves auth, and exits 0 on SIGTERM", async () => {
    const { proc, output } = await start(["--port", "0"]);
    const url = /listening on (http:\/\/\S+)/.exec(output)![1]!;
    expect(output).toContain("username: demo");
    expect(output).toContain("api key: demo-api-key");
    const res = await fetch(`${url}/identity/v2.0/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ auth: { "RAX-KSKEY:apiKeyCredentials": { username: "demo", apiKey: "demo-api-key" } } }),
    });
    expect(res.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
    proc.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("serves several --user / --users accounts over Keystone v3, each in its project with its roles", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rax-emu-cli-"));
    const file = join(dir, "users.json");
    writeFileSync(file, JSON.stringify([{ username: "ops", password: "p:with:colons", project: "demo" }]));
    const { output } = await start(["--user", "admin:secret:admin:admin", "--user", "demo:secret:demo:member", "--users", file]);
    const url = /listening on (http:\/\/\S+)/.exec(output)![1]!;
    expect(output).toContain("username: admin");
    expect(output).not.toContain("username: demo  api key: demo-api-key");
    const auth = async (name: string, password: string, project: string) => {
      const res = await fetch(`${url}/v3/auth/tokens`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          auth: {
            identity: { methods: ["password"], password: { user: { name, domain: { id: "default" }, password } } },
            scope: { project: { name: project, domain: { id: "default" } } },
          },
        }),
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const admin = await auth("admin", "secret", "admin");
    expect(admin.status).toBe(201);
    expect(admin.body.token.project.name).toBe("admin");
    expect(admin.body.token.roles.map((r: any) => r.name).sort()).toEqual(["admin", "member", "reader"]);
    const demo = await auth("demo", "secret", "demo");
    expect(demo.status).toBe(201);
    expect(demo.body.token.roles.map((r: any) => r.name).sort()).toEqual(["member", "reader"]);
    expect(demo.body.token.project.id).not.toBe(admin.body.token.project.id);
    // A user naming the same project shares it (and its storage account).
    const ops = await auth("ops", "p:with:colons", "demo");
    expect(ops.status).toBe(201);
    expect(ops.body.token.project.id).toBe(demo.body.token.project.id);
    // Wrong project for the user: 401.
    expect((await auth("demo", "secret", "admin")).status).toBe(401);
  });

  it("refuses a malformed --user with exit code 2 and says what it expected", async () => {
    const proc = spawn(process.execPath, ["--import", "tsx", cli, "--user", "justaname"], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    child = proc;
    let err = "";
    proc.stderr.on("data", (d) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => proc.on("exit", resolve));
    expect(code).toBe(2);
    expect(err).toContain("name:password[:project[:role]]");
  });

  it("rejects a bad --port with exit code 2", async () => {
    const proc = spawn(process.execPath, ["--import", "tsx", cli, "--port", "banana"], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    child = proc;
    let err = "";
    proc.stderr.on("data", (d) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => proc.on("exit", resolve));
    expect(code).toBe(2);
    expect(err).toContain("--port");
  });
});
