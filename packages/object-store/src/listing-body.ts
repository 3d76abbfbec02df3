import { InvalidResponse, type RaxResponse, redact } from "@rax/core";

// A listing's JSON body parsed in pieces of a few tens of KiB instead of as one string. A page
// of 2 000 rows is ~350 KB: decoded whole, it is one string big enough for V8's large-object
// space, and allocating (and collecting) that cost more CPU than parsing it (swift-peers-list,
// issue #15). Pieces stay in the young generation. The result is exactly JSON.parse's.

/** Bytes per piece before looking for the next row boundary (pieces stay well under 128 KiB). */
const PIECE = 32 * 1024;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
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
 * JSON → InvalidResponse. `body` is the bytes, or the chunks they arrived in (`res.chunks()`): a
 * large body is then never joined into one buffer (a second copy of every byte, in memory the
 * process has to fault in afresh for each page).
 *
 * An array is parsed piece by piece, cut after a `},` byte pair; each piece is parsed as an array on
 * its own, which succeeds only when the cut falls between two elements (a cut inside a string
 * leaves that string unterminated). A piece that does not parse sends the whole body through
 * JSON.parse instead, which then gives the answer or the error. Cuts fall on ASCII bytes, never
 * inside a UTF-8 sequence; a piece is decoded only once whole.
 */
export function parseJsonBody(res: RaxResponse, body: Uint8Array | readonly Buffer[]): unknown {
  const chunks = Array.isArray(body) ? (body as readonly Buffer[]) : [asBuffer(body as Uint8Array)];
  let total = 0;
  for (const c of chunks) total += c.length;
  // The first byte that is not JSON whitespace, and the chunk it is in.
  let ci = 0;
  let first = 0;
  let skipped = 0;
  while (ci < chunks.length) {
    const c = chunks[ci] as Buffer;
    while (first < c.length && blank(c[first] as number)) first++;
    if (first < c.length) break;
    skipped += c.length;
    ci++;
    first = 0;
  }
  if (ci === chunks.length) return undefined;
  if ((chunks[ci] as Buffer)[first] !== OPEN_BRACKET || total - skipped - first <= PIECE) return parseWhole(res, chunks);
  return parsePieces(chunks, ci, first + 1) ?? parseWhole(res, chunks);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The array's elements from chunk `ci`, byte `start` (just past `[`) on, or undefined when a piece
 * does not parse. A piece is the bytes carried over from earlier chunks plus this chunk's up to a
 * cut at least PIECE bytes in.
 */
function parsePieces(chunks: readonly Buffer[], ci: number, start: number): unknown[] | undefined {
  const out: unknown[] = [];
  const text = new PieceText();
  let carry: Buffer[] = [];
  let carried = 0;
  for (; ci < chunks.length; ci++) {
    const c = chunks[ci] as Buffer;
    let pos = start;
    start = 0;
    for (;;) {
      const from = pos + Math.max(0, PIECE - carried);
      const cut = from < c.length ? c.indexOf("},", from, "latin1") : -1;
      if (cut < 0) {
        if (pos < c.length) {
          carry.push(pos === 0 ? c : c.subarray(pos));
          carried += c.length - pos;
        }
        break;
      }
      carry.push(c.subarray(pos, cut + 1));
      if (!take(out, text.of(carry, true))) return undefined;
      carry = [];
      carried = 0;
      pos = cut + 2;
    }
  }
  // The last piece brings the closing bracket (and whatever follows it) with it.
  return take(out, text.of(carry, false)) ? out : undefined;
}

/** The piece's rows appended to `out`; false when the piece is not a run of whole elements. */
function take(out: unknown[], piece: string): boolean {
  let rows: unknown;
  try {
    rows = JSON.parse(piece);
  } catch {
    return false;
  }
  // After a cut another element must follow: `[{…},]` is not JSON, however its pieces parse.
  if (!Array.isArray(rows) || (rows.length === 0 && out.length > 0)) return false;
  for (let i = 0; i < rows.length; i++) out.push(rows[i]);
  return true;
}

/**
 * `[` + the parts (+ `]`) as one string, assembled in a reused buffer and decoded once: no joined
 * Buffer and no concatenated string for JSON.parse to flatten again.
 */
class PieceText {
  #buf = Buffer.allocUnsafe(2 * PIECE);

  of(parts: readonly Buffer[], close: boolean): string {
    let n = 2;
    for (const p of parts) n += p.length;
    if (n > this.#buf.length) this.#buf = Buffer.allocUnsafe(Math.max(n, 2 * this.#buf.length));
    const buf = this.#buf;
    buf[0] = OPEN_BRACKET;
    let at = 1;
    for (const p of parts) at += p.copy(buf, at);
    if (close) buf[at++] = CLOSE_BRACKET;
    return buf.toString("utf8", 0, at);
  }
}

function parseWhole(res: RaxResponse, chunks: readonly Buffer[]): unknown {
  // TextDecoder, as RaxResponse.text(): it drops a byte-order mark, which toString() keeps.
  const text = UTF8.decode(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
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
