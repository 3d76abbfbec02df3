// Generated data. Deterministic (seeded), so rax and the peers get byte-identical input.
import crypto from "node:crypto";
import { Readable } from "node:stream";
import fs from "node:fs";
import path from "node:path";

/** A pseudo-random buffer from a seed (AES-CTR keystream: fast and reproducible). */
export function seededBytes(size, seed = "rax-bench") {
  const key = crypto.createHash("sha256").update(String(seed)).digest();
  const cipher = crypto.createCipheriv("aes-256-ctr", key, Buffer.alloc(16));
  return cipher.update(Buffer.alloc(size));
}

let streamPool;

/**
 * A `bytes`-long stream of 64 KiB chunks cut from one shared 1 MiB random buffer: generating it
 * costs almost no CPU or memory, so an upload row measures the client, not the generator.
 */
export function generatedStream(bytes, chunk = 64 * 1024) {
  const pool = (streamPool ??= seededBytes(1024 * 1024));
  let sent = 0;
  let off = 0;
  return Readable.from(
    (function* () {
      while (sent < bytes) {
        const n = Math.min(chunk, bytes - sent);
        if (off + n > pool.length) off = 0;
        yield pool.subarray(off, off + n);
        off += n;
        sent += n;
      }
    })(),
    { objectMode: false },
  );
}

/** Writes a `bytes`-long file of generated data (skipped when it already has that size). */
export async function generatedFile(file, bytes) {
  if (fs.existsSync(file) && fs.statSync(file).size === bytes) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file + ".tmp");
    generatedStream(bytes, 1 << 20).pipe(out).on("finish", resolve).on("error", reject);
  });
  fs.renameSync(file + ".tmp", file);
  return file;
}

/** `count` files of 1–64 KiB (sizes and contents seeded) under `dir`, in 10 sub-folders; always fresh. */
export function generatedFolder(dir, count) {
  fs.rmSync(dir, { recursive: true, force: true });
  const pool = seededBytes(1 << 20, "folder");
  const sizes = seededBytes(count * 2, "sizes");
  for (let i = 0; i < count; i++) {
    const size = 1024 + (sizes.readUInt16LE(i * 2) % (63 * 1024 + 1));
    const sub = path.join(dir, `d${i % 10}`);
    fs.mkdirSync(sub, { recursive: true });
    const off = (i * 7919) % (pool.length - size);
    fs.writeFileSync(path.join(sub, `f${String(i).padStart(5, "0")}.bin`), pool.subarray(off, off + size));
  }
  return dir;
}

/** Rewrites the first `n` files (sorted) with new content of the same size, so only content and mtime change. */
export function changeFiles(dir, n, round = 1) {
  const files = listFiles(dir).slice(0, n);
  for (const f of files) {
    const b = fs.readFileSync(f);
    b.writeUInt32LE(round, 0);
    b[b.length - 1] ^= 0xff;
    fs.writeFileSync(f, b);
  }
  return files;
}

export function listFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && !e.name.startsWith(".")) out.push(path.join(e.parentPath ?? e.path, e.name));
  }
  return out.sort();
}
