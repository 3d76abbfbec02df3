import { InvalidResponse, type RaxResponse, redact } from "@rax/core";

// A listing's JSON body parsed in pieces of a few tens of KiB instead of as one string. A page
// of 2 000 rows is ~350 KB: decoded whole, it is one string big enough for V8's large-object
// space, and allocating (and collecting) that cost more CPU than parsing it (swift-peers-list,
// issue #15). Pieces stay in the young generation. The result is exactly JSON.parse's.

/** Bytes per piece before looking for the next row boundary (pieces stay well under 128 KiB). */
const PIECE = 32 * 1024;
const OPEN_BRACKET = 0x5b;
// What RaxResponse.json() takes for a blank body (Unicode spaces included).
const NON_BLANK = /\S/;
// decode() without { stream: true } keeps no state between calls, so one decoder serves all.
const UTF8 = new TextDecoder();

/** Whether `b` is JSON whitespace (the only bytes allowed before the opening bracket). */
function blank(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

/**
 * The body's JSON value: `undefined` for an empty or blank body (as `RaxResponse.json()`), bad
 * JSON → InvalidResponse. An array is parsed piece by piece, cut after a `},` byte pair; each
 * piece is parsed as an array on its own, which succeeds only when the cut falls between two
 * elements (a cut inside a string leaves that string unterminated). A piece that does not parse
 * sends the whole body through JSON.parse instead, which then gives the answer or the error.
 * Cuts fall on ASCII bytes, never inside a UTF-8 sequence.
 */
export function parseJsonBody(res: RaxResponse, bytes: Uint8Array): unknown {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let first = 0;
  while (first < buf.length && blank(buf[first] as number)) first++;
  if (first === buf.length) return undefined;
  if (buf[first] !== OPEN_BRACKET || buf.length - first <= PIECE) return parseWhole(res, buf);
  return parsePieces(buf, first + 1) ?? parseWhole(res, buf);
}

/** The array's elements from `start` (just past `[`) on, or undefined when a piece does not parse. */
function parsePieces(buf: Buffer, start: number): unknown[] | undefined {
  const out: unknown[] = [];
  for (;;) {
    const cut = buf.indexOf("},", start + PIECE, "latin1");
    // The last piece brings the closing bracket (and whatever follows it) with it.
    const text = cut < 0 ? `[${buf.toString("utf8", start)}` : `[${buf.toString("utf8", start, cut + 1)}]`;
    let rows: unknown;
    try {
      rows = JSON.parse(text);
    } catch {
      return undefined;
    }
    // After a cut another element must follow: `[{…},]` is not JSON, however its pieces parse.
    if (!Array.isArray(rows) || (rows.length === 0 && out.length > 0)) return undefined;
    for (let i = 0; i < rows.length; i++) out.push(rows[i]);
    if (cut < 0) return out;
    start = cut + 2;
  }
}

function parseWhole(res: RaxResponse, buf: Buffer): unknown {
  // TextDecoder, as RaxResponse.text(): it drops a byte-order mark, which toString() keeps.
  const text = UTF8.decode(buf);
  if (!NON_BLANK.test(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InvalidResponse(
      { status: res.status, method: res.method, url: res.url, snippet: redact(text.slice(0, 200)), requestId: res.requestId, cause: e },
      "Response body is not valid JSON",
    );
  }
}
