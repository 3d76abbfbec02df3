// What a bundler gets for `#lazy` (package.json "imports", condition `module`): the same
// functions as config-parsers.ts with their packages and modules imported statically, so a bundle
// carries what it uses and drops the rest (sideEffects: false). Two modules, so that a bundle that
// parses token responses does not carry yaml and ini.

export { decodeIni, parseYaml } from "./config-file-parsers-bundled";
export { loadIdentitySchemas, zodForInputs } from "./schema-loaders-bundled";
