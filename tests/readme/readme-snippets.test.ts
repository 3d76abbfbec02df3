// Every README snippet runs as written: each ```ts block that is a whole program (it imports what it
// uses) is written to a file and imported, with the settings a reader would have — CLOUD_* variables
// and no config file — pointing at a fresh @rax/emulator. A snippet that throws fails its test.
// The root README's blocks must all run; a package README's block may be listed in SKIP with the
// reason it cannot run here (a service the emulator does not serve yet, a placeholder the reader
// fills in), and one that stops on a name it never defines is skipped, naming it.
import { DEFAULT_REGIONS, startEmulator, type RunningEmulator } from "@rax/emulator";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isProgram, snippetsOf, type Snippet } from "./snippets";

const root = fileURLToPath(new URL("../..", import.meta.url));
const runDir = join(root, "tests", "readme", ".run");

/** package README blocks that cannot run against the emulator, by a phrase each contains */
const SKIP: { file: string; contains: string; reason: string }[] = [
  { file: "packages/identity/README.md", contains: "process.env.RAX_KEY", reason: "authenticates at the real Rackspace identity (no authEndpoint)" },
  { file: "packages/object-store/README.md", contains: "new StaticSession({ token,", reason: "`token` and `storageUrl` are the reader's own" },
  { file: "packages/core/README.md", contains: "", reason: "core's blocks show its API on placeholders (a session, an endpoint)" },
  { file: "packages/emulator/README.md", contains: "msw/node", reason: "mounts the handlers in the reader's own msw server" },
];

const readmes = ["README.md", ...readdirSync(join(root, "packages")).map((d) => `packages/${d}/README.md`).filter((f) => existsSync(join(root, f)))];
const all = readmes.flatMap((f) => snippetsOf(root, f)).filter(isProgram);
const skipOf = (s: Snippet) => (s.file === "README.md" ? undefined : SKIP.find((k) => k.file === s.file && s.code.includes(k.contains)));

let emu: RunningEmulator;
let home: string;
const saved = { ...process.env };

beforeAll(async () => {
  // the umbrella README indexes a region with dots (`rax["region-a.geo-1"]`): the reader's cloud has one
  emu = await startEmulator({ regions: [...DEFAULT_REGIONS, "region-a.geo-1"] });
  // a block that continues the emulator README's first one uses its `emu`
  (globalThis as { emu?: RunningEmulator }).emu = emu;
  home = mkdtempSync(join(tmpdir(), "rax-readme-home-"));
  mkdirSync(runDir, { recursive: true });
  // what a reader has: an empty home (no ~/.rax.cfg) and the CLOUD_* variables of their account
  for (const k of Object.keys(process.env)) if (k.startsWith("CLOUD_") || k.startsWith("RAX_")) delete process.env[k];
  Object.assign(process.env, {
    HOME: home,
    CLOUD_ID_TYPE: "rackspace",
    CLOUD_AUTH_ENDPOINT: emu.authUrl,
    CLOUD_USERNAME: "demo",
    CLOUD_API_KEY: "demo-api-key",
  });
});

afterAll(async () => {
  process.env = saved;
  delete (globalThis as { emu?: RunningEmulator }).emu;
  await emu?.stop();
  rmSync(home, { recursive: true, force: true });
  rmSync(runDir, { recursive: true, force: true });
});

describe("README snippets", () => {
  it("the root README's Using it section has runnable snippets", () => {
    expect(all.filter((s) => s.file === "README.md").length).toBeGreaterThanOrEqual(2);
  });

  for (const s of all) {
    const skip = skipOf(s);
    const name = `${s.file}:${s.line}${skip ? ` (skipped: ${skip.reason})` : ""}`;
    it.skipIf(Boolean(skip))(name, async (ctx) => {
      const file = join(runDir, `${s.file.replace(/[^a-z0-9]+/gi, "-")}-${s.line}.ts`);
      writeFileSync(file, s.code);
      emu.clearRequests();
      // each snippet in its own module, as a reader's script; top-level await runs it
      try {
        await import(/* @vite-ignore */ file);
      } catch (e) {
        // a package README's block may use a placeholder it does not define (`server`, `img`: what
        // the reader has at hand); that block is reported as skipped, naming it. Anything else fails.
        const free = e instanceof ReferenceError && s.file !== "README.md" ? /^(\S+) is not defined$/.exec(e.message) : null;
        if (free) ctx.skip(`uses \`${free[1]}\`, which the block does not define`);
        throw e;
      }
      if (s.file === "README.md") {
        // it really used the cloud: authenticated, and every call it made succeeded
        const log = emu.requests.map((r) => `${r.method} ${r.path} ${r.status}`);
        expect(log.some((l) => l.startsWith("POST /v2.0/tokens 200"))).toBe(true);
        expect(log.filter((l) => !/ [23]\d\d$/.test(l))).toEqual([]);
      }
    });
  }
});
