import { decode } from "ini";
import { parse } from "yaml";
import type { YamlOptions } from "./config-parsers";

// A bundle's YAML and INI parsers (see config-parsers-bundled.ts). Apart from the schema loaders:
// yaml and ini have side effects at import to a bundler, so a module importing them is carried
// whole by any bundle that uses anything of it.

export function parseYaml(text: string, options: YamlOptions): unknown {
  return parse(text, options);
}

export function decodeIni(text: string): Record<string, unknown> {
  return decode(text);
}
