import { decode } from "ini";
import { parse } from "yaml";
import { boolean, enum as zodEnum, gte, int, looseObject, minLength, optional, string, trim, url } from "zod/mini";
import type { InputZod, YamlOptions } from "./config-parsers";

// What a bundler gets for `#config-parsers` (package.json "imports", condition `module`): the same
// functions as config-parsers.ts with the packages imported, so the bundle carries them when a
// config reader is used and drops them (sideEffects: false) when none is. zod's functions are
// named one by one: handing out its namespace would keep all of zod/mini in the bundle.

export function parseYaml(text: string, options: YamlOptions): unknown {
  return parse(text, options);
}

export function decodeIni(text: string): Record<string, unknown> {
  return decode(text);
}

export function zodForInputs(): InputZod {
  return { boolean, enum: zodEnum, gte, int, looseObject, minLength, optional, string, trim, url };
}
