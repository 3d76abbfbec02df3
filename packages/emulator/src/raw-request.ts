/**
 * Requests Node's HTTP parser refuses but a real OpenStack service (eventlet) reads: raw UTF-8 in
 * the request line, and methods llhttp does not know (Swift answers those itself: 405 and the
 * like). The server re-reads such a request from the bytes the parser gave up on.
 */
export interface RawRequest {
  method: string;
  /** The target with every byte outside printable ASCII percent-encoded, as a client would have sent it. */
  target: string;
  headers: Array<[string, string]>;
  body: Buffer;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function encodeTarget(raw: Buffer): string {
  let out = "";
  for (const byte of raw) out += byte > 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  return out;
}

/**
 * One whole request from `packet`, or undefined when it is not one this can read (no end of
 * headers yet, a body still to come, chunked framing, a malformed line).
 */
export function parseRawRequest(packet: Buffer): RawRequest | undefined {
  const end = packet.indexOf("\r\n\r\n");
  if (end < 0) return undefined;
  const lineEnd = packet.indexOf("\r\n");
  const line = packet.subarray(0, lineEnd);
  const firstSpace = line.indexOf(0x20);
  const lastSpace = line.lastIndexOf(0x20);
  if (firstSpace <= 0 || lastSpace <= firstSpace) return undefined;
  const method = line.subarray(0, firstSpace).toString("latin1");
  const version = line.subarray(lastSpace + 1).toString("latin1");
  if (!TOKEN.test(method) || !/^HTTP\/1\.[01]$/.test(version)) return undefined;
  const target = encodeTarget(line.subarray(firstSpace + 1, lastSpace));
  if (!target.startsWith("/")) return undefined;
  const headers: Array<[string, string]> = [];
  for (const h of packet.subarray(lineEnd + 2, end).toString("latin1").split("\r\n")) {
    const colon = h.indexOf(":");
    if (colon <= 0 || !TOKEN.test(h.slice(0, colon))) return undefined;
    // Header values travel as bytes; keep them as Node would (latin1 → one char per byte).
    headers.push([h.slice(0, colon), h.slice(colon + 1).trim()]);
  }
  const get = (name: string) => headers.find(([k]) => k.toLowerCase() === name)?.[1];
  if (get("transfer-encoding") !== undefined) return undefined;
  const length = get("content-length") === undefined ? 0 : Number(get("content-length"));
  if (!Number.isInteger(length) || length < 0) return undefined;
  const body = packet.subarray(end + 4);
  if (body.length < length) return undefined;
  return { method, target, headers, body: body.subarray(0, length) };
}
