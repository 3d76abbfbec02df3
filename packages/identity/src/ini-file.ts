import { decodeIni } from "./config-parsers";

export type IniSections = Map<string, Record<string, string>>;

export interface ParsedIni {
  /** Sections in file order. */
  sections: IniSections;
  /** Keys that appear before the first section header. */
  looseKeys: string[];
}

/**
 * Parse INI text the way Python's ConfigParser reads pyrax files, on top of the `ini` package:
 * - section order is kept (the first section can be the default environment);
 * - a dotted section name such as `[region-a.geo-1]` stays one section (`ini` would nest it);
 * - `literal` values keep `;`, `#` and `\` (ConfigParser has no inline comments), which matters for
 *   passwords and API keys in credential files;
 * - every value is a string (`ini` turns `true`/`false` into booleans).
 */
export function parseIni(text: string, opts: { literal?: boolean } = {}): ParsedIni {
  const order: string[] = [];
  const looseKeys: string[] = [];
  const lines = text.split(/\r?\n/);
  const prepared: string[] = [];
  let inSection = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith(";") || trimmed.startsWith("#")) {
      prepared.push(line);
      continue;
    }
    const header = /^\[([^\]]*)\]\s*$/.exec(trimmed);
    if (header) {
      const name = (header[1] ?? "").trim();
      if (!order.includes(name)) order.push(name);
      inSection = true;
      // Escape dots so `ini` does not nest "a.b" under "a".
      prepared.push(`[${name.replace(/\./g, "\\.")}]`);
      continue;
    }
    const eq = line.indexOf("=");
    const colon = line.indexOf(":");
    // ConfigParser accepts "key: value" as well as "key = value".
    const sep = eq === -1 ? colon : colon === -1 ? eq : Math.min(eq, colon);
    if (sep === -1) {
      prepared.push(line);
      continue;
    }
    const key = line.slice(0, sep).trim();
    if (!inSection) looseKeys.push(key);
    let value = line.slice(sep + 1).trim();
    if (opts.literal) value = value.replace(/[\\;#]/g, (c) => `\\${c}`);
    prepared.push(`${key} = ${value}`);
  }
  const decoded = decodeIni(prepared.join("\n"));
  const sections: IniSections = new Map();
  for (const name of order) {
    const raw = lookupSection(decoded, name);
    const values: Record<string, string> = {};
    if (raw && typeof raw === "object") {
      for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
        if (v === null || v === undefined || typeof v === "object") continue;
        values[k.trim().toLowerCase()] = String(v);
      }
    }
    sections.set(name, values);
  }
  return { sections, looseKeys };
}

function lookupSection(decoded: Record<string, unknown>, name: string): unknown {
  // `ini` unescapes "a\.b" back to "a.b" for the key of a top-level section.
  if (Object.prototype.hasOwnProperty.call(decoded, name)) return decoded[name];
  return undefined;
}
