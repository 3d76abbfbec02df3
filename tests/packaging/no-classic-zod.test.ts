// Classic zod cannot be tree-shaken: one import of it puts ~92 KB minified and ~9 MB of RSS into every
// bundle and process that loads the package, whatever few schemas it uses (issue #15). Published
// packages build their schemas with zod/mini and parse through core (English messages per parse), so
// their sources may import zod/mini and zod's core and locales, never classic zod — type-only imports
// included, since a user's declaration files then pull classic zod's types in.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const packagesDir = join(root, "packages");
const published = readdirSync(packagesDir).filter((d) => {
  const manifest = join(packagesDir, d, "package.json");
  return existsSync(manifest) && !JSON.parse(readFileSync(manifest, "utf8")).private;
});

const SOURCE = /\.(?:[cm]?ts|[cm]?js|tsx|jsx)$/;
// zod/mini (either path), zod's core and its locales: what a tree-shaken bundle keeps only in part.
const ALLOWED = /^zod\/(?:mini|v4\/mini|v4\/core|v4\/locales\/[\w-]+(?:\.js)?)$/;

/** Every zod module specifier in `text` that is not allowed: static, type-only, re-export, `import()` and `require()`. */
export function classicZodImports(text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map((f) => f.fileName).filter((s) => (s === "zod" || s.startsWith("zod/")) && !ALLOWED.test(s));
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe("no published package's source imports classic zod", () => {
  it("the scan finds every form of a classic zod import, and passes zod/mini, zod's core and locales", () => {
    const classic = [
      `import * as z from "zod";`,
      `import { z } from 'zod';`,
      `import type { ZodType } from "zod";`,
      `export { object } from "zod";`,
      `const z = require("zod");`,
      `const z = await import("zod");`,
      `import * as z from "zod/v4";`,
      `import { z } from "zod/v3";`,
      `import * as z from "zod/v4/classic";`,
    ];
    for (const line of classic) expect(classicZodImports(`${line}\nexport const x = 1;\n`), line).toHaveLength(1);
    const fine = [
      `import * as z from "zod/mini";`,
      `import * as z from "zod/v4/mini";`,
      `import { safeParse, type $ZodType } from "zod/v4/core";`,
      `import en from "zod/v4/locales/en.js";`,
      `// classic would be: import * as z from "zod";`,
      `const note = 'import * as z from "zod"';`,
      `import { zodLike } from "./zod";`,
      `import x from "zodiac";`,
    ];
    for (const line of fine) expect(classicZodImports(`${line}\nexport const x = 1;\n`), line).toEqual([]);
  });

  it.each(published)("@rax/%s: src imports zod/mini, never classic zod", (dir) => {
    const found = sourceFiles(join(packagesDir, dir, "src")).flatMap((file) =>
      classicZodImports(readFileSync(file, "utf8")).map((spec) => `${relative(root, file)}: "${spec}"`),
    );
    expect(found).toEqual([]);
  });
});
