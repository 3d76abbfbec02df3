import { createHash } from "node:crypto";
import { close, open, read } from "node:fs";
import { Readable } from "node:stream";

// A tar writer for Swift's `?extract-archive=tar`: ustar headers, with a PAX extended header in
// front of an entry whose name is not short ASCII (Swift's Python `tarfile` reads PAX `path` as
// UTF-8) or that carries a content type (`SCHILY.xattr.user.mime_type`, which bulk turns into
// Content-Type). Files are read from disk as the request body is pulled: never a batch in memory.

const BLOCK = 512;
/** Read size for entries bigger than one read; smaller files go out as one chunk with their header. */
const READ_CHUNK = 256 * 1024;
/** ustar's octal size field holds 11 digits: larger sizes go in a PAX `size` record. */
const USTAR_MAX_SIZE = 0o77777777777;

export interface TarEntry {
  /** Name inside the archive (the object name under the extraction base). */
  name: string;
  /** File to read. */
  path: string;
  /** Bytes to send: the size the folder scan saw. */
  size: number;
  /** Content-Type for the object (bulk's `user.mime_type` xattr). */
  contentType?: string;
}

export interface TarHooks {
  /** `n` more data bytes of entry `index` have gone into the stream. */
  bytes?(index: number, n: number): void;
  /** Entry `index` is fully in the stream: the MD5 of its data, and whether the file still had `size` bytes. */
  entryDone?(index: number, md5: string, intact: boolean): void;
}

const pad = (n: number) => (BLOCK - (n % BLOCK)) % BLOCK;
const isShortAscii = (name: string) => name.length <= 100 && /^[\x20-\x7e]*$/.test(name);

/** One PAX record: `"<len> <key>=<value>\n"`, where `<len>` counts the whole record, itself included. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bodyLen = Buffer.byteLength(body);
  let len = bodyLen + 1;
  while (String(len).length + bodyLen !== len) len = String(len).length + bodyLen;
  return `${len}${body}`;
}

function paxRecords(e: TarEntry): string {
  let out = "";
  if (!isShortAscii(e.name)) out += paxRecord("path", e.name);
  if (e.size > USTAR_MAX_SIZE) out += paxRecord("size", String(e.size));
  if (e.contentType !== undefined) out += paxRecord("SCHILY.xattr.user.mime_type", e.contentType);
  return out;
}

function octal(buf: Buffer, offset: number, width: number, value: number): void {
  buf.write(`${value.toString(8).padStart(width - 1, "0")}\0`, offset, width, "ascii");
}

/** A 512-byte ustar header; `name` must already fit (ASCII, ≤ 100 bytes). */
function ustarHeader(name: string, size: number, type: "0" | "x", mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, "ascii");
  octal(h, 100, 8, 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size > USTAR_MAX_SIZE ? 0 : size);
  octal(h, 136, 12, mtime);
  h.write("        ", 148, 8, "ascii");
  h.write(type, 156, 1, "ascii");
  h.write("ustar\0", 257, 6, "ascii");
  h.write("00", 263, 2, "ascii");
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += h[i] as number;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8, "ascii");
  return h;
}

/** ASCII stand-in for the ustar name field when the real name travels in PAX `path`. */
function fallbackName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, "_").slice(0, 100);
}

/** Header bytes for one entry: an optional PAX header (+ its records, padded) and the ustar header. */
export function entryHeader(e: TarEntry, mtime = 0): Buffer {
  const records = paxRecords(e);
  const ustar = ustarHeader(isShortAscii(e.name) ? e.name : fallbackName(e.name), e.size, "0", mtime);
  if (records === "") return ustar;
  const body = Buffer.from(records, "utf8");
  const paxHead = ustarHeader(fallbackName(`PaxHeader/${e.name}`), body.byteLength, "x", mtime);
  return Buffer.concat([paxHead, body, Buffer.alloc(pad(body.byteLength)), ustar]);
}

/** Exact byte length of the archive of `entries`: sent as Content-Length. */
export function archiveLength(entries: readonly TarEntry[]): number {
  let n = 2 * BLOCK;
  for (const e of entries) {
    const records = paxRecords(e);
    if (records !== "") {
      const len = Buffer.byteLength(records);
      n += BLOCK + len + pad(len);
    }
    n += BLOCK + e.size + pad(e.size);
  }
  return n;
}

// fs's callback calls, not a FileHandle: thousands of small files are read per folder, and the
// FileHandle's promise machinery cost about twice the client CPU per file (measured 2026-12-02).
const openFile = (path: string) => new Promise<number>((ok, fail) => open(path, "r", (e, fd) => (e ? fail(e) : ok(fd))));
const readAt = (fd: number, buf: Buffer, at: number, length: number, position: number) =>
  new Promise<number>((ok, fail) => read(fd, buf, at, length, position, (e, n) => (e ? fail(e) : ok(n))));
const closeFile = (fd: number) => new Promise<void>((ok, fail) => close(fd, (e) => (e ? fail(e) : ok())));

/**
 * The archive's bytes, pulled chunk by chunk (so the socket's pace is the disk's: backpressure).
 * A file that shrank since the scan is zero-padded to its listed size (the archive stays valid),
 * a file that grew is cut at it; either way `entryDone` says `intact: false`.
 */
export async function* tarChunks(entries: readonly TarEntry[], hooks: TarHooks = {}): AsyncGenerator<Buffer> {
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as TarEntry;
    const header = entryHeader(e);
    const hash = createHash("md5");
    let intact = true;
    if (e.size === 0) {
      yield header;
    } else {
      const fd = await openFile(e.path);
      try {
        let done = 0;
        let first = true;
        while (done < e.size) {
          const want = Math.min(READ_CHUNK, e.size - done);
          const last = done + want === e.size;
          // The first read shares one buffer with the header, the last with the padding: a small
          // file is one chunk. The last read goes on to one byte past the listed size (a read that
          // returns 0 there is the end of the file): a file that grew shows it; that byte lands in
          // the padding, zeroed below.
          const head = first ? header.byteLength : 0;
          const tail = last ? pad(e.size) : 0;
          const ask = last ? want + 1 : want;
          const chunk = head + want + tail;
          const buf = Buffer.allocUnsafe(Math.max(chunk, head + ask));
          if (first) header.copy(buf, 0);
          let got = 0;
          while (got < ask) {
            const n = await readAt(fd, buf, head + got, ask - got, done + got);
            if (n === 0) break;
            got += n;
          }
          if (got !== want) intact = false; // shrank (the rest is zeroed) or grew (cut at the listed size)
          // Unread data bytes (shrunk file), the padding and the probe byte: zeros, never old memory.
          buf.fill(0, head + Math.min(got, want));
          const data = buf.subarray(head, head + want);
          hash.update(data);
          done += want;
          first = false;
          hooks.bytes?.(i, want);
          yield buf.byteLength === chunk ? buf : buf.subarray(0, chunk);
        }
      } finally {
        await closeFile(fd);
      }
    }
    hooks.entryDone?.(i, hash.digest("hex"), intact);
  }
  yield Buffer.alloc(2 * BLOCK);
}

/** `tarChunks` as a Node Readable request body. */
export function tarStream(entries: readonly TarEntry[], hooks?: TarHooks): Readable {
  return Readable.from(tarChunks(entries, hooks), { objectMode: false });
}
