// A streaming tar reader for extract-archive, reading what Python's `tarfile` (Swift's reader)
// reads: ustar/GNU/v7 headers, PAX extended headers (`path`, `size`, xattrs), GNU long names.

const BLOCK = 512;

export class TarError extends Error {}

export interface TarItem {
  /** Name as bytes (ustar) or as PAX gave it (UTF-8). */
  name: Buffer;
  /** Type flag: "0" (or "\0", "7") regular file, "5" directory, … */
  type: string;
  size: number;
  /** The PAX records that applied to this entry. */
  pax: Map<string, string>;
  /** The entry's data, in the chunks it arrived in. */
  data: Buffer[];
}

/** Pulls exact byte counts out of a chunk stream. */
class ByteQueue {
  #chunks: Buffer[] = [];
  #length = 0;
  #done = false;
  readonly #it: AsyncIterator<Buffer>;
  constructor(source: AsyncIterable<Buffer>) {
    this.#it = source[Symbol.asyncIterator]();
  }
  /** Up to `n` bytes as chunks (fewer only at the end of the stream). */
  async take(n: number): Promise<Buffer[]> {
    while (this.#length < n && !this.#done) {
      const next = await this.#it.next();
      if (next.done) this.#done = true;
      else if (next.value.length > 0) {
        this.#chunks.push(next.value);
        this.#length += next.value.length;
      }
    }
    const out: Buffer[] = [];
    let want = Math.min(n, this.#length);
    this.#length -= want;
    while (want > 0) {
      const head = this.#chunks[0] as Buffer;
      if (head.length <= want) {
        out.push(head);
        this.#chunks.shift();
        want -= head.length;
      } else {
        out.push(head.subarray(0, want));
        this.#chunks[0] = head.subarray(want);
        want = 0;
      }
    }
    return out;
  }
  async takeBuffer(n: number): Promise<Buffer> {
    return Buffer.concat(await this.take(n));
  }
}

const cString = (b: Buffer) => {
  const end = b.indexOf(0);
  return end < 0 ? b : b.subarray(0, end);
};

function octal(b: Buffer): number {
  // GNU base-256 for big numbers: high bit of the first byte set.
  if (((b[0] as number) & 0x80) !== 0) {
    let v = (b[0] as number) & 0x7f;
    for (let i = 1; i < b.length; i++) v = v * 256 + (b[i] as number);
    return v;
  }
  const s = cString(b).toString("ascii").trim();
  if (s === "") return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarError("invalid header");
  return Number.parseInt(s, 8);
}

function checksumOk(h: Buffer): boolean {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : (h[i] as number);
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  const stored = octal(h.subarray(148, 156));
  return stored === unsigned || stored === signed;
}

/** PAX records: `"<len> <key>=<value>\n"` … */
function parsePax(body: Buffer, into: Map<string, string>): void {
  let pos = 0;
  while (pos < body.length) {
    const space = body.indexOf(0x20, pos);
    if (space < 0) break;
    const len = Number.parseInt(body.subarray(pos, space).toString("ascii"), 10);
    if (!Number.isFinite(len) || len <= 0 || pos + len > body.length) throw new TarError("invalid header");
    const record = body.subarray(space + 1, pos + len - 1);
    const eq = record.indexOf(0x3d);
    if (eq > 0) into.set(record.subarray(0, eq).toString("utf8"), record.subarray(eq + 1).toString("utf8"));
    pos += len;
  }
}

/**
 * Every entry of the archive, in order. A bad first header is `TarError` (tarfile's ReadError);
 * a bad later one, or a zero block, ends the archive as tarfile does.
 */
export async function* readTar(source: AsyncIterable<Buffer>): AsyncGenerator<TarItem> {
  const q = new ByteQueue(source);
  let pax = new Map<string, string>();
  let longName: Buffer | undefined;
  let first = true;
  for (;;) {
    const h = await q.takeBuffer(BLOCK);
    if (h.length === 0 && first) throw new TarError("empty file");
    if (h.length < BLOCK) {
      if (first) throw new TarError("truncated header");
      return;
    }
    if (h.every((b) => b === 0)) {
      if (first) throw new TarError("empty header");
      return;
    }
    let size: number;
    try {
      if (!checksumOk(h)) throw new TarError("bad checksum");
      size = octal(h.subarray(124, 136));
    } catch (e) {
      if (first) throw e instanceof TarError ? e : new TarError("invalid header");
      return;
    }
    first = false;
    const type = String.fromCharCode(h[156] as number);
    const padded = size + ((BLOCK - (size % BLOCK)) % BLOCK);
    if (type === "x" || type === "g" || type === "L" || type === "K") {
      const body = (await q.takeBuffer(padded)).subarray(0, size);
      if (body.length < size) throw new TarError("unexpected end of data");
      if (type === "x") parsePax(body, pax);
      else if (type === "L") longName = cString(body);
      continue;
    }
    let name = cString(h.subarray(0, 100));
    if (h.subarray(257, 262).toString("ascii") === "ustar") {
      const prefix = cString(h.subarray(345, 500));
      if (prefix.length > 0) name = Buffer.concat([prefix, Buffer.from("/"), name]);
    }
    if (longName) name = longName;
    const paxPath = pax.get("path");
    if (paxPath !== undefined) name = Buffer.from(paxPath, "utf8");
    const paxSize = pax.get("size");
    if (paxSize !== undefined && /^\d+$/.test(paxSize)) size = Number(paxSize);
    const dataPadded = size + ((BLOCK - (size % BLOCK)) % BLOCK);
    const isData = type === "0" || type === "\0" || type === "7";
    const chunks = await q.take(dataPadded);
    const got = chunks.reduce((a, c) => a + c.length, 0);
    if (got < dataPadded) throw new TarError("unexpected end of data");
    const data: Buffer[] = [];
    let left = isData ? size : 0;
    for (const c of chunks) {
      if (left <= 0) break;
      data.push(c.length <= left ? c : c.subarray(0, left));
      left -= c.length;
    }
    yield { name, type, size, pax, data };
    pax = new Map();
    longName = undefined;
  }
}
