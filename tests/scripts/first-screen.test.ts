// A newcomer's first screen: the repo's own config must not make npm (which npx and pnpm start
// from) warn, and turbo must not print its telemetry notice, on a machine that has never run it.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const sh = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  new Promise<{ code: number; out: string }>((resolve) =>
    execFile(cmd, args, { cwd: root, env: { ...process.env, ...env }, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    ),
  );

describe("first screen", () => {
  it("npm reads the project config without a warning", async () => {
    const r = await sh("npm", ["config", "get", "registry"]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/npm warn/i);
  });

  it("every root script that runs turbo runs it with telemetry off, and turbo then prints no notice", async () => {
    const scripts: Record<string, string> = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts;
    const turboRuns = Object.values(scripts).flatMap((s) => s.split("&&").map((p) => p.trim())).filter((p) => /(^|\s)turbo\s/.test(p));
    expect(turboRuns.length).toBeGreaterThan(0);
    for (const cmd of turboRuns) expect(cmd).toMatch(/^TURBO_TELEMETRY_DISABLED=1 turbo /);
    // a machine turbo has never seen: an empty config home
    const config = mkdtempSync(join(tmpdir(), "rax-turbo-config-"));
    try {
      const r = await sh(join(root, "node_modules", ".bin", "turbo"), ["run", "lint", "--dry=json"], {
        XDG_CONFIG_HOME: config,
        TURBO_TELEMETRY_DISABLED: "1",
      });
      expect(r.out).not.toMatch(/telemetry/i);
    } finally {
      rmSync(config, { recursive: true, force: true });
    }
  });
});
