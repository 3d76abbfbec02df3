import { decode } from "ini";
import { parse } from "yaml";
import type { YamlOptions } from "./config-parsers";

// What a bundler gets for `#config-parsers` (package.json "imports", condition `module`): the same
// functions as config-parsers.ts with the packages imported, so the bundle carries them when a
// config reader is used and drops them (sideEffects: false) when none is.

export function parseYaml(text: string, options: YamlOptions): unknown {
  return parse(text, options);
}

export function decodeIni(text: string): Record<string, unknown> {
  return decode(text);
}
