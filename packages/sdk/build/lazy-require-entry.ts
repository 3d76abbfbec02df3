import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

// `require("@rax/sdk")` ran every service package (245 files, ~220 ms CPU before a script's first
// request) because tsup's index.cjs requires all of them at its top. This step rewrites
// dist/index.cjs after the build so that @rax/core and @rax/identity (which every script uses to
// authenticate) load at once and each service package loads when one of its exports is first read.
// The names and values are read off tsup's own index.cjs (so they cannot drift from src/index.ts),
// each export stays an enumerable getter as before, and every require names its package literally,
// so a bundler that takes the `require` entry still sees them. `import` keeps the ES build: its
// named exports are bindings, which only evaluating the packages can give.

/** Loaded with the entry: what any use of the SDK needs first. */
const AT_ONCE = ["@rax/core", "@rax/identity"];

type Exports = Record<string, unknown>;

/** tsup's (Rollup's) namespace object for `export * as x`: a frozen object of getters plus `default`. */
const NAMESPACE_OF = `function namespaceOf(e) {
  if (e && e.__esModule) return e;
  const n = Object.create(null);
  for (const k of Object.keys(e)) {
    if (k === "default") continue;
    const d = Object.getOwnPropertyDescriptor(e, k);
    Object.defineProperty(n, k, d.get ? d : { enumerable: true, get: () => e[k] });
  }
  n.default = e;
  return Object.freeze(n);
}`;

function isNamespaceOf(value: unknown, mod: Exports): boolean {
  if (typeof value !== "object" || value === null || value === mod) return false;
  const keys = Object.keys(mod);
  return keys.length > 0 && keys.every((k) => (value as Exports)[k] === mod[k]);
}

/**
 * Rewrites `dist/index.cjs` of the package at `dir` as described above. `locals` are the dist files
 * the entry re-exports from (`rax.cjs`); `dependencies` the packages it re-exports.
 */
export function writeLazyRequireEntry(dir: string, dependencies: string[], locals: string[]): void {
  const dist = join(dir, "dist");
  const entry = join(dist, "index.cjs");
  const req = createRequire(entry);
  const built = req(entry) as Exports;
  const sources: [string, Exports][] = [
    ...AT_ONCE.map((id): [string, Exports] => [id, req(id) as Exports]),
    ...locals.map((f): [string, Exports] => [`./${f}`, req(`./${f}`) as Exports]),
    ...dependencies.filter((id) => !AT_ONCE.includes(id)).map((id): [string, Exports] => [id, req(id) as Exports]),
  ];
  const table: [name: string, from: string, namespace?: 1][] = [];
  for (const [name, value] of Object.entries(built)) {
    const member = sources.find(([, mod]) => Object.hasOwn(mod, name) && mod[name] === value);
    const namespace = member ? undefined : sources.find(([id, mod]) => !AT_ONCE.includes(id) && isNamespaceOf(value, mod));
    const from = member ?? namespace;
    if (!from) throw new Error(`lazy-require-entry: where does @rax/sdk's export "${name}" come from?`);
    table.push(namespace ? [name, from[0], 1] : [name, from[0]]);
  }
  const loaders = sources.filter(([id]) => !AT_ONCE.includes(id)).map(([id]) => `  ${JSON.stringify(id)}: () => require(${JSON.stringify(id)}),`);
  const code = `"use strict";
// Written by packages/sdk/build/lazy-require-entry.ts from tsup's index.cjs: the same exports, but a
// service package loads when one of its exports is first read, not at require("@rax/sdk").
const atOnce = {
${AT_ONCE.map((id) => `  ${JSON.stringify(id)}: require(${JSON.stringify(id)}),`).join("\n")}
};
const onUse = {
${loaders.join("\n")}
};
${NAMESPACE_OF}
const namespaces = new Map();
const EXPORTS = ${JSON.stringify(table)};
for (const [name, from, namespace] of EXPORTS) {
  const get = namespace
    ? () => namespaces.get(from) ?? namespaces.set(from, namespaceOf(onUse[from]())).get(from)
    : from in atOnce
      ? () => atOnce[from][name]
      : () => onUse[from]()[name];
  Object.defineProperty(exports, name, { enumerable: true, get });
}
`;
  writeFileSync(entry, code);
  // The map described tsup's file.
  rmSync(`${entry}.map`, { force: true });
}
