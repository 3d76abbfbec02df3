// scripts/lint-package.mjs (each package's lint task): the hand-written invariants, then publint and
// @arethetypeswrong/cli on the packed tarball. A package whose exports point at files the tarball
// lacks must fail; a well-formed one must pass.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const lint = fileURLToPath(new URL("../../scripts/lint-package.mjs", import.meta.url));
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function makePackage(files: Record<string, string>, pkg: Record<string, unknown> = {}): void {
  dir = mkdtempSync(join(tmpdir(), "rax-lint-pkg-"));
  mkdirSync(join(dir, "dist"));
  const manifest = {
    name: "@rax/lint-probe",
    version: "1.0.0",
    type: "module",
    sideEffects: false,
    engines: { node: ">=20.18.1" },
    main: "./dist/index.cjs",
    types: "./dist/index.d.ts",
    exports: {
      ".": {
        import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
        require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
      },
      "./package.json": "./package.json",
    },
    files: ["dist", "README.md"],
    ...pkg,
  };
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, "README.md"), "# probe\n\nA package for the lint test.\n");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

const run = (): Promise<{ code: number; out: string }> =>
  new Promise((resolve) =>
    execFile("node", [lint], { cwd: dir, timeout: 120_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    ),
  );

const good = {
  "dist/index.js": "export const x = 1;\n",
  "dist/index.d.ts": "export declare const x: number;\n",
  "dist/index.cjs": "exports.x = 1;\n",
  "dist/index.d.cts": "export declare const x: number;\n",
};

describe("lint-package.mjs", () => {
  it("passes a package whose ESM, CJS and both type files are in the tarball", { timeout: 120_000 }, async () => {
    makePackage(good);
    const r = await run();
    expect(r.out).toBe("");
    expect(r.code).toBe(0);
  });

  it("fails through publint and attw when the CJS types are missing from the tarball", { timeout: 120_000 }, async () => {
    const { ["dist/index.d.cts"]: _, ...withoutCts } = good;
    makePackage(withoutCts);
    const r = await run();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/publint failed/);
    expect(r.out).toMatch(/attw failed/);
  });

  it("fails when the CJS build is typed with ESM types (attw's masquerading-as-CJS)", { timeout: 120_000 }, async () => {
    makePackage(good, {
      exports: {
        ".": {
          import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
          require: { types: "./dist/index.d.ts", default: "./dist/index.cjs" },
        },
        "./package.json": "./package.json",
      },
    });
    const r = await run();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/attw failed/);
  });

  it("fails before packing when dist/ is missing", async () => {
    makePackage({});
    rmSync(join(dir, "dist"), { recursive: true });
    const r = await run();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/dist\/ missing/);
  });
});
