import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { mkdir, open, rename, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ValidationError } from "@rax/core";
import { INSPECT } from "./printed-form";
import type { StoredToken, TokenStore } from "./token-store";

export interface FileTokenStoreOptions {
  /**
   * Directory of the token files (created with mode 0700). Default: `rax-tokens-<uid>` in the OS
   * temp directory, which is a function's writable `/tmp` on AWS Lambda and Google Cloud Functions.
   */
  dir?: string;
}

const KEY = /^[A-Za-z0-9._-]{1,200}$/;
const POSIX = process.platform !== "win32";

function defaultDir(): string {
  const uid = typeof process.getuid === "function" ? String(process.getuid()) : "user";
  return join(tmpdir(), `rax-tokens-${uid}`);
}

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | null)?.code;
}

/**
 * Tokens in files, one per key: a serverless function's writable tmp (a warm container, or the
 * next cold start on the same instance, skips identity) or a tool's cache directory.
 *
 * Files are written with mode 0600 to a temporary name and renamed into place, so a reader never
 * sees half a file and a crash leaves no torn token. A file that is not this user's, is readable
 * by others, is a symlink, or is not valid JSON is refused (the session then warns and
 * authenticates); errors never quote the file's contents.
 */
export class FileTokenStore implements TokenStore {
  readonly dir: string;

  constructor(o: FileTokenStoreOptions = {}) {
    if (o === null || typeof o !== "object") throw new ValidationError("options", "expected an object");
    if (o.dir !== undefined && (typeof o.dir !== "string" || o.dir.trim() === "")) {
      throw new ValidationError("dir", "expected a non-empty directory path");
    }
    this.dir = o.dir ?? defaultDir();
  }

  /** The file that holds `key`. */
  pathFor(key: string): string {
    if (typeof key !== "string" || !KEY.test(key)) throw new ValidationError("key", "expected letters, digits, '.', '_' or '-' (a key made by rax)");
    return join(this.dir, `${key}.json`);
  }

  async get(key: string): Promise<StoredToken | undefined> {
    const file = this.pathFor(key);
    let handle;
    try {
      // O_NOFOLLOW: a symlink planted at the name (another user's file, /dev/zero) is not read.
      handle = await open(file, constants.O_RDONLY | (POSIX ? constants.O_NOFOLLOW : 0));
    } catch (e) {
      if (errno(e) === "ENOENT") return undefined;
      if (errno(e) === "ELOOP") throw new Error(`${file} is a symbolic link; refusing to read it`);
      throw e;
    }
    try {
      const st = await handle.stat();
      if (!st.isFile()) throw new Error(`${file} is not a regular file`);
      if (POSIX) {
        const uid = process.getuid?.();
        if (uid !== undefined && st.uid !== uid) throw new Error(`${file} belongs to another user (uid ${st.uid}); refusing to use its token`);
        if ((st.mode & 0o077) !== 0) throw new Error(`${file} is readable or writable by others (mode ${(st.mode & 0o777).toString(8)}); refusing to use its token`);
      }
      const text = await handle.readFile("utf8");
      try {
        return JSON.parse(text) as StoredToken;
      } catch {
        // JSON.parse's message quotes the text, which may hold a token.
        throw new Error(`${file} is not valid JSON`);
      }
    } finally {
      await handle.close();
    }
  }

  async set(key: string, value: StoredToken): Promise<void> {
    const file = this.pathFor(key);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const temp = join(this.dir, `.${key}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      // "wx": a fresh file of ours with mode 0600 from the first byte, never someone else's.
      await writeFile(temp, JSON.stringify(value), { mode: 0o600, flag: "wx" });
      await rename(temp, file);
    } catch (e) {
      await unlink(temp).catch(() => undefined);
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathFor(key));
    } catch (e) {
      if (errno(e) !== "ENOENT") throw e;
    }
  }

  toJSON(): Record<string, unknown> {
    return { dir: this.dir };
  }

  [INSPECT](_depth: number, options: object, inspect: (v: unknown, o: object) => string): string {
    return `FileTokenStore ${inspect(this.toJSON(), options)}`;
  }
}
