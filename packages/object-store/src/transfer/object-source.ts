import { stat } from "node:fs/promises";
import type { Readable } from "node:stream";
import { ValidationError } from "@rax/core";
import { classifyData } from "./upload-data";

/** Content for an upload: in memory, a file (re-readable by range), or a one-shot stream. */
export type ObjectSource =
  | { kind: "bytes"; bytes: Buffer; size: number }
  | { kind: "file"; path: string; size: number; /** First byte (segments of a file). */ start?: number }
  | { kind: "stream"; source: AsyncIterable<Uint8Array>; size?: number; /** See ClassifiedData. */ readable?: Readable };

export function sourceFromData(data: unknown, size: number | undefined): ObjectSource {
  const c = classifyData(data);
  if (c.kind === "bytes") return { kind: "bytes", bytes: c.bytes, size: c.bytes.byteLength };
  return { kind: "stream", source: c.source, size, readable: c.readable };
}

export async function sourceFromFile(path: unknown, field = "path"): Promise<ObjectSource> {
  if (typeof path !== "string" || path.length === 0) throw new ValidationError(field, "must be a file path");
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    throw new ValidationError(field, `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { cause: e });
  }
  if (!st.isFile()) throw new ValidationError(field, `${path} is not a regular file`);
  return { kind: "file", path, size: st.size };
}
