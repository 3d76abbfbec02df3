// Every package built on @rax/core gets zod/mini from core's copy: its build points "zod/mini" at
// `@rax/core/zod-mini` (packages/core/build/zod-mini-from-core.ts), which names each function it
// re-exports (packages/core/src/zod-mini.ts). Sources and their tests use zod itself, so a function a
// source starts using that core does not re-export would pass every unit test and be `undefined`
// in the built package: this scan catches it. The built checks run after `turbo run build`.
import { execFile } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parseSchema } from "../../packages/core/src/parse-schema";
import * as coreZod from "../../packages/core/src/zod-mini";
import { builtOnCore } from "../../packages/core/build/zod-mini-from-core";

const root = fileURLToPath(new URL("../..", import.meta.url));
const packagesDir = join(root, "packages");
const onCore = readdirSync(packagesDir).filter((d) => existsSync(join(packagesDir, d, "package.json")) && builtOnCore(join(packagesDir, d)));
const run = promisify(execFile);

/** The zod/mini exports `text` uses as values: `ns.name` of a namespace import, and named imports (types left out). */
export function zodMiniValuesUsed(text: string): string[] {
  const file = ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  const namespaces = new Set<string>();
  for (const s of file.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || !/^zod\/(?:v4\/)?mini$/.test(s.moduleSpecifier.text)) continue;
    if (!s.importClause || s.importClause.isTypeOnly) continue;
    const bindings = s.importClause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) if (!e.isTypeOnly) names.add((e.propertyName ?? e.name).text);
  }
  // Type positions (`z.output<S>`, `z.core.$ZodIssue`) are qualified names, not property accesses.
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && namespaces.has(n.expression.text)) {
      // zod's namespaces (`z.iso.datetime`): core's entry holds only the members used.
      names.add(ts.isPropertyAccessExpression(n.parent) && n.parent.expression === n ? `${n.name.text}.${n.parent.name.text}` : n.name.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  return [...names].sort();
}

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.[cm]?tsx?$/.test(e.name) && !e.name.endsWith(".d.ts"))
    .map((e) => join(e.parentPath, e.name));
}

describe("@rax/core/zod-mini holds what the packages built on core use", () => {
  it("the scan finds values used through a namespace or named import, not types", () => {
    const text = `
      import * as z from "zod/mini";
      import { trim, enum as zodEnum, type ZodMiniType } from "zod/mini";
      import type * as T from "zod/mini";
      const s = z.optional(z.string().check(z.minLength(1)));
      const d = z.iso.datetime();
      type A = z.output<typeof s>;
      function f(ctx: z.core.$RefinementCtx, t: T.ZodMiniType): ZodMiniType { return T as never; }
      const other = { z: 1 }.z;
    `;
    expect(zodMiniValuesUsed(text)).toEqual(["enum", "iso.datetime", "minLength", "optional", "string", "trim"]);
  });

  it("the scan sees the packages' sources (so an empty list cannot pass for a clean one)", () => {
    expect(onCore).toEqual(expect.arrayContaining(["object-store", "compute", "identity"]));
    expect(onCore).not.toContain("core");
    const used = onCore.flatMap((d) => sources(join(packagesDir, d, "src")).flatMap((f) => zodMiniValuesUsed(readFileSync(f, "utf8"))));
    expect(used).toEqual(expect.arrayContaining(["looseObject", "optional", "string"]));
  });

  it.each(onCore)("@rax/%s: every zod/mini value its source uses is exported by core's entry", (dir) => {
    const missing = sources(join(packagesDir, dir, "src")).flatMap((file) =>
      zodMiniValuesUsed(readFileSync(file, "utf8"))
        .filter((name) => name.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], coreZod) === undefined)
        .map((name) => `${relative(root, file)}: z.${name}`),
    );
    expect(missing).toEqual([]);
  });
});

