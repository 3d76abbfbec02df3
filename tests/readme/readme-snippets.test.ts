// Every README snippet runs as written: each ```ts block is written to a file and imported, with the
// settings a reader would have — CLOUD_* variables and no config file — pointing at a fresh
// @rax/emulator. A block that does not parse, throws, or uses a name it never defines fails its test,
// named by README path and line. The only way out is explicit and visible in the test's name: a
// `<!-- snippet: fragment — reason -->` (a piece of a program) or `<!-- snippet: skip — reason -->`
// (a program that cannot run here) comment right before the block; such a block is still parsed.
// A block that imports nothing and carries no marker fails: it is a fragment nobody said was one.
// The root README takes no marker: every block of it runs.
import { DEFAULT_REGIONS, startEmulator, type RunningEmulator } from "@rax/emulator";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isProgram, snippetsOf, syntaxErrors } from "./snippets";

const root = fileURLToPath(new URL("../..", import.meta.url));
const runDir = join(root, "tests", "readme", ".run");


const readmes = [
  "README.md",
  "examples/README.md",
  ...readdirSync(join(root, "packages")).map((d) => `packages/${d}/README.md`),
].filter((f) => existsSync(join(root, f)));
const all = readmes.flatMap((f) => snippetsOf(root, f));

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
    const out = s.optOut;
    const where = `${s.file}:${s.line}`;
    if (s.problem || out) {
      const name = s.problem ? where : `${where} (${out!.kind}, not run: ${out!.reason})`;
      it(name, () => {
        if (s.problem) throw new Error(`${where}: ${s.problem}`);
        // the root README is the first thing a reader copies from: all of it runs
        if (s.file === "README.md") throw new Error(`${where}: the root README's blocks all run; no fragment or skip marker there`);
        expect(syntaxErrors(s)).toEqual([]);
      });
      continue;
    }
    it(where, async () => {
      expect(syntaxErrors(s)).toEqual([]);
      if (!isProgram(s))
        throw new Error(`${where}: imports nothing, so it cannot run as written; import what it uses, or mark it <!-- snippet: fragment — why -->`);
      const file = join(runDir, `${s.file.replace(/[^a-z0-9]+/gi, "-")}-${s.line}.ts`);
      writeFileSync(file, s.code);
      emu.clearRequests();
      // each snippet in its own module, as a reader's script; top-level await runs it
      try {
        await import(/* @vite-ignore */ file);
      } catch (e) {
        // a name the block never defines (a `server` the reader is supposed to have) is the README's
        // mistake, not the library's: say where
        const free = e instanceof ReferenceError ? /^(\S+) is not defined$/.exec(e.message) : null;
        if (free) throw new Error(`${where}: uses \`${free[1]}\`, which the block does not define`, { cause: e });
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
