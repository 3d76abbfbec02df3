import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { ValidationError, lazy } from "@rax/core";
import * as z from "zod/mini";
import { globToRegExp } from "./glob";

export interface LocalFile {
  /** Absolute path on disk. */
  path: string;
  /** Path relative to the folder, `/`-separated on every OS: the object name (before any prefix). */
  rel: string;
  size: number;
  mtimeMs: number;
}

export type IgnoreMatcher = (rel: string, base: string) => boolean;

/** Glob pattern(s) matched against each file/folder name and relative path (see `globToRegExp`). */
export const ignoreSchema = lazy(() =>
  z.custom<string | string[]>(
    (v) => isPattern(v) || (Array.isArray(v) && v.every(isPattern)),
    "must be a glob pattern or a list of them",
  ),
);
const isPattern = (v: unknown) => typeof v === "string" && v.length > 0;

export function ignoreMatcher(ignore: string | string[] | undefined, field = "options.ignore"): IgnoreMatcher {
  if (ignore === undefined) return () => false;
  const patterns = (typeof ignore === "string" ? [ignore] : ignore).map((p) => globToRegExp(p, field));
  // Like pyrax's fnmatch on file names, a pattern matches the base name; patterns with a `/`
  // can also match the relative path.
  return (rel, base) => patterns.some((p) => p.test(base) || p.test(rel));
}

/**
 * Every regular file under `root` (symlinked files followed, symlinked folders skipped to avoid
 * cycles), minus ignored names; hidden names (leading `.`) only when `includeHidden`.
 */
export async function scanFolder(root: string, ignored: IgnoreMatcher, includeHidden: boolean): Promise<LocalFile[]> {
  const out: LocalFile[] = [];
  const walk = async (dir: string, relDir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (!includeHidden && entry.name.startsWith(".")) continue;
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      if (ignored(rel, entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(full, rel);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        const st = await stat(full).catch(() => undefined);
        if (st?.isFile()) out.push({ path: full, rel, size: st.size, mtimeMs: st.mtimeMs });
      }
    }
  };
  await walk(root, "");
  return out;
}

export async function checkFolder(path: unknown, field = "path"): Promise<string> {
  if (typeof path !== "string" || path.length === 0) throw new ValidationError(field, "must be a folder path");
  const st = await stat(path).catch(() => undefined);
  if (!st?.isDirectory()) throw new ValidationError(field, `${path} is not a folder`);
  return path;
}
