import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { archiveLength, type TarEntry, tarChunks } from "../src/transfer/tar-stream";

const md5 = (b: Buffer) => createHash("md5").update(b).digest("hex");
const dir = mkdtempSync(join(tmpdir(), "rax-tar-"));

async function archive(entries: TarEntry[]) {
  const done: Array<{ md5: string; intact: boolean }> = [];
  const bytes: number[] = entries.map(() => 0);
  const chunks: Buffer[] = [];
  for await (const c of tarChunks(entries, { bytes: (i, n) => (bytes[i] = (bytes[i] as number) + n), entryDone: (i, h, ok) => (done[i] = { md5: h, intact: ok }) }))
    chunks.push(c);
  const tar = Buffer.concat(chunks);
  const path = join(dir, `${Math.random().toString(36).slice(2)}.tar`);
  writeFileSync(path, tar);
  return { tar, path, done, bytes, chunks };
}

function file(name: string, data: Buffer): { path: string; data: Buffer } {
  const path = join(dir, `${Math.random().toString(36).slice(2)}-${name}`);
  writeFileSync(path, data);
  return { path, data };
}

/** What Python's tarfile (Swift's reader) sees: name, size, PAX records, content MD5. */
function pythonRead(path: string): Array<{ name: string; size: number; pax: Record<string, string>; md5: string }> {
  const script = `
import tarfile, json, sys, hashlib
out = []
with tarfile.open(sys.argv[1], mode="r|") as t:
    for ti in t:
        data = t.extractfile(ti).read() if ti.isfile() else b""
        out.append({"name": ti.name, "size": ti.size, "pax": ti.pax_headers, "md5": hashlib.md5(data).hexdigest()})
print(json.dumps(out))
`;
  return JSON.parse(execFileSync(existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3", ["-c", script, path]).toString());
}

describe("tar writer", () => {
  const a = file("a.txt", Buffer.from("hello"));
  const empty = file("empty", Buffer.alloc(0));
  const big = file("big.bin", randomBytes(600 * 1024 + 3)); // three reads, odd length
  const utf = file("utf", Buffer.from("utf-8 name"));
  const longName = `${"ü".repeat(40)}/${"é".repeat(60)}.txt`; // 206 bytes
  const ascii150 = `${"d".repeat(80)}/${"f".repeat(69)}`; // ASCII but over 100 bytes
  const entries: TarEntry[] = [
    { name: "a.txt", path: a.path, size: 5 },
    { name: "dir/empty", path: empty.path, size: 0 },
    { name: "big.bin", path: big.path, size: big.data.length },
    { name: longName, path: utf.path, size: utf.data.length },
    { name: ascii150, path: a.path, size: 5, contentType: "text/x-rax; charset=ütf-8" },
  ];

  it("GNU tar lists every entry under its exact name (PAX path for long and UTF-8 names) and extracts the same bytes", async () => {
    const { path } = await archive(entries);
    const listed = execFileSync("tar", ["-tf", path]).toString("utf8").trimEnd().split("\n");
    expect(listed).toEqual(entries.map((e) => e.name));
    expect(execFileSync("tar", ["-xOf", path, "big.bin"]).equals(big.data)).toBe(true);
    expect(execFileSync("tar", ["-xOf", path, longName]).toString()).toBe("utf-8 name");
    expect(execFileSync("tar", ["-xOf", path, "dir/empty"]).length).toBe(0);
  });

  it("Python's tarfile (Swift's reader) reads the names, sizes, contents and the mime-type xattr", async () => {
    const { path } = await archive(entries);
    const seen = pythonRead(path);
    expect(seen.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    expect(seen.map((e) => e.size)).toEqual(entries.map((e) => e.size));
    expect(seen[2]?.md5).toBe(md5(big.data));
    expect(seen[4]?.pax["SCHILY.xattr.user.mime_type"]).toBe("text/x-rax; charset=ütf-8");
    expect(seen[0]?.pax).toEqual({});
  });

  it("archiveLength is the exact byte count; each entry's MD5 and bytes are reported as they stream", async () => {
    const { tar, done, bytes, chunks } = await archive(entries);
    expect(tar.length).toBe(archiveLength(entries));
    expect(tar.length % 512).toBe(0);
    expect(done.map((d) => d.md5)).toEqual([md5(a.data), md5(Buffer.alloc(0)), md5(big.data), md5(utf.data), md5(a.data)]);
    expect(done.every((d) => d.intact)).toBe(true);
    expect(bytes).toEqual(entries.map((e) => e.size));
    // A small file goes out as one chunk with its header; a big one in reads, not whole.
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(big.data.length);
  });

  it("a file that changed size since the scan keeps the archive valid and is reported not intact", async () => {
    const shrunk = file("shrunk", Buffer.from("short"));
    const grown = file("grown", Buffer.from("longer than listed"));
    const list: TarEntry[] = [
      { name: "shrunk", path: shrunk.path, size: 50 },
      { name: "grown", path: grown.path, size: 6 },
      { name: "a.txt", path: a.path, size: 5 },
    ];
    const { tar, path, done } = await archive(list);
    expect(tar.length).toBe(archiveLength(list));
    expect(done.map((d) => d.intact)).toEqual([false, false, true]);
    expect(execFileSync("tar", ["-xOf", path, "a.txt"]).toString()).toBe("hello");
  });

  it("bytes the file does not supply are zeros: a shrunk file's missing data, every padding; a file grown past a 512-byte boundary is seen", async () => {
    // Fill the allocator's pool with non-zero bytes first: a buffer reused from it must not leak them.
    for (let k = 0; k < 64; k++) Buffer.allocUnsafe(4096).fill(0xab);
    const shrunk = file("shrunk2", Buffer.from("short"));
    const at512 = file("at512", Buffer.alloc(513, 7)); // listed at 512: no padding after it
    const odd = file("odd", Buffer.alloc(700, 9));
    const list: TarEntry[] = [
      { name: "shrunk", path: shrunk.path, size: 50 },
      { name: "at512", path: at512.path, size: 512 },
      { name: "odd", path: odd.path, size: 700 },
    ];
    const { tar, path, done } = await archive(list);
    expect(done.map((d) => d.intact)).toEqual([false, false, true]);
    expect(done[0]?.md5).toBe(md5(Buffer.concat([Buffer.from("short"), Buffer.alloc(45)])));
    expect(execFileSync("tar", ["-xOf", path, "shrunk"]).equals(Buffer.concat([Buffer.from("short"), Buffer.alloc(45)]))).toBe(true);
    expect(execFileSync("tar", ["-xOf", path, "at512"]).equals(Buffer.alloc(512, 7))).toBe(true);
    // Layout: header 0–511, shrunk's data 512–561 + padding to 1024; at512: header, data 1536–2047;
    // odd: header 2048, data 2560–3259, padding to 3584; then two zero blocks.
    expect(tar.subarray(512 + 5, 1024).every((b) => b === 0)).toBe(true);
    expect(tar.subarray(2560 + 700, 3584).every((b) => b === 0)).toBe(true);
    expect(tar.subarray(3584).every((b) => b === 0)).toBe(true);
    expect(tar.length).toBe(archiveLength(list));
  });

  it("a file removed since the scan fails the stream", async () => {
    await expect(archive([{ name: "gone", path: join(dir, "no-such-file"), size: 3 }])).rejects.toThrow(/ENOENT/);
  });
});