/** Bare specifiers a built file imports or requires. */
const importsOf = (code: string) => [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\(\s*)(["'])([^"'./][^"']*)\1/g)].map((m) => m[2] as string);
const builtFiles = (dir: string) =>
  existsSync(join(packagesDir, dir, "dist")) ? readdirSync(join(packagesDir, dir, "dist")).filter((f) => /\.c?js$/.test(f)).map((f) => join(packagesDir, dir, "dist", f)) : [];
const built = ["core", ...onCore].every((d) => existsSync(join(packagesDir, d, "dist", "index.cjs")));

describe.skipIf(!built)("built packages load one zod, core's", () => {
  it("core's build carries zod (zod-mini entry in both formats) and imports nothing of zod's package", () => {
    const files = builtFiles("core");
    expect(files.map((f) => f.slice(f.lastIndexOf("/") + 1))).toEqual(expect.arrayContaining(["zod-mini.js", "zod-mini.cjs"]));
    expect(files.flatMap((f) => importsOf(readFileSync(f, "utf8")).filter((s) => /^zod(?:\/|$)/.test(s)).map((s) => `${f}: ${s}`))).toEqual([]);
  });

  it.each(onCore)("@rax/%s: its build imports zod/mini's functions from @rax/core/zod-mini, never from zod", (dir) => {
    const specs = builtFiles(dir).flatMap((f) => importsOf(readFileSync(f, "utf8")).map((s) => `${relative(packagesDir, f)}: ${s}`));
    expect(specs.filter((s) => /: zod(?:\/|$)/.test(s))).toEqual([]);
  });

  it.each(["object-store", "compute"])("@rax/%s: require() and import load no file of zod's package", async (dir) => {
    const cjs = JSON.parse((await run(process.execPath, [join(root, "tests/packaging/import-probe.cjs"), join(packagesDir, dir)], { timeout: 60_000 })).stdout);
    const esm = JSON.parse((await run(process.execPath, [join(root, "tests/packaging/import-probe-esm.mjs"), join(packagesDir, dir)], { timeout: 60_000 })).stdout);
    for (const files of [cjs.files, esm.files]) {
      // The probe saw the load (the ESM probe leaves out the entry, now the package's only file).
      expect(files["@rax/core"]).toBeGreaterThan(0);
      expect(files.zod).toBeUndefined();
    }
  });

  it("a schema built with core's zod in the CJS and ESM builds parses through core with the messages zod itself gives", async () => {
    const schemaSource = `z.strictObject({ name: z.string().check(z.minLength(2)), size: z.optional(z.number().check(z.int())) })`;
    const input = { name: "a", size: 1.5, x: 1 };
    // What sources and their tests see: core's entry as source, i.e. zod's own package, parsed by core's source.
    const schema = new Function("z", `return ${schemaSource}`)(coreZod) as coreZod.ZodMiniType;
    const expected = parseSchema(schema, input).error?.issues.map((i) => i.message);
    expect(expected).toHaveLength(3);
    expect(expected).toContain('Unrecognized key: "x"');
    const script = (format: "cjs" | "esm") => {
      const dist = (name: string) => JSON.stringify(join(packagesDir, "core", "dist", `${name}.${format === "cjs" ? "cjs" : "js"}`));
      const body = `const s = ${schemaSource};
        console.log(JSON.stringify(core.parseSchema(s, ${JSON.stringify(input)}).error.issues.map((i) => i.message)));`;
      return format === "cjs"
        ? `const core = require(${dist("index")}); const z = require(${dist("zod-mini")}); ${body}`
        : `const core = await import(${dist("index")}); const z = await import(${dist("zod-mini")}); ${body}`;
    };
    for (const format of ["cjs", "esm"] as const) {
      const { stdout } = await run(process.execPath, [...(format === "esm" ? ["--input-type=module"] : []), "-e", script(format)], { timeout: 60_000 });
      expect(JSON.parse(stdout), format).toEqual(expected);
    }
  });
});
