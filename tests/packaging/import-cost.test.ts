// "Nothing runs at import that the first call does not need" (issue #16): each built package is
// loaded in a fresh process by import-probe.cjs, which records what loading it did. Runs after
// `turbo run build` (pnpm test); `node tests/packaging/import-probe.cjs --all` prints the table.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const probe = join(root, "tests", "packaging", "import-probe.cjs");
const run = promisify(execFile);
const built = readdirSync(join(root, "packages")).filter((d) => existsSync(join(root, "packages", d, "dist", "index.cjs")));

interface Probe {
  package: string;
  files: Record<string, number>;
  zodCalls: number;
  zodByName: Record<string, number>;
  undiciLoaded: boolean;
  enginesLoaded: string[];
  timers: Record<string, number>;
  listeners: Record<string, number>;
}

async function probeOf(dir: string): Promise<Probe> {
  const { stdout } = await run(process.execPath, [probe, join(root, "packages", dir)], { timeout: 60_000 });
  return JSON.parse(stdout) as Probe;
}

describe.skipIf(built.length === 0)("what loading a built package runs", () => {
  it.each(built.filter((d) => d !== "emulator"))("@rax/%s: no HTTP client, timer or process listener at import", async (dir) => {
    const p = await probeOf(dir);
    // undici (and its dispatcher) load on the first request, not before; so does either HTTP engine.
    expect(p.undiciLoaded).toBe(false);
    expect(p.enginesLoaded).toEqual([]);
    expect(p.timers).toEqual({});
    expect(p.listeners).toEqual({});
  });

  // Service packages hold their schemas in core's lazy(): a call builds what it uses, import builds none.
  // Every package: none builds a zod schema at import.
  const lazySchemas = ["core", "identity", "compute", "block-storage", "networks", "images", "object-store", "load-balancers", "monitoring", "dns", "queues", "databases", "autoscale"];
  it.each(lazySchemas.filter((d) => built.includes(d)))("@rax/%s: no zod schema is built at import", async (dir) => {
    const p = await probeOf(dir);
    expect(p.zodByName).toEqual({});
  });

  // Core parses through the schema's own safeParse and loads only zod's English messages
  // (locales/en and the util/core files it needs), not zod's index (every locale, all schema code).
  it.skipIf(!built.includes("core"))("@rax/core loads only zod's English messages, not zod", async () => {
    expect((await probeOf("core")).files.zod).toBeLessThanOrEqual(3);
  });

  it.skipIf(!built.includes("core"))("the probe sees an engine loaded (so its 'none at import' can fail)", async () => {
    const { stdout } = await run(process.execPath, [probe, join(root, "tests", "packaging", "fixtures", "loads-http-engine.cjs")], { timeout: 60_000 });
    expect((JSON.parse(stdout) as Probe).enginesLoaded).toEqual(["node-http-engine.cjs"]);
  });

  it("the probe counts the schemas a module builds at import, and not those behind lazy()", async () => {
    // A synthetic module, so the check does not depend on which packages still build schemas at import.
    const { stdout } = await run(process.execPath, [probe, join(root, "tests", "packaging", "fixtures", "eager-and-lazy-schemas.cjs")], { timeout: 60_000 });
    const p = JSON.parse(stdout) as Probe;
    expect(p.zodByName).toEqual({ object: 1, string: 1 });
    expect(p.files.zod).toBeGreaterThan(0);
  });
});
