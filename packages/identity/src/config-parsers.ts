import { createRequire } from "node:module";
import type * as Ini from "ini";
import type * as Yaml from "yaml";
import type * as Zod from "zod/mini";
import type * as IdentitySchemas from "./identity-schemas";

// Dependencies Node loads on first use: the YAML and INI parsers behind clouds.yaml, pyrax config
// files and credential files (`yaml` is 72 files and `ini` one, and most programs never read such a
// file, yet every `import`/`require` of @rax/identity loaded both), and zod/mini for Context's input
// that is not plainly valid (context-input.ts). A sync `require` keeps those callers sync. The
// schemas of token responses and admin calls are imported here too, on first use (their callers are
// async); a bundle imports them statically instead (schema-loaders-bundled.ts).
// This file is what Node runs (package.json "imports" `#lazy`, conditions `import` and
// `default`; in the CJS build `import.meta.url` is `__filename`). Bundlers take the `module`
// target instead, config-parsers-bundled.ts, which imports all of it statically: a bundle must
// carry them (a require hidden behind createRequire would not be bundled), and tree-shakes away
// what it does not use.

/** The zod/mini functions Context's input schemas (context-schemas.ts) are made of. */
export type InputZod = Pick<typeof Zod, "boolean" | "enum" | "int" | "gte" | "literal" | "looseObject" | "minLength" | "optional" | "string" | "trim" | "union" | "url">;

export type YamlOptions = Yaml.ParseOptions & Yaml.DocumentOptions & Yaml.SchemaOptions & Yaml.ToJSOptions;

let requireHere: NodeJS.Require | undefined;

function dependency<T>(id: string): T {
  requireHere ??= createRequire(import.meta.url);
  return requireHere(id) as T;
}

export function parseYaml(text: string, options: YamlOptions): unknown {
  return dependency<typeof Yaml>("yaml").parse(text, options);
}

export function decodeIni(text: string): Record<string, unknown> {
  return dependency<typeof Ini>("ini").decode(text);
}

/**
 * zod/mini for the schemas of Context's input, through core's one tree-shaken copy (a runtime
 * require string is out of the build's reach, so it names core's entry itself: "zod/mini" loaded
 * zod's whole package, ~90 files). Loaded only for input that is not plainly valid.
 */
export function zodForInputs(): InputZod {
  return dependency<InputZod>("@rax/core/zod-mini");
}

export function loadIdentitySchemas(): Promise<typeof IdentitySchemas> {
  return import("./identity-schemas");
}
