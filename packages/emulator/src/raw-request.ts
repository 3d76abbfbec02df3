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

/**
 * The request header carrying the marker {@link addressableTarget} appended to dot segments.
 * The server sets it and drops any a client sent, so a client cannot make names change.
 */
export const DOT_MARKER_HEADER = "x-emulator-dot-segment-marker";

// "." / ".." segments, also as %2E: what WHATWG URL parsing would fold away.
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * A request target a `URL` keeps as the client sent it. A real Swift (eventlet) takes the path
 * byte for byte: an object may be named `..`, and `\` is a plain character. WHATWG URL parsing
 * folds dot segments and reads `\` as `/`, which would act on another resource. So `\` travels
 * as `%5C` (Swift decodes the path, so that is the same name), and each dot segment gets
 * `marker` appended; {@link restoreDotSegments} takes it off once the path is decoded.
 */
export function addressableTarget(target: string, marker: string): { target: string; marked: boolean } {
  const q = target.indexOf("?");
  const path = (q < 0 ? target : target.slice(0, q)).replaceAll("\\", "%5C");
  let marked = false;
  const segments = path.split("/").map((segment) => {
    if (!DOT_SEGMENT.test(segment)) return segment;
    marked = true;
    return segment.replace(/%2e/gi, ".") + marker;
  });
  return { target: segments.join("/") + (q < 0 ? "" : target.slice(q)), marked };
}

/** Undoes {@link addressableTarget}'s marking on a decoded path. */
export function restoreDotSegments(decodedPath: string, marker: string | null): string {
  if (!marker) return decodedPath;
  return decodedPath
    .split("/")
    .map((segment) => (segment === `.${marker}` || segment === `..${marker}` ? segment.slice(0, -marker.length) : segment))
    .join("/");
}
