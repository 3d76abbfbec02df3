import { mkdir, mkdtemp, symlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { AbortError, ValidationError } from "@rax/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FolderProgress, type ObjectStore } from "../src/index";
import { FINISHED_UPLOADS_KEPT } from "../src/transfer/folders";
import { type EmulatedSwift, startEmulatedSwift } from "./emulator-client";
import { startFixture } from "./fixture-server";
import { scanFolder } from "../src/transfer/folder-scan";

let swift: EmulatedSwift;
let cf: ObjectStore;
let folder: string;

// A fresh emulator per test: each starts from an empty account.
beforeEach(async () => {
  swift = await startEmulatedSwift();
  cf = swift.client();
  const root = await mkdtemp(join(tmpdir(), "rax-folder-"));
  folder = join(root, "cool_project");
  await mkdir(join(folder, "src", "deep"), { recursive: true });
  await mkdir(join(folder, ".git"));
  await writeFile(join(folder, "README.md"), "readme");
  await writeFile(join(folder, "src", "main.py"), "print('hi')");
  await writeFile(join(folder, "src", "main.pyc"), "bytecode");
  await writeFile(join(folder, "src", "deep", "data.tgz"), "tarball");
  await writeFile(join(folder, "src", "deep", "tmp_file"), "temp");
  await writeFile(join(folder, ".git", "HEAD"), "ref");
});

afterEach(() => swift.close());

const stored = (c: string) => swift.names(c);

describe("uploadFolder", () => {
  it("creates a container named after the folder and stores relative '/'-separated names", async () => {
    const job = cf.uploadFolder(folder);
    expect(job.container).toBe("cool_project");
    expect(job.key).toBe(job.id);
    expect(await job.scanned).toEqual({ key: job.key, totalBytes: 6 + 11 + 8 + 7 + 4 + 3, files: 6 });
    expect(job.totalBytes).toBe(6 + 11 + 8 + 7 + 4 + 3);
    const r = await job.done;
    expect(r.failed).toEqual([]);
    expect(r.uploaded.sort()).toEqual(stored("cool_project"));
    expect(stored("cool_project")).toEqual([".git/HEAD", "README.md", "src/deep/data.tgz", "src/deep/tmp_file", "src/main.py", "src/main.pyc"]);
    expect(job.uploadedBytes).toBe(job.totalBytes);
    expect(cf.getUploaded(job.key)).toBe(job.totalBytes);
  });

  it("uploads into a named container, skipping ignored patterns (string or list)", async () => {
    await (cf.uploadFolder(folder, { container: "software", ignore: "*.pyc" })).done;
    expect(stored("software")).not.toContain("src/main.pyc");
    await cf.deleteContainer("software", { deleteObjects: true });
    const job = cf.uploadFolder(folder, { container: "software", ignore: ["*.pyc", "*.tgz", "tmp*", ".git"] });
    await job.done;
    expect(stored("software")).toEqual(["README.md", "src/main.py"]);
  });

  it("reports progress live and via onProgress, ending at totalBytes", async () => {
    const seen: FolderProgress[] = [];
    const cb: number[] = [];
    const job = cf.uploadFolder(folder, { concurrency: 2, onProgress: (p) => cb.push(p.uploadedBytes) });
    job.on("progress", (p: FolderProgress) => seen.push(p));
    const r = await job.done;
    expect(seen.length).toBeGreaterThan(0);
    expect(cb.at(-1)).toBe(job.totalBytes);
    expect(Math.max(...seen.map((p) => p.uploadedBytes))).toBeLessThanOrEqual(job.totalBytes);
    expect(r.uploadedBytes).toBe(job.totalBytes);
  });

  it("cancel() stops the upload: done resolves with cancelled and the rest not uploaded", async () => {
    for (let i = 0; i < 30; i++) await writeFile(join(folder, `f${String(i).padStart(2, "0")}.txt`), `file ${i}`);
    const job = cf.uploadFolder(folder, { concurrency: 1 });
    const off = job.on("progress", () => {
      off();
      cf.cancelFolderUpload(job.key);
    });
    const r = await job.done;
    expect(r.cancelled).toBe(true);
    expect(r.notUploaded.length).toBeGreaterThan(0);
    expect(r.uploaded.length + r.notUploaded.length + r.failed.length).toBe(36);
    expect(stored("cool_project").length).toBeLessThan(36);
  });

  it("an AbortSignal cancels too: fired mid-way the job resolves cancelled; fired before, it rejects with AbortError", async () => {
    const ac = new AbortController();
    const job = cf.uploadFolder(folder, { signal: ac.signal, concurrency: 1, archive: false, onProgress: () => ac.abort() });
    const r = await job.done;
    expect(r.cancelled).toBe(true);
    expect(r.notUploaded.length).toBeGreaterThan(0);
    await expect(cf.uploadFolder(folder, { signal: AbortSignal.abort() }).done).rejects.toBeInstanceOf(AbortError);
  });

  it("a high concurrency is not reported as an abort-listener leak", async () => {
    for (let i = 0; i < 40; i++) await writeFile(join(folder, "src", `many${i}.txt`), `file ${i}`);
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    try {
      const job = cf.uploadFolder(folder, { concurrency: 32 });
      const r = await job.done;
      expect(r.failed).toEqual([]);
      expect(r.uploaded).toHaveLength(46);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings).not.toContain("MaxListenersExceededWarning");
  });

  it("a failing file is reported and the others still upload", async () => {
    // Faults act on requests that reach the emulator, not on the entries of an archive: PUTs here.
    swift.emu.faults.inject({ match: { method: "PUT", regex: /\/cool_project\/README\.md$/ }, status: 503, times: Infinity });
    const r = await (cf.uploadFolder(folder, { archive: false })).done;
    expect(r.failed.map((f) => f.name)).toEqual(["README.md"]);
    expect(r.uploaded).toHaveLength(5);
  });

  it("small files go in archives spread over the archives in flight, each file verified by one listing per archive", async () => {
    const many = join(folder, "..", "many");
    await mkdir(many);
    for (let i = 0; i < 20; i++) await writeFile(join(many, `f${String(i).padStart(2, "0")}.txt`), `file ${i}`);
    const mark = swift.mark();
    const r = await cf.uploadFolder(many).done;
    expect(r.uploaded).toHaveLength(20);
    expect(stored("many")).toHaveLength(20);
    const reqs = swift.since(mark);
    // 20 files over 8 archives in flight, at least 4 per archive: 5 archives (PUTs to the container
    // besides the one that creates it), 5 verifying listings, no PUT per file.
    expect(reqs.filter((q) => q.method === "PUT" && q.path.endsWith("/many"))).toHaveLength(1 + 5);
    expect(reqs.filter((q) => q.method === "PUT" && !q.path.endsWith("/many"))).toHaveLength(0);
    expect(reqs.filter((q) => q.method === "GET")).toHaveLength(5);
  });

  it("validates before any request", async () => {
    const mark = swift.mark();
    await expect(cf.uploadFolder(join(folder, "nope"))).rejects.toMatchObject({ field: "path" });
    await expect(cf.uploadFolder(folder, { ignore: [3 as unknown as string] })).rejects.toMatchObject({ field: "options.ignore" });
    await expect(cf.uploadFolder(folder, { concurrency: 0 })).rejects.toBeInstanceOf(ValidationError);
    expect(() => cf.getUploaded("no-such-key")).toThrow(ValidationError);
    expect(swift.since(mark)).toHaveLength(0);
  });
});

// pyrax keeps a byte count per upload key; rax used to keep every job with its per-file report
// for the life of the client, so a long-running process grew with each upload it ever ran.
describe("settled folder uploads", () => {
  it("getUploaded answers with the final count after the job settles; a late cancel changes nothing", async () => {
    const job = cf.uploadFolder(folder);
    const total = (await job.scanned).totalBytes;
    const r = await job;
    expect(cf.getUploaded(job.key)).toBe(total);
    // A cancel that races the last file (a Ctrl-C handler) must not throw, nor rewrite the outcome.
    expect(() => cf.cancelFolderUpload(job.key)).not.toThrow();
    expect(job.cancelled).toBe(false);
    expect(job.status).toBe("succeeded");
    expect(r.cancelled).toBe(false);
    expect(cf.getUploaded(job.key)).toBe(total);
  });

  it("a cancelled or failed upload keeps its count; an unknown key is refused naming the field", async () => {
    const job = cf.folders.upload(folder);
    cf.folders.cancelUpload(job.key); // same tick: nothing sent
    await job.catch(() => undefined);
    expect(cf.folders.getUploaded(job.key)).toBe(0);
    expect(() => cf.folders.cancelUpload(job.key)).not.toThrow();
    const bad = cf.folders.upload(folder, { concurrency: 0 });
    await bad.catch(() => undefined);
    expect(cf.folders.getUploaded(bad.key)).toBe(0);
    expect(() => cf.folders.cancelUpload("no-such-key")).toThrow(ValidationError);
    expect(() => cf.folders.cancelUpload("no-such-key")).toThrow(/^key: no folder upload with this key/);
  });

  it("the client lets go of a settled job (its report is the caller's), and remembers only the last counts", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    // Jobs whose options are refused settle without a request: nothing but the client could hold them.
    // Started in a function of its own, so that no variable of this test keeps the job alive.
    const settleOne = async () => {
      const j = cf.folders.upload(folder, { concurrency: 0 });
      await j.catch(() => undefined);
      return { key: j.key, ref: new WeakRef(j) };
    };
    const { key: firstKey, ref } = await settleOne();
    let lastKey = "";
    for (let i = 0; i < FINISHED_UPLOADS_KEPT; i++) lastKey = (await settleOne()).key;
    await new Promise((r) => setImmediate(r));
    gc();
    expect(ref.deref()).toBeUndefined();
    expect(cf.folders.getUploaded(lastKey)).toBe(0);
    // The oldest count went when the 1001st upload settled.
    expect(() => cf.folders.getUploaded(firstKey)).toThrow(ValidationError);
  });
});

