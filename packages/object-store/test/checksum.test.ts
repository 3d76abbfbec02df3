import { createHash } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getChecksum, getFileChecksum } from "../src/index";

const md5 = (b: Buffer) => createHash("md5").update(b).digest("hex");
// Over two read buffers long, every byte differing from its neighbours'.
const data = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31 + (i >> 9)) % 256));
let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rax-sum-"));
  file = join(dir, "f.bin");
  await writeFile(file, data);
});

describe("getFileChecksum", () => {
  it("hashes a whole file over many reads", async () => {
    expect(await getFileChecksum(file)).toBe(md5(data));
    expect(await getChecksum({ path: file })).toBe(md5(data));
  });

  it("hashes bytes start..end inclusive, across read boundaries", async () => {
    expect(await getFileChecksum(file, { start: 100_000, end: 299_999 })).toBe(md5(data.subarray(100_000)));
    expect(await getFileChecksum(file, { start: 131_000, end: 131_100 })).toBe(md5(data.subarray(131_000, 131_101)));
    expect(await getFileChecksum(file, { start: 7, end: 7 })).toBe(md5(data.subarray(7, 8)));
  });

  it("a range past the end hashes what the file has, as a read stream would", async () => {
    expect(await getFileChecksum(file, { start: 299_990, end: 400_000 })).toBe(md5(data.subarray(299_990)));
  });

  it("an empty file hashes to the MD5 of nothing", async () => {
    const empty = join(dir, "empty");
    await writeFile(empty, "");
    expect(await getFileChecksum(empty)).toBe(md5(Buffer.alloc(0)));
  });

  it("a missing file rejects with the system error", async () => {
    await expect(getFileChecksum(join(dir, "nope"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});
