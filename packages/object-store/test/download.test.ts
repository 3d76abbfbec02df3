import { createHash } from "node:crypto";
import { lstat, mkdir, mkdtemp, readdir, readFile, realpath, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ValidationError } from "@rax/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DownloadFailed, type ObjectStore } from "../src/index";
import { type EmulatedSwift, startEmulatedSwift } from "./emulator-client";
import { startFixture } from "./fixture-server";

let swift: EmulatedSwift;
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
  swift = await startEmulatedSwift();
});
afterAll(() => swift.close());
beforeEach(async () => {
  cf = swift.client();
  root = await mkdtemp(join(tmpdir(), "rax-dl-"));
  target = join(root, "target");
  await mkdir(target);
});

describe("downloadObject", () => {
  it("recreates the nested folders by default, flat with structure: false", async () => {
    await swift.put("base", "one/two/three.txt", "deep");
    const p = await cf.downloadObject("base", "one/two/three.txt", target);
    expect(p).toBe(join(await realpath(target), "one", "two", "three.txt"));
    expect(await readFile(p, "utf8")).toBe("deep");
    const flat = await cf.downloadObject("base", "one/two/three.txt", target, { structure: false });
    expect(dirname(flat)).toBe(await realpath(target));
    expect(await tree(target)).toEqual(["one/two/three.txt", "three.txt"]);
  });

  it("works from the container and from the object", async () => {
    await swift.put("base", "a.txt", "A");
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
    // Refused from the name alone: whether such an object exists does not matter (most of these
    // names cannot even be stored through a URL).
    const mark = swift.mark();
    const err = await cf.downloadObject("base", name, target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(["name"]).toContain((err as ValidationError).field);
    expect(swift.since(mark)).toHaveLength(0);
    expect(await tree(root)).toEqual([]);
  });

  it("structure: false keeps only a safe base name", async () => {
    // (Names with "/../" segments are refused outright: a URL cannot carry them unchanged.)
    await swift.put("base", "..\\..\\up\\file.txt", "ok");
    const p = await cf.downloadObject("base", "..\\..\\up\\file.txt", target, { structure: false });
    expect(await tree(root)).toEqual(["target/file.txt"]);
    expect(await readFile(p, "utf8")).toBe("ok");
    await expect(cf.downloadObject("base", "x/..", target, { structure: false })).rejects.toBeInstanceOf(ValidationError);
  });

  it("refuses to write through a symbolic link inside the directory", async () => {
    const outside = join(root, "outside");
    await mkdir(outside);
    await symlink(outside, join(target, "link"));
    await swift.put("base", "link/pwned.txt", "evil");
    await expect(cf.downloadObject("base", "link/pwned.txt", target)).rejects.toBeInstanceOf(ValidationError);
    expect(await readdir(outside)).toEqual([]);
  });

  it("a symbolic link already at the file's path is replaced, never written through", async () => {
    const outside = join(root, "outside.txt");
    await writeFile(outside, "keep");
    await symlink(outside, join(target, "evil.txt"));
    await swift.put("base", "evil.txt", "new");
    const p = await cf.downloadObject("base", "evil.txt", target);
    expect(await readFile(outside, "utf8")).toBe("keep");
    expect((await lstat(p)).isSymbolicLink()).toBe(false);
    expect(await readFile(p, "utf8")).toBe("new");
  });

  it("an interrupted download leaves neither the final file nor a temp file", async () => {
    const body = Buffer.alloc(256 * 1024, 7);
    const md5 = createHash("md5").update(body).digest("hex");
    const fx = await startFixture(() => ({ status: 200, headers: { etag: md5 }, body, cutAfter: body.length / 2 }));
    try {
      const err = await fx.client().downloadObject("base", "big.bin", target).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DownloadFailed);
      expect(await tree(target)).toEqual([]);
    } finally {
      await fx.close();
    }
  });

  it("a body whose MD5 does not match the ETag is rejected and removed", async () => {
    // One byte flipped on the way: the ETag is still the stored content's MD5.
    const etag = createHash("md5").update("content").digest("hex");
    const fx = await startFixture(() => ({ status: 200, headers: { etag }, body: "Content" }));
    try {
      const err = await fx.client().downloadObject("base", "c.txt", target).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DownloadFailed);
      expect(String((err as Error).message)).toMatch(/MD5/);
      expect(await tree(target)).toEqual([]);
    } finally {
      await fx.close();
    }
  });

  it("large objects (quoted ETag) are not MD5-compared but still downloaded whole", async () => {
    await cf.storeObject("base", "big", "hello world", { largeObject: true, segmentSize: 6 });
    const head = await cf.getObject("base", "big");
    expect(head.largeObject).toBe("slo");
    expect(head.etag).not.toBe(createHash("md5").update("hello world").digest("hex"));
    const p = await cf.downloadObject("base", "big", target);
    expect(await readFile(p, "utf8")).toBe("hello world");
  });

  it("a file name of 255 bytes downloads (the temp file's name is kept within the limit too)", async () => {
    const long = `${"é".repeat(100)}${"n".repeat(51)}.bin`; // 200 + 51 + 4 = 255 bytes
    const name = `${"d".repeat(255)}/${"e".repeat(255)}/${"f".repeat(250)}/${long}`; // 1,021 bytes: Swift allows 1,024
    await swift.put("base", name, "long");
    const p = await cf.downloadObject("base", name, target);
    expect(await readFile(p, "utf8")).toBe("long");
    const flat = await cf.downloadObject("base", name, target, { structure: false });
    expect(flat).toBe(join(await realpath(target), long));
    expect((await tree(target)).sort()).toEqual([name, long].sort());
  });

  it.each([[true], [false]])("a segment over 255 bytes is refused before any request (structure: %s)", async (structure) => {
    const name = `dir/${"x".repeat(256)}`;
    await swift.put("base", name, "x");
    const mark = swift.mark();
    const err = await cf.downloadObject("base", name, target, { structure }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe("name");
    expect((err as Error).message).toMatch(/256 bytes/);
    expect(swift.since(mark)).toHaveLength(0);
    expect(await tree(root)).toEqual([]);
  });

  it("the directory must exist", async () => {
    await swift.put("base", "a", "A");
    const err = await cf.downloadObject("base", "a", join(root, "missing")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe("directory");
  });
});
