import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServiceCall } from "@rax/core";
import { NoSuchContainer, type ObjectStore, UploadFailed } from "@rax/object-store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Target, uniqueName } from "./target";

const md5 = (data: string | Uint8Array) => createHash("md5").update(data).digest("hex");
const KiB = 1024;

/** Every request the store sends, as method + query keys, for asserting which path a file took. */
function recordCalls(os: ObjectStore): Array<{ method: string; path: string; query: string[] }> {
  const calls: Array<{ method: string; path: string; query: string[] }> = [];
  const send = os.send.bind(os);
  os.send = (call: ServiceCall) => {
    calls.push({ method: call.method ?? "GET", path: "path" in call ? String(call.path) : "", query: Object.keys(call.query ?? {}) });
    return send(call);
  };
  return calls;
}

/**
 * Folder upload through Swift's bulk `?extract-archive=tar` (small files in archives, big files
 * PUT by themselves, every file verified against the listing), against the emulator and real Swift.
 */
export function folderUploadScenarios(getTarget: () => Target): void {
  const created: string[] = [];
  let os: ObjectStore;
  let dir: string;

  beforeAll(async () => {
    os = getTarget().objectStore();
    dir = await mkdtemp(join(tmpdir(), "rax-scn-archive-"));
  });
  afterAll(async () => {
    const clean = getTarget().objectStore();
    for (const name of created) {
      try {
        await clean.deleteContainer(name, { deleteObjects: true });
      } catch (e) {
        if (!(e instanceof NoSuchContainer)) throw e;
      }
    }
    await rm(dir, { recursive: true, force: true });
  });

  const containerFor = (label: string) => {
    const name = uniqueName(label);
    created.push(name, `${name}_segments`);
    return name;
  };

  describe("folder upload in archives", () => {
    it("stores nested, empty, long UTF-8 and big files; archives for the small ones; each file verified", async () => {
      const root = join(dir, "tree");
      const longDir = `${"ü".repeat(40)}-dossier`; // 89 bytes
      const longName = `${"é".repeat(60)}.txt`; // 124 bytes: past ustar's 100
      await mkdir(join(root, "a", "b", "c"), { recursive: true });
      await mkdir(join(root, longDir), { recursive: true });
      const files = new Map<string, Buffer>();
      const put = async (rel: string, data: Buffer) => {
        files.set(rel, data);
        await writeFile(join(root, ...rel.split("/")), data);
      };
      for (let i = 0; i < 25; i++) await put(`a/b/f${String(i).padStart(2, "0")}.bin`, randomBytes(1 + ((i * 977) % (3 * KiB))));
      await put("a/b/c/deep.txt", Buffer.from("deep\n"));
      await put("empty", Buffer.alloc(0));
      await put(`${longDir}/${longName}`, Buffer.from("long utf-8 name"));
      await put("big.bin", randomBytes(200 * KiB));

      const name = containerFor("archive");
      const s = getTarget().objectStore();
      const calls = recordCalls(s);
      const progress: number[] = [];
      const job = s.uploadFolder(root, { container: name, archive: { maxFileSize: 64 * KiB, batchFiles: 10, concurrency: 3 }, onProgress: (p) => progress.push(p.uploadedBytes) });
      const result = await job;
      expect(result.failed).toEqual([]);
      expect(result.notUploaded).toEqual([]);
      expect(result.uploaded.sort()).toEqual([...files.keys()].sort());
      const total = [...files.values()].reduce((a, b) => a + b.length, 0);
      expect(result.totalBytes).toBe(total);
      expect(result.uploadedBytes).toBe(total);
      expect(progress.at(-1)).toBe(total);

      // 28 small files in archives of ≤ 10 (3 in flight) → 3 archives; the big file by itself.
      const archives = calls.filter((c) => c.method === "PUT" && c.query.includes("extract-archive"));
      expect(archives).toHaveLength(3);
      const singles = calls.filter((c) => c.method === "PUT" && c.query.length === 0 && c.path !== `/${name}`);
      expect(singles.map((c) => decodeURIComponent(c.path))).toEqual([`/${name}/big.bin`]);

      const rows = await os.getObjects(name, { fullListing: true });
      const listed = new Map(rows.map((r) => [r.name, r]));
      expect([...listed.keys()].sort()).toEqual([...files.keys()].sort());
      for (const [rel, data] of files) {
        expect(listed.get(rel)?.bytes, rel).toBe(data.length);
        expect(listed.get(rel)?.etag, rel).toBe(md5(data));
      }
      expect((await os.fetchObject(name, `${longDir}/${longName}`)).toString()).toBe("long utf-8 name");
      expect((await os.fetchObject(name, "empty")).length).toBe(0);
      expect(md5(await os.fetchObject(name, "big.bin"))).toBe(md5(files.get("big.bin") as Buffer));
    });

    it("contentType and ttl reach every archived object", async () => {
      const root = join(dir, "typed");
      await mkdir(root, { recursive: true });
      await writeFile(join(root, "one.dat"), "1");
      await writeFile(join(root, "two.dat"), "22");
      const name = containerFor("archive-typed");
      const result = await os.uploadFolder(root, { container: name, contentType: "text/x-rax", ttl: 3600 });
      expect(result.uploaded.sort()).toEqual(["one.dat", "two.dat"]);
      const info = await os.getObject(name, "two.dat");
      expect(info.contentType).toBe("text/x-rax");
      expect(info.deleteAt).toBeGreaterThan(Date.now() / 1000 + 3000);
    });

    it("an entry the server refuses is a failure of that file only; the rest of its archive is stored", async () => {
      const root = join(dir, "refused");
      // Swift refuses object names over 1,024 bytes: 5 folders of 220 bytes put this one past it.
      const deep = Array.from({ length: 5 }, (_, i) => `${String(i)}${"d".repeat(219)}`);
      await mkdir(join(root, ...deep), { recursive: true });
      await writeFile(join(root, ...deep, "too-long.txt"), "x");
      await writeFile(join(root, "fine.txt"), "fine");
      await writeFile(join(root, "zz-fine.txt"), "also fine");
      const name = containerFor("archive-refused");
      const result = await os.uploadFolder(root, { container: name });
      expect(result.uploaded.sort()).toEqual(["fine.txt", "zz-fine.txt"]);
      expect(result.failed).toHaveLength(1);
      const failure = result.failed[0] as { name: string; error: unknown };
      expect(failure.name).toBe(`${deep.join("/")}/too-long.txt`);
      expect(failure.error).toBeInstanceOf(UploadFailed);
      expect((failure.error as UploadFailed).status).toBe(400);
      expect(await os.listObjectNames(name)).toEqual(["fine.txt", "zz-fine.txt"]);
    });

    it("cancel: uploaded lists only stored, verified files; every file is reported once", async () => {
      const root = join(dir, "cancel");
      await mkdir(root, { recursive: true });
      const names: string[] = [];
      for (let i = 0; i < 60; i++) {
        const rel = `f${String(i).padStart(3, "0")}.bin`;
        names.push(rel);
        await writeFile(join(root, rel), randomBytes(8 * KiB));
      }
      const name = containerFor("archive-cancel");
      const job = os.uploadFolder(root, { container: name, archive: { batchFiles: 5, concurrency: 1 } });
      job.on("progress", (p) => {
        if (p.uploadedBytes >= 12 * 8 * KiB) job.cancel();
      });
      const result = await job.done;
      expect(result.cancelled).toBe(true);
      expect([...result.uploaded, ...result.failed.map((f) => f.name), ...result.notUploaded].sort()).toEqual(names);
      expect(result.notUploaded.length).toBeGreaterThan(0);
      expect(result.uploadedBytes).toBe(result.uploaded.length * 8 * KiB);
      const stored = new Set(await os.listObjectNames(name));
      for (const n of result.uploaded) expect(stored.has(n), n).toBe(true);
    });
  });
}
