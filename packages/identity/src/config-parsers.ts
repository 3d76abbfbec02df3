import { createRequire } from "node:module";
import type * as Ini from "ini";
import type * as Yaml from "yaml";

// The YAML and INI parsers behind clouds.yaml, pyrax config files and credential files, loaded on
// first use: `yaml` is 72 files and `ini` one, and most programs never read such a file, yet every
// `import`/`require` of @rax/identity loaded both. A sync `require` keeps the readers sync.
// This file is what Node runs (package.json "imports" `#config-parsers`, conditions `import` and
// `default`; in the CJS build `import.meta.url` is `__filename`). Bundlers take the `module`
// target instead, config-parsers-bundled.ts, which imports both packages: a bundle must carry
// them (a require hidden behind createRequire would not be bundled), and tree-shakes them away
// when nothing reads a config file.

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
