const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A request header value as Swift reads it. Node hands header bytes over as
 * Latin-1 (one char per byte); Swift, like every WSGI app on Python 3, turns
 * them back into bytes and decodes those as UTF-8. Values that are not valid
 * UTF-8 stay as they came.
 */
export function headerText(value: string): string;
export function headerText(value: string | null): string | null;
export function headerText(value: string | null): string | null {
  if (value === null || !/[\x80-\xff]/.test(value)) return value;
  try {
    return utf8.decode(Buffer.from(value, "latin1"));
  } catch {
    return value;
  }
}

/** The bytes a request header value arrived as (what Swift measures and signs with). */
export function headerBytes(value: string): Buffer {
  return Buffer.from(value, "latin1");
}

/**
 * A response header value Node can send: text beyond Latin-1 goes out as its
 * UTF-8 bytes (as Swift sends what it stored), one Latin-1 char per byte.
 */
export function wireHeader(text: string): string {
  return /[^\x00-\xff]/.test(text) ? Buffer.from(text, "utf8").toString("latin1") : text;
}

/** Python's urllib.parse.quote: everything but letters, digits, `_.-~` and `safe` is %-escaped from UTF-8. */
export function pyQuote(text: string, safe = "/"): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9_.\-~]/.test(ch) || (byte < 0x80 && safe.includes(ch)) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Python's unquote: `%XX` escapes become bytes, read as UTF-8 with the rest; a stray `%` is kept, never an error. */
export function pyUnquote(text: string): string {
  if (!text.includes("%")) return text;
  const bytes = Buffer.from(text, "utf8");
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const hex = bytes[i] === 0x25 && i + 2 < bytes.length ? String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!) : "";
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(bytes[i]!);
  }
  return Buffer.from(out).toString("utf8");
}
