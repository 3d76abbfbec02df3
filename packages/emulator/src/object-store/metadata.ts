import { MAX_HEADER_SIZE, MAX_META_COUNT, MAX_META_NAME_LENGTH, MAX_META_OVERALL_SIZE, MAX_META_VALUE_LENGTH } from "./limits";

export type MetaKind = "account" | "container" | "object";

export interface MetaChanges {
  set: Map<string, string>;
  remove: Set<string>;
}

/**
 * Reads `X-<Kind>-Meta-*` headers (an empty value deletes the key) and, for
 * accounts and containers, `X-Remove-<Kind>-Meta-*`. Keys are lower-cased:
 * HTTP header names are case-insensitive, and so is Swift's metadata.
 */
export function metaChanges(headers: Headers, kind: MetaKind): MetaChanges {
  const prefix = `x-${kind}-meta-`;
  const removePrefix = `x-remove-${kind}-meta-`;
  const set = new Map<string, string>();
  const remove = new Set<string>();
  headers.forEach((value, name) => {
    if (name.startsWith(prefix)) {
      const key = name.slice(prefix.length);
      const trimmed = value.trim();
      if (trimmed === "") remove.add(key);
      else set.set(key, trimmed);
    } else if (kind !== "object" && name.startsWith(removePrefix)) {
      remove.add(name.slice(removePrefix.length));
    }
  });
  for (const key of remove) set.delete(key);
  return { set, remove };
}

export function applyMeta(target: Map<string, string>, changes: MetaChanges): void {
  for (const key of changes.remove) target.delete(key);
  for (const [key, value] of changes.set) target.set(key, value);
}

/**
 * Swift's header names as its error messages show them: WSGI hands them over
 * title-cased (Python's str.title, ASCII here), so any spelling of
 * `x-container-meta-big` is reported as `Big`.
 */
function titleCase(name: string): string {
  let previousCased = false;
  let out = "";
  for (const ch of name) {
    const cased = /[A-Za-z]/.test(ch);
    out += cased ? (previousCased ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    previousCased = cased;
  }
  return out;
}

/** Swift's check_metadata on the request's metadata headers; a message means 400. */
export function metaLimitProblem(headers: Headers, kind: MetaKind): string | undefined {
  const prefix = `x-${kind}-meta-`;
  let count = 0;
  let size = 0;
  let problem: string | undefined;
  headers.forEach((value, name) => {
    // check_metadata looks at every header of the request for this one.
    if (!problem && value.length > MAX_HEADER_SIZE) problem = `Header value too long: ${titleCase(name).slice(0, MAX_META_NAME_LENGTH)}`;
    if (problem || !name.startsWith(prefix)) return;
    const key = name.slice(prefix.length);
    if (key === "") problem = "Metadata name cannot be empty";
    else if (kind !== "object" && (!isUtf8(key) || !isUtf8(value))) problem = "Metadata must be valid UTF-8";
    // Header text arrives one char per byte (Latin-1), so length is the byte count Swift measures.
    else if (key.length > MAX_META_NAME_LENGTH) problem = `Metadata name too long: ${prefix}${titleCase(key)}`;
    else if (value.length > MAX_META_VALUE_LENGTH) problem = `Metadata value longer than ${MAX_META_VALUE_LENGTH}: ${prefix}${titleCase(key)}`;
    count++;
    size += key.length + value.length;
  });
  if (problem) return problem;
  if (count > MAX_META_COUNT) return `Too many metadata items; max ${MAX_META_COUNT}`;
  if (size > MAX_META_OVERALL_SIZE) return `Total metadata too large; max ${MAX_META_OVERALL_SIZE}`;
  return undefined;
}

export function metaHeaders(kind: MetaKind, meta: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of meta) out[`x-${kind}-meta-${key}`] = value;
  return out;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Whether header text (one char per byte) holds valid UTF-8 bytes. */
function isUtf8(text: string): boolean {
  try {
    strictUtf8.decode(Buffer.from(text, "latin1"));
    return true;
  } catch {
    return false;
  }
}

/**
 * The account / container server's check of the metadata it would hold after
 * the change (Swift's validate_metadata): the request alone can be within the
 * limits while the result is not.
 */
export function mergedMetaProblem(current: Map<string, string>, changes: MetaChanges): string | undefined {
  const merged = new Map(current);
  applyMeta(merged, changes);
  let size = 0;
  for (const [key, value] of merged) size += key.length + value.length;
  if (merged.size > MAX_META_COUNT) return `Too many metadata items; max ${MAX_META_COUNT}`;
  if (size > MAX_META_OVERALL_SIZE) return `Total metadata too large; max ${MAX_META_OVERALL_SIZE}`;
  return undefined;
}