describe("syncFolderToContainer", () => {
  beforeEach(async () => {
    await swift.createContainer("important_files");
  });

  it("uploads everything but hidden files the first time: ONE listing to compare, the changed files as ONE archive and its verifying listing, no HEADs", async () => {
    const mark = swift.mark();
    const r = await cf.syncFolderToContainer(folder, "important_files");
    expect(r.uploaded).toEqual(["README.md", "src/deep/data.tgz", "src/deep/tmp_file", "src/main.py", "src/main.pyc"]);
    expect(r.skipped).toEqual([]);
    expect(r.failed).toEqual([]);
    expect(swift.since(mark).map((q) => q.method)).toEqual(["GET", "PUT", "GET"]);
    expect(swift.data("important_files", "src/deep/data.tgz")?.toString()).toBe("tarball");
  });

  it("archive: false sends a PUT per changed file", async () => {
    const mark = swift.mark();
    const r = await cf.syncFolderToContainer(folder, "important_files", { archive: false, prefix: "p" });
    expect(r.uploaded).toHaveLength(5);
    const methods = swift.since(mark).map((q) => q.method);
    expect(methods.filter((m) => m === "PUT")).toHaveLength(5);
    expect(methods.filter((m) => m === "GET")).toHaveLength(1);
    expect(stored("important_files").sort()).toEqual(r.uploaded.sort());
  });

  it("skips unchanged files (size + MD5), uploads changed ones, and reports", async () => {
    await cf.syncFolderToContainer(folder, "important_files");
    await writeFile(join(folder, "README.md"), "new readme!");
    const future = new Date(Date.now() + 60_000);
    await utimes(join(folder, "README.md"), future, future);
    const container = await cf.getContainer("important_files");
    const mark = swift.mark();
    const r = await cf.syncFolderToContainer(folder, container);
    // One listing page (shorter than the limit asked for, so the last) and one PUT.
    expect(swift.since(mark).map((q) => q.method)).toEqual(["GET", "PUT"]);
    expect(r.uploaded).toEqual(["README.md"]);
    expect(r.skipped).toHaveLength(4);
    expect(swift.data("important_files", "README.md")?.toString()).toBe("new readme!");
  });

  it("keeps a newer remote copy unless ignoreTimestamps", async () => {
    await cf.syncFolderToContainer(folder, "important_files");
    await writeFile(join(folder, "README.md"), "older local edit");
    const past = new Date(Date.now() - 3_600_000);
    await utimes(join(folder, "README.md"), past, past);
    const r = await cf.syncFolderToContainer(folder, "important_files");
    expect(r.uploaded).toEqual([]);
    const r2 = await cf.syncFolderToContainer(folder, "important_files", { ignoreTimestamps: true });
    expect(r2.uploaded).toEqual(["README.md"]);
  });

  it("includeHidden, ignore and prefix", async () => {
    const r = await cf.syncFolderToContainer(folder, "important_files", { includeHidden: true, ignore: "*.py?", prefix: "backup" });
    expect(r.uploaded).toContain("backup/.git/HEAD");
    expect(r.uploaded).toContain("backup/src/main.py");
    expect(r.uploaded).not.toContain("backup/src/main.pyc");
    expect(stored("important_files").every((n) => n.startsWith("backup/"))).toBe(true);
  });

  it("lists only under the prefix (one GET with prefix=…/)", async () => {
    const fx = await startFixture((req) => (req.method === "GET" ? { status: 200, body: [] } : { status: 201, headers: { etag: "x" } }));
    try {
      await fx.client().syncFolderToContainer(folder, "important_files", { prefix: "backup", ignore: "*" });
      const listings = fx.requests.filter((q) => q.method === "GET");
      expect(listings).toHaveLength(1);
      expect(listings[0]?.query.get("prefix")).toBe("backup/");
    } finally {
      await fx.close();
    }
  });

  it("delete: true removes remote objects with no local file, only under the prefix", async () => {
    await swift.put("important_files", "backup/stale.txt", "old");
    await swift.put("important_files", "elsewhere/keep.txt", "keep");
    await swift.put("important_files", "backup/.hidden", "hidden stays");
    const r = await cf.syncFolderToContainer(folder, "important_files", { prefix: "backup/", delete: true });
    expect(r.deleted).toEqual(["backup/stale.txt"]);
    expect(stored("important_files")).toContain("elsewhere/keep.txt");
    expect(stored("important_files")).toContain("backup/.hidden");
    expect(stored("important_files")).not.toContain("backup/stale.txt");
  });

  it("a missing container fails with NoSuchContainer before uploading", async () => {
    await expect(cf.syncFolderToContainer(folder, "missing")).rejects.toMatchObject({ name: "NoSuchContainer" });
  });
});

describe("folder scan", () => {
  it("lists files in name order with their sizes, subfolders in place among more files than are stat'ed at once", async () => {
    const root = await mkdtemp(join(tmpdir(), "rax-scan-"));
    const expected: Array<[string, number]> = [];
    for (let i = 0; i < 80; i++) {
      const name = `f${String(i).padStart(2, "0")}`;
      await writeFile(join(root, name), "x".repeat(i));
      expected.push([name, i]);
      // Subfolders that sort right after f05, f40 and f77: their files belong there.
      if (i === 5 || i === 40 || i === 77) {
        await mkdir(join(root, `${name}d`));
        await writeFile(join(root, `${name}d`, "inner"), "inner");
        expected.push([`${name}d/inner`, 5]);
      }
    }
    await symlink(join(root, "no-such-file"), join(root, "f99-dangling"));
    const files = await scanFolder(root, () => false, true);
    expect(files.map((f) => [f.rel, f.size])).toEqual(expected);
    expect(files[1]?.path).toBe(join(root, "f01"));
  });
});
