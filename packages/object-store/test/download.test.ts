import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, realpath, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ValidationError } from "@rax/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DownloadFailed, type ObjectStore } from "../src/index";
import { type FakeSwift, startFakeSwift } from "./fake-swift";
import { clientFor, since } from "./setup";

let swift: FakeSwift;
let cf: ObjectStore;
let root: string;
let target: string;

/** Every file under `dir`, relative, recursively. */
async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, rel: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(join(d, e.name), r);
      else out.push(r);
    }
  };
  await walk(dir, "");
  return out.sort();
}

beforeAll(async () => {
  swift = await startFakeSwift();
});
afterAll(() => swift.close());
beforeEach(async () => {
  swift.reset();
  cf = clientFor(swift);
  root = await mkdtemp(join(tmpdir(), "rax-dl-"));
  target = join(root, "target");
  await mkdir(target);
});

describe("downloadObject", () => {
  it("recreates the nested folders by default, flat with structure: false", async () => {
    swift.put("base", "one/two/three.txt", "deep");
    const p = await cf.downloadObject("base", "one/two/three.txt", target);
    expect(p).toBe(join(await realpath(target), "one", "two", "three.txt"));
    expect(await readFile(p, "utf8")).toBe("deep");
    const flat = await cf.downloadObject("base", "one/two/three.txt", target, { structure: false });
    expect(dirname(flat)).toBe(await realpath(target));
    expect(await tree(target)).toEqual(["one/two/three.txt", "three.txt"]);
  });

  it("works from the container and from the object", async () => {
    swift.put("base", "a.txt", "A");
    const cont = await cf.getContainer("base");
    await cont.downloadObject("a.txt", target);
    const obj = await cf.getObject("base", "a.txt");
    await obj.download(target, { structure: false });
    expect(await tree(target)).toEqual(["a.txt"]);
  });

  it.each([
    ["../escape.txt"],
    ["../../etc/passwd"],
    ["/etc/passwd"],
    ["a\\..\\..\\b.txt"],
    ["a/../../b.txt"],
    ["bad\0name"],
    ["C:\\Windows\\x"],
    ["dir/"],
  ])("refuses %j with ValidationError, sends no request and writes nothing anywhere", async (name) => {
    swift.put("base", name, "evil");
    const mark = swift.requests.length;
    const err = await cf.downloadObject("base", name, target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(["name"]).toContain((err as ValidationError).field);
    expect(since(swift, mark)).toHaveLength(0);
    expect(await tree(root)).toEqual([]);
  });

  it("structure: false keeps only a safe base name", async () => {
    // (Names with "/../" segments are refused outright: a URL cannot carry them unchanged.)
    swift.put("base", "..\\..\\up\\file.txt", "ok");
    const p = await cf.downloadObject("base", "..\\..\\up\\file.txt", target, { structure: false });
    expect(await tree(root)).toEqual(["target/file.txt"]);
    expect(await readFile(p, "utf8")).toBe("ok");
    swift.put("base", "x/..", "no");
    await expect(cf.downloadObject("base", "x/..", target, { structure: false })).rejects.toBeInstanceOf(ValidationError);
  });

  it("refuses to write through a symbolic link inside the directory", async () => {
    const outside = join(root, "outside");
    await mkdir(outside);
    await symlink(outside, join(target, "link"));
    swift.put("base", "link/pwned.txt", "evil");
    await expect(cf.downloadObject("base", "link/pwned.txt", target)).rejects.toBeInstanceOf(ValidationError);
    expect(await readdir(outside)).toEqual([]);
  });

  it("an interrupted download leaves neither the final file nor a temp file", async () => {
    swift.put("base", "big.bin", Buffer.alloc(256 * 1024, 7));
    swift.faults.truncate.add("base/big.bin");
    const err = await cf.downloadObject("base", "big.bin", target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadFailed);
    expect(await tree(target)).toEqual([]);
  });

  it("a body whose MD5 does not match the ETag is rejected and removed", async () => {
    swift.put("base", "c.txt", "content");
    swift.faults.corruptBody.add("base/c.txt");
    const err = await cf.downloadObject("base", "c.txt", target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadFailed);
    expect(String((err as Error).message)).toMatch(/MD5/);
    expect(await tree(target)).toEqual([]);
  });

  it("large objects (quoted ETag) are not MD5-compared but still downloaded whole", async () => {
    swift.put("seg", "big/1/00000000", "hello ");
    swift.put("seg", "big/1/00000001", "world");
    const segs = [
      { path: "/seg/big/1/00000000", etag: createHash("md5").update("hello ").digest("hex"), size_bytes: 6 },
      { path: "/seg/big/1/00000001", etag: createHash("md5").update("world").digest("hex"), size_bytes: 5 },
    ];
    swift.put("base", "big", "", { slo: segs, etag: "whatever" });
    const p = await cf.downloadObject("base", "big", target);
    expect(await readFile(p, "utf8")).toBe("hello world");
  });

  it("the directory must exist", async () => {
    swift.put("base", "a", "A");
    const err = await cf.downloadObject("base", "a", join(root, "missing")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe("directory");
  });
});
