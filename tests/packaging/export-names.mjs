// The names the built packages give their exports: `node export-names.mjs packages/<pkg>` loads the
// package's ESM entry (import) and its CJS entry (require) in this plain Node process, outside any
// test runner's module aliasing, and prints one JSON line: every exported function or class whose
// `.name` is not its export name, per format. A name differs where the bundler renamed a symbol
// (`Container2` on a collision between modules, `_ObjectStore` for a class that refers to itself),
// which shows in stack traces, `util.inspect`, `constructor.name` and printed clients.
// An export that is another export under a second name (a pyrax flat alias) keeps its first name.
// Base classes reached through an export's prototype chain are checked too: they print as well.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export function misnamed(exports) {
  const wrong = {};
  const own = new Map(Object.entries(exports));
  const seen = new Set();
  const check = (key, value) => {
    if (typeof value !== "function" || seen.has(value)) return;
    seen.add(value);
    const aliasOf = own.get(value.name) === value;
    if (value.name !== key && !aliasOf) wrong[key] = value.name;
    // A name given by a static field would be enumerable: `inspect(X)` would print `{ name: 'X' }`.
    else if (Object.getOwnPropertyDescriptor(value, "name")?.enumerable) wrong[key] = "enumerable name";
    // Superclasses (not exported under their own name) print too: `class X extends Base2`.
    for (let base = Object.getPrototypeOf(value); typeof base === "function" && base !== Function.prototype; base = Object.getPrototypeOf(base)) {
      if (seen.has(base)) break;
      seen.add(base);
      const exportedAs = [...own].find(([, v]) => v === base)?.[0];
      if (exportedAs === undefined && /^_|\d$/.test(base.name)) wrong[`${key} extends`] = base.name;
      else if (exportedAs !== undefined && base.name !== exportedAs && own.get(base.name) !== base) wrong[exportedAs] = base.name;
    }
  };
  for (const [key, value] of own) if (key !== "default") check(key, value);
  return wrong;
}

async function main(pkgDir) {
  const dir = path.resolve(pkgDir);
  const esm = await import(pathToFileURL(path.join(dir, "dist", "index.js")).href);
  const cjs = createRequire(path.join(dir, "package.json"))(path.join(dir, "dist", "index.cjs"));
  const count = (m) => Object.values(m).filter((v) => typeof v === "function").length;
  process.stdout.write(`${JSON.stringify({ esm: misnamed(esm), cjs: misnamed(cjs), functions: { esm: count(esm), cjs: count(cjs) } })}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main(process.argv[2]);
