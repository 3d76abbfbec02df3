export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

/**
 * Swift's (swob) reading of a Range header against a body length:
 * `undefined` when the header is absent or malformed (serve everything),
 * `"unsatisfiable"` when no range overlaps the body (416), else the ranges.
 */
export function parseRange(header: string | null, length: number): ByteRange[] | "unsatisfiable" | undefined {
  if (!header) return undefined;
  const match = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!match) return undefined;
  const specs: Array<[string, string]> = [];
  for (const part of match[1]!.split(",")) {
    const m = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(part);
    if (!m || (m[1] === "" && m[2] === "")) return undefined;
    if (m[1] !== "" && m[2] !== "" && Number(m[2]) < Number(m[1])) return undefined;
    specs.push([m[1]!, m[2]!]);
  }
  const ranges: ByteRange[] = [];
  for (const [first, last] of specs) {
    if (first === "") {
      const suffix = Number(last);
      // Swift serves a zero-byte object whole (200) for a suffix range.
      if (length === 0) return undefined;
      if (suffix === 0) continue;
      ranges.push({ start: Math.max(0, length - suffix), end: length - 1 });
    } else {
      const start = Number(first);
      if (start >= length) continue;
      const end = last === "" ? length - 1 : Math.min(Number(last), length - 1);
      ranges.push({ start, end });
    }
  }
  return ranges.length ? ranges : "unsatisfiable";
}
