import { createHash, randomBytes } from "node:crypto";
import { type FileHandle, lstat, mkdir, open, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import { ValidationError } from "@rax/core";
import { DownloadFailed } from "../errors";
import { openObject } from "../objects/fetch";
import { type SwiftClient } from "../swift-client";
import { isPlainMd5 } from "./upload-data";

export interface DownloadOptions {
  /** Recreate the `a/b/` folders of the object name under the directory (default true). */
  structure?: boolean;
  /** Check the MD5 of plain objects against their ETag before keeping the file (default true). */
  verify?: boolean;
  signal?: AbortSignal;
}

/**
 * The path segments an object name may be written to. Object names are untrusted: `..`, absolute
 * paths, drive letters, backslashes (a separator on Windows) and NUL are refused rather than
 * rewritten, so a download can never land outside the target directory.
 */
export function localSegments(name: string, structure: boolean): string[] {
  if (name.includes("\0")) throw new ValidationError("name", "object name contains NUL; refusing to write it to disk");
  const parts = name.split(/[/\\]/);
  if (structure) {
    if (/^[/\\]/.test(name) || /^[A-Za-z]:/.test(name))
      throw new ValidationError("name", `object name ${JSON.stringify(name)} is an absolute path; refusing to write outside the directory`);
    if (parts.some((p) => p === ".." || p === "."))
      throw new ValidationError("name", `object name ${JSON.stringify(name)} has '.' or '..' segments; refusing to write outside the directory`);
    const segs = parts.filter((p) => p.length > 0);
    if (segs.length === 0 || name.endsWith("/") || name.endsWith("\\"))
      throw new ValidationError("name", `object name ${JSON.stringify(name)} names a folder, not a file`);
    if (segs.some((p) => /^[A-Za-z]:$/.test(p) || p.includes(":") && process.platform === "win32"))
      throw new ValidationError("name", `object name ${JSON.stringify(name)} has a drive or stream segment`);
    return checkLengths(name, segs);
  }
  const last = parts.at(-1) ?? "";
  if (last === "" || last === "." || last === "..")
    throw new ValidationError("name", `object name ${JSON.stringify(name)} has no usable file name`);
  return checkLengths(name, [last]);
}

/**
 * Swift allows 1,024 bytes in one name segment; file systems allow 255 (NAME_MAX on Linux and
 * macOS). Refused before any request, so a name no file can have is not a failed download.
 */
const NAME_MAX = 255;

function checkLengths(name: string, segs: string[]): string[] {
  const long = segs.find((p) => Buffer.byteLength(p, "utf8") > NAME_MAX);
  if (long !== undefined)
    throw new ValidationError("name", `object name ${JSON.stringify(`${name.slice(0, 40)}…`)} has a segment of ${Buffer.byteLength(long, "utf8")} bytes; files and folders may have at most ${NAME_MAX}`);
  return segs;
}

/**
 * The temp file's name: a dot, as much of the target's name as keeps it within NAME_MAX (the
 * target may use all 255 bytes), a random tag and `.rax-partial`, so a leftover says what it was.
 */
function tempName(base: string): string {
  const tag = `.${randomBytes(6).toString("hex")}.rax-partial`;
  const room = NAME_MAX - 1 - tag.length;
  let stem = "";
  let bytes = 0;
  for (const ch of base) {
    const n = Buffer.byteLength(ch, "utf8");
    if (bytes + n > room) break;
    stem += ch;
    bytes += n;
  }
  return `.${stem}${tag}`;
}

/**
 * Create the sub-folders one at a time, refusing to pass through a symbolic link: a link inside
 * the directory could otherwise lead the write (or the mkdir) somewhere else.
 */
async function makeFolders(root: string, folders: string[]): Promise<string> {
  let cur = root;
  for (const f of folders) {
    cur = join(cur, f);
    let st;
    try {
      st = await lstat(cur);
    } catch {
      await mkdir(cur).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== "EEXIST") throw e;
      });
      st = await lstat(cur);
    }
    if (st.isSymbolicLink() || !st.isDirectory())
      throw new ValidationError("name", `${cur} is not a plain folder (symbolic link or file); refusing to write through it`);
  }
  return cur;
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
}

/** Download to `<directory>/<name>` via a temp file that is renamed only when complete and verified. */
export async function downloadObject(client: SwiftClient, container: string, name: string, directory: unknown, o: DownloadOptions): Promise<string> {
  if (typeof directory !== "string" || directory.length === 0) throw new ValidationError("directory", "must be a directory path");
  const segs = localSegments(name, o.structure ?? true);
  let st;
  try {
    st = await stat(directory);
  } catch {
    throw new ValidationError("directory", `${directory} does not exist`);
  }
  if (!st.isDirectory()) throw new ValidationError("directory", `${directory} is not a directory`);
  const root = await realpath(resolve(directory));
  const target = join(root, ...segs);
  if (!inside(root, target)) throw new ValidationError("name", "object name resolves outside the directory");
  const realParent = await makeFolders(root, segs.slice(0, -1));
  const finalPath = join(realParent, segs.at(-1) as string);

  const { res, info } = await openObject(client, container, name, { signal: o.signal });
  const temp = join(realParent, tempName(basename(target)));
  const md5 = createHash("md5");
  let file: FileHandle | undefined;
  try {
    // Open before streaming (not lazily inside a write stream), so that on failure the file
    // surely exists by the time it is removed and cannot appear afterwards.
    file = await open(temp, "wx");
    await pipeline(
      res.body,
      new Transform({
        transform(chunk: Buffer, _enc, cb) {
          md5.update(chunk);
          cb(null, chunk);
        },
      }),
      file.createWriteStream(),
      { signal: o.signal },
    );
    const digest = md5.digest("hex");
    // Large objects (quoted ETag / manifest headers) have no content MD5 to compare with.
    if ((o.verify ?? true) && info.largeObject === undefined && isPlainMd5(res.headers.etag) && digest !== info.etag)
      throw new DownloadFailed(`downloaded data's MD5 ${digest} does not match the ETag ${info.etag}`, container, name);
    await rename(temp, finalPath);
    return finalPath;
  } catch (e) {
    res.body.destroy();
    await file?.close().catch(() => undefined);
    if (file) await unlink(temp).catch(() => undefined);
    if (e instanceof DownloadFailed || e instanceof ValidationError) throw e;
    throw new DownloadFailed(`download did not complete: ${(e as Error).message}`, container, name, { cause: e });
  }
}
