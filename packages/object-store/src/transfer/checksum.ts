import { open } from "node:fs/promises";
import { ValidationError } from "@rax/core";
import { classifyData, md5Hex, Tally, type UploadData } from "./upload-data";

/**
 * MD5 hex digest of text (UTF-8), bytes, a stream, or a file (`{ path }`) — pyrax's
 * `utils.get_checksum`. Pass the result as `etag` to have the server reject a corrupted upload.
 */
export async function getChecksum(input: UploadData | { path: string }): Promise<string> {
  if (input !== null && typeof input === "object" && "path" in input && typeof (input as { path: unknown }).path === "string") {
    return getFileChecksum((input as { path: string }).path);
  }
  const data = classifyData(input, "input");
  if (data.kind === "bytes") return md5Hex(data.bytes);
  const tally = new Tally();
  for await (const chunk of data.source) tally.update(chunk);
  return tally.digest();
}

/** Read size for hashing a file: one buffer, reused for every read. */
const HASH_CHUNK = 128 * 1024;

/**
 * MD5 of a local file, or of bytes `start`..`end` (inclusive) of it. One buffer is read into over
 * and over (the hash consumes each read before the next): `createReadStream` would allocate a
 * fresh one per chunk, garbage that V8 frees only at its next major GC, so hashing a large file
 * (a resumed upload checks every stored segment) held tens of MB.
 */
export async function getFileChecksum(path: string, range?: { start: number; end: number }): Promise<string> {
  if (typeof path !== "string" || path.length === 0) throw new ValidationError("path", "must be a file path");
  const tally = new Tally();
  const fh = await open(path, "r");
  try {
    let position = range?.start ?? 0;
    const end = range ? range.end + 1 : Number.POSITIVE_INFINITY;
    const buf = Buffer.allocUnsafe(Math.min(HASH_CHUNK, Math.max(1, end - position)));
    while (position < end) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.byteLength, end - position), position);
      if (bytesRead === 0) break;
      tally.update(buf.subarray(0, bytesRead));
      position += bytesRead;
    }
  } finally {
    await fh.close();
  }
  return tally.digest();
}
