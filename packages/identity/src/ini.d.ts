// `ini` ships no types and @types/ini is not a dependency here: only decode is used.
declare module "ini" {
  export function decode(text: string, opts?: { bracketedArray?: boolean }): Record<string, unknown>;
}
