// Class and function names in the built packages (no esbuild keepNames: its `__name(…)` calls are
// side effects to a user's bundler, which then keeps every function of a module it loads). esbuild
// renames a symbol when two modules of one chunk collide (`Container2`) or when a class refers to
// itself (`var X = class _X`); both change `.name`, so stack traces, `util.inspect` and the class a
// printed client or identity shows. Runs after `turbo run build` (pnpm test).
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { misnamed } from "./export-names.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);
const built = readdirSync(join(root, "packages")).filter((d) => existsSync(join(root, "packages", d, "dist", "index.js")));

/** Classes and functions the build renamed: `class _X` inner names, `X2`-style names the source never uses. */
function renamedInDist(dir: string): string[] {
  const dist = join(root, "packages", dir, "dist");
  // @rax/core builds undici's transport files in (packages/core/build/undici-prebuilt.ts): their
  // names are undici's, and its internal classes are never printed by rax.
  const vendored = dir === "core" ? sourceText(join(root, "packages", "core", "node_modules", "undici", "lib"), ".js") : "";
  const source = sourceText(join(root, "packages", dir, "src")) + vendored;
  // Core builds zod in too (packages/core/tsup.config.ts): esbuild suffixes zod's own functions where
  // two of its modules declare one name (regexes' `string` and schemas' `string`). Such a rename is
  // exempt only when the name is zod's and rax's source declares no function or variable of that name.
  const zod = dir === "core" ? sourceText(join(root, "packages", "core", "node_modules", "zod", "v4"), ".js") : "";
  const declares = (text: string, n: string) => new RegExp(`(?:function\\*? ?|(?:const|let|var) )${n.replace(/\$/g, "\\$")}\\b`).test(text);
  const own = sourceText(join(root, "packages", dir, "src"));
  const zodRename = (name: string) => {
    // esbuild appends a counter to the original name, which may end in a digit itself (`ipv4` → `ipv42`).
    const bases = [...name.matchAll(/\d/g)].map((m) => name.slice(0, m.index)).filter((b) => /^[A-Za-z$_][\w$]*$/.test(b) && /^\d+$/.test(name.slice(b.length)));
    // A name zod itself ends in a digit (`isValidIPv6`) is no rename.
    return zod !== "" && [name, ...bases].some((b) => declares(zod, b) && !declares(own, b));
  };
  const found = new Set<string>();
  for (const f of readdirSync(dist).filter((n) => n.endsWith(".js"))) {
    const code = readFileSync(join(dist, f), "utf8");
    // A class that refers to itself is emitted as `var X = class _X`; it keeps `X` only by declaring
    // `static get name() { return "X"; }` (an accessor: not enumerable, so `inspect(X)` shows no field).
    for (const m of code.matchAll(/= class _([A-Za-z$][\w$]*)\b/g)) {
      if (new RegExp(`\\bclass ${m[1]}\\b`).test(vendored)) continue;
      if (!new RegExp(`static get name\\(\\) \\{\\s*return "${m[1]}";`).test(code)) found.add(`${f}: class _${m[1]}`);
    }
    // A digit-suffixed class or function the source does not name is a collision rename. The
    // emulator's internal functions are exempt (only its stack traces would show them); its classes are not.
    const decl = dir === "emulator" ? /(?:var ([A-Za-z$][\w$]*\d+) = class\b|\bclass ([A-Za-z$][\w$]*\d+)\b)/g : /(?:var ([A-Za-z$][\w$]*\d+) = (?:class|function|async function)\b|\bclass ([A-Za-z$][\w$]*\d+)\b|\bfunction\*? ?([A-Za-z$][\w$]*\d+)\()/g;
    for (const m of code.matchAll(decl)) {
      const name = m[1] ?? m[2] ?? m[3];
      if (!new RegExp(`\\b${name.replace(/\$/g, "\\$")}\\b`).test(source) && !zodRename(name)) found.add(`${f}: ${name}`);
    }
  }
  return [...found].sort();
}

function sourceText(dir: string, ext = ".ts"): string {
  let text = "";
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) text += sourceText(p, ext);
    else if (e.name.endsWith(ext)) text += readFileSync(p, "utf8");
  }
  return text;
}

describe.skipIf(built.length === 0)("names in the built packages", () => {
  it.each(built)("@rax/%s: every exported class and function is named as exported, in ESM and CJS", async (dir) => {
    const { stdout } = await run(process.execPath, [join(root, "tests", "packaging", "export-names.mjs"), join(root, "packages", dir)], { timeout: 60_000 });
    const r = JSON.parse(stdout) as { esm: Record<string, string>; cjs: Record<string, string>; functions: { esm: number; cjs: number } };
    expect(r.functions.esm).toBeGreaterThan(0);
    expect(r.functions.cjs).toBe(r.functions.esm);
    expect({ esm: r.esm, cjs: r.cjs }).toEqual({ esm: {}, cjs: {} });
  });

  it.each(built)("@rax/%s: the build renamed no class (and, outside the emulator, no function)", (dir) => {
    expect(renamedInDist(dir)).toEqual([]);
  });

  it("the check sees a renamed export, a renamed base class, an enumerable name, and lets an alias keep its first name", () => {
    const Store = class _Store {};
    class Base2 {}
    class Client extends Base2 {}
    function create() {}
    class Field {
      static readonly name = "Field";
    }
    expect(misnamed({ Store, Client, create, create_container: create, Field })).toEqual({ Store: "_Store", "Client extends": "Base2", Field: "enumerable name" });
  });
});
