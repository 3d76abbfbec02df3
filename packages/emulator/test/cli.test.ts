import { spawn, type ChildProcess } from "node:child_process";
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
