import { ValidationError } from "./errors";

// RFC 9110 token characters: what a header name may be made of.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Characters a header value may not hold: controls other than HTAB (CR and LF would split the
// header — request smuggling — and NUL is refused by every server), and anything past Latin-1,
// which HTTP/1.1 cannot carry as text.
const BAD_VALUE = /[\u0000-\u0008\u000a-\u001f\u007f]|[^\u0000-\u00ff]/;

function describe(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  if (ch === "\r") return "a carriage return (CR)";
  if (ch === "\n") return "a line feed (LF)";
  if (ch === "\0") return "a NUL character";
  if (cp < 0x20 || cp === 0x7f) return `a control character (${hex})`;
  return `a character outside Latin-1 (${hex}); header values are sent as Latin-1, so encode such text first (e.g. percent-encoding)`;
}

/**
 * Refuses a header that cannot be sent as given, before any request: a name that is not an HTTP
 * token, or a value with CR, LF, NUL, another control character or a character beyond U+00FF.
 * The error names the header, never its value (it may be a secret).
 */
export function checkHeader(name: string, value: string): void {
  if (!TOKEN.test(name)) throw new ValidationError(`headers.${JSON.stringify(name).slice(1, -1)}`, "is not a valid HTTP header name");
  if (typeof value !== "string") throw new ValidationError(`headers.${name}`, "must be a string");
  const bad = BAD_VALUE.exec(value);
  if (bad) throw new ValidationError(`headers.${name}`, `value contains ${describe(bad[0])} at position ${bad.index}`);
}
