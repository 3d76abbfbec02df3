import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { build, type Plugin } from "esbuild";
import type { Options } from "tsup";

type TsupPlugin = NonNullable<Options["plugins"]>[number];

// With code splitting, esbuild gives an entry a bare `import "./chunk-X.js"` (CJS build:
// `require("./chunk-X.cjs")`) for every chunk its modules depend on, even when another chunk it
// imports already imports that one: only to keep evaluation order. Every package declares
// `"sideEffects": false`, so a user's esbuild drops those imports and warns once per line
// ("Ignoring this import because … was marked as having no side effects"): 23 warnings for a
// one-object handler. This step removes a bare import of a sibling file only when that changes
// nothing Node runs:
// - an import earlier in the same file already loads it (directly or through the files it
//   imports): the module is evaluated once, so the line is a no-op; or
// - esbuild itself, told that the file HAS side effects, still tree-shakes all of it (and of the
//   files it imports) away: evaluating it earlier, later or never is the same.
// Anything else (a chunk that calls something at load, imports a package for its side effects, or
// builds a top-level value esbuild cannot prove pure and is first loaded later) keeps its line.
//
// The purity check reads esbuild's ESM output as recorded in renderChunk (before tsup's rollup
// pass, so a superset of what ships; the CJS build is ESM at that point too); the load order is
// read from the written files, which are edited in buildEnd, the import's line left empty so
// their source maps stay aligned.

/** Import statements with bindings from a package (kept by esbuild even when unused): not a side effect of the chunk. */
const BOUND_IMPORT = /import\s*(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*as\s*[\w$]+)?\s*from\s*"[^"]*";?/g;

/**
 * Which of `targets` (absolute paths of built files whose code is in `files`) leave nothing behind
 * when imported for their side effects only, by esbuild's own tree shaking with side effects assumed.
 */
export async function sideEffectFree(files: ReadonlyMap<string, string>, targets: Iterable<string>): Promise<Set<string>> {
  const pure = new Set<string>();
  for (const target of targets) {
    if (!files.has(target)) continue;
    if (await leavesNothing(files, target)) pure.add(target);
  }
  return pure;
}

async function leavesNothing(files: ReadonlyMap<string, string>, target: string): Promise<boolean> {
  const fromFiles: Plugin = {
    name: "built-files",
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        const path = resolve(args.resolveDir, args.path);
        return files.has(path) ? { path, namespace: "built", sideEffects: true } : { errors: [{ text: `${path} was not built` }] };
      });
      b.onResolve({ filter: /.*/ }, (args) => ({ path: args.path, external: true }));
      b.onLoad({ filter: /.*/, namespace: "built" }, (args) => ({ contents: files.get(args.path), loader: "js", resolveDir: dirname(args.path) }));
    },
  };
  try {
    const result = await build({
      stdin: { contents: `import ${JSON.stringify(`./${target.slice(dirname(target).length + 1)}`)};`, resolveDir: dirname(target), loader: "js" },
      bundle: true,
      write: false,
      format: "esm",
      platform: "node",
      target: "node20",
      treeShaking: true,
      minifyWhitespace: true,
      legalComments: "none",
      logLevel: "silent",
      plugins: [fromFiles],
    });
    return result.outputFiles[0]!.text.replace(BOUND_IMPORT, "").trim() === "";
  } catch {
    // Not analysable (a file it imports was not built here): keep the import.
    return false;
  }
}

/** Static imports of sibling files, in order: ESM `import … from './x.js'` / `export … from` / `import './x.js'`, CJS `require('./x.cjs')` at statement level. */
const EAGER_IMPORT = /^(?:(?:import|export)\b[^;'"]*?\bfrom\s*(["'])(\.\/[^"'\n]+)\1|import\s*(["'])(\.\/[^"'\n]+)\3|(?:var [\w$]+ = )?require\((["'])(\.\/[^"'\n]+)\5\));?[ \t]*$/gm;

interface EagerImport {
  target: string;
  /** Index of the match in the file, for a bare import only. */
  bareAt?: number;
  line: string;
}

function eagerImports(code: string, path: string): EagerImport[] {
  return [...code.matchAll(EAGER_IMPORT)].map((m) => {
    const target = resolve(dirname(path), (m[2] ?? m[4] ?? m[6])!);
    const bare = m[4] !== undefined || (m[6] !== undefined && m[0].startsWith("require"));
    return { target, line: m[0], ...(bare ? { bareAt: m.index } : {}) };
  });
}

/**
 * Blanks the bare imports in `written` (path → code as written) that change nothing: the file is
 * already loaded by an earlier import of the same file, or is in `pure`. Returns the files changed.
 */
export function dropBareImports(written: ReadonlyMap<string, string>, pure: ReadonlySet<string>): Map<string, string> {
  const graph = new Map([...written].map(([path, code]) => [path, eagerImports(code, path)]));
  const closure = (from: Iterable<string>) => {
    const seen = new Set<string>();
    const stack = [...from];
    while (stack.length) {
      const f = stack.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      for (const i of graph.get(f) ?? []) stack.push(i.target);
    }
    return seen;
  };
  const changed = new Map<string, string>();
  for (const [path, imports] of graph) {
    const drop = new Set<number>();
    imports.forEach((imp, k) => {
      if (imp.bareAt === undefined) return;
      if (pure.has(imp.target) || closure(imports.slice(0, k).map((i) => i.target)).has(imp.target)) drop.add(imp.bareAt);
    });
    if (drop.size === 0) continue;
    const code = written.get(path)!;
    changed.set(path, code.replace(EAGER_IMPORT, (line, ...rest) => (drop.has(rest[6] as number) ? "" : line)));
  }
  return changed;
}

export function bareChunkImports(): TsupPlugin {
  // tsup makes a plugin container per format, with these plugin objects shared: records per format.
  const recorded = new Map<string, Map<string, string>>();
  return {
    name: "bare-chunk-imports",
    renderChunk(code, info) {
      if (!/\.c?js$/.test(info.path)) return undefined;
      const format = this.format;
      if (!recorded.has(format)) recorded.set(format, new Map());
      recorded.get(format)!.set(info.path, code);
      return undefined;
    },
    async buildEnd() {
      const files = recorded.get(this.format);
      if (!files) return;
      recorded.delete(this.format);
      const written = new Map([...files.keys()].map((path) => [path, readFileSync(path, "utf8")]));
      const bare = new Set([...written].flatMap(([path, code]) => eagerImports(code, path).filter((i) => i.bareAt !== undefined).map((i) => i.target)));
      const pure = await sideEffectFree(files, bare);
      for (const [path, code] of dropBareImports(written, pure)) writeFileSync(path, code);
    },
  };
}
