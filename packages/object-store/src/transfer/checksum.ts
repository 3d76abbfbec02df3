import { createReadStream } from "node:fs";
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

/** MD5 of a local file, or of bytes `start`..`end` (inclusive) of it. */
export async function getFileChecksum(path: string, range?: { start: number; end: number }): Promise<string> {
  if (typeof path !== "string" || path.length === 0) throw new ValidationError("path", "must be a file path");
  const tally = new Tally();
  for await (const chunk of createReadStream(path, range)) tally.update(chunk as Buffer);
  return tally.digest();
}
