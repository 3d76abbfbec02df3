// Bulk delete and folder upload as core's Job: awaitable, status, progress events, abort, id.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AbortError, type JobStatus, ValidationError } from "@rax/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { BulkDeleteProgress, FolderProgress, ObjectStore } from "../src/index";
import { type EmulatedSwift, startEmulatedSwift } from "./emulator-client";

let swift: EmulatedSwift;
let cf: ObjectStore;
beforeAll(async () => {
  swift = await startEmulatedSwift();
  cf = swift.client();
});
afterAll(() => swift?.close());

const names = ["a", "b", "c", "d", "e"];
let container: string;
let n = 0;
beforeEach(async () => {
  container = `jobs${n++}`;
  await cf.createContainer(container);
  for (const name of names) await cf.storeObject(container, name, `data ${name}`);
});

const bulkDeletes = (mark: number) => swift.since(mark).filter((r) => r.method === "DELETE");

describe("bulk delete as a Job", () => {
  it("awaitable, with a status event, progress per batch and pyrax's completed/results", async () => {
    const statuses: JobStatus[] = [];
    const progress: BulkDeleteProgress[] = [];
    const mark = swift.emu.requests.length;
    const job = cf.bulkDelete(container, names, { async: true, batchSize: 2 });
    job.on("status", (s) => statuses.push(s));
    job.on("progress", (p) => progress.push(p));
    expect(job.status).toBe("running");
    expect(job.completed).toBe(false);
    const r = await job;
    expect(r).toEqual({ deleted: 5, notFound: 0, status: "200 OK", errors: [] });
    expect(job.status).toBe("succeeded");
    expect(job.completed).toBe(true);
    expect(job.results).toBe(r);
    expect(await job.done).toBe(r);
    expect(statuses).toEqual(["succeeded"]);
    expect(progress.map((p) => [p.done, p.total, p.deleted])).toEqual([
      [2, 5, 2],
      [4, 5, 4],
      [5, 5, 5],
    ]);
    expect(job.progress).toEqual(progress.at(-1));
    expect(bulkDeletes(mark)).toHaveLength(3);
    expect(await cf.listObjectNames(container)).toEqual([]);
  });

  it("abort() stops it between batches: 'aborted', the partial counts as its result", async () => {
    const mark = swift.emu.requests.length;
    const job = cf.bulkDelete(container, names, { async: true, batchSize: 1 });
    job.on("progress", (p) => {
      if (p.done === 2) job.abort();
    });
    const r = await job;
    expect(job.status).toBe("aborted");
    expect(r.deleted).toBe(2);
    expect(job.completed).toBe(true);
    expect(job.results).toBeUndefined();
    expect(bulkDeletes(mark)).toHaveLength(2);
    expect(await cf.listObjectNames(container)).toEqual(["c", "d", "e"]);
  });

  it("a signal given as an option aborts it; one fired before the start sends nothing", async () => {
    const ac = new AbortController();
    ac.abort();
    const mark = swift.emu.requests.length;
    const job = cf.bulkDelete(container, names, { async: true, signal: ac.signal });
    await expect(job).rejects.toBeInstanceOf(AbortError);
    expect(job.status).toBe("aborted");
    expect(bulkDeletes(mark)).toHaveLength(0);
  });

  it("the Promise form with an already-fired signal rejects with AbortError and sends nothing (it reported '200 OK', 0 deleted)", async () => {
    const mark = swift.emu.requests.length;
    await expect(cf.bulkDelete(container, names, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(swift.since(mark)).toHaveLength(0);
    expect(await cf.listObjectNames(container)).toEqual(names);
  });

  it("bad input throws at once for the job form and rejects for the Promise form, before any request", async () => {
    const mark = swift.emu.requests.length;
    expect(() => cf.bulkDelete(container, ["a", ""], { async: true })).toThrow(ValidationError);
    expect(() => cf.bulkDelete(container, ["a"], { async: true, batchSize: 0 })).toThrow(/options\.batchSize/);
    await expect(cf.bulkDelete(container, ["a"], { bogus: 1 } as never)).rejects.toMatchObject({ field: "options.bogus" });
    expect(swift.since(mark)).toHaveLength(0);
  });

  it("a batch the server refuses fails the job; the error stays on it", async () => {
    // 403: not retried, so the one injected answer is the one the job sees.
    swift.emu.faults.inject({ match: { method: "DELETE" }, status: 403, times: 1 });
    const job = cf.bulkDelete(container, names, { async: true, batchSize: 2 });
    await expect(job).rejects.toMatchObject({ status: 403 });
    expect(job.status).toBe("failed");
    expect(job.completed).toBe(true);
    expect(job.error).toMatchObject({ status: 403 });
    expect(await cf.listObjectNames(container)).toEqual(names);
  });
});

describe("folder upload as a Job", () => {
  let folder: string;
  beforeEach(async () => {
    folder = join(await mkdtemp(join(tmpdir(), "rax-jobs-")), "site");
    await mkdir(join(folder, "css"), { recursive: true });
    await writeFile(join(folder, "index.html"), "<html></html>");
    await writeFile(join(folder, "css", "main.css"), "body{}");
  });

  it("returned at once; id is the upload key; await gives the result; status event once", async () => {
    const statuses: JobStatus[] = [];
    const seen: FolderProgress[] = [];
    const job = cf.folders.upload(folder, { container });
    job.on("status", (s) => statuses.push(s));
    job.on("progress", (p) => seen.push(p));
    expect(job.id).toBe(job.key);
    expect(job.status).toBe("running");
    const r = await job;
    expect(r.uploaded.sort()).toEqual(["css/main.css", "index.html"]);
    expect(r.cancelled).toBe(false);
    expect(job.status).toBe("succeeded");
    expect(job.result).toBe(r);
    expect(statuses).toEqual(["succeeded"]);
    expect(seen.at(-1)?.uploadedBytes).toBe(r.totalBytes);
    expect(await cf.getObject(container, "css/main.css")).toMatchObject({ bytes: 6 });
  });

  it("abort() is cancel(): the job resolves 'aborted' with cancelled and the rest not uploaded", async () => {
    for (let i = 0; i < 20; i++) await writeFile(join(folder, `f${String(i).padStart(2, "0")}.txt`), `file ${i}`);
    const job = cf.folders.upload(folder, { container, concurrency: 1 });
    const off = job.on("progress", () => {
      off();
      job.abort();
    });
    const r = await job;
    expect(job.status).toBe("aborted");
    expect(job.cancelled).toBe(true);
    expect(r.cancelled).toBe(true);
    expect(r.notUploaded.length).toBeGreaterThan(0);
    expect(r.uploaded.length + r.notUploaded.length + r.failed.length).toBe(22);
  });

  it("a missing folder fails the job with ValidationError(path) and sends nothing", async () => {
    await rm(folder, { recursive: true });
    const mark = swift.emu.requests.length;
    const job = cf.folders.upload(folder, { container });
    await expect(job).rejects.toMatchObject({ field: "path" });
    await expect(job.scanned).rejects.toBeInstanceOf(ValidationError);
    expect(job.status).toBe("failed");
    expect(swift.since(mark)).toHaveLength(0);
  });

  it("an already-fired signal rejects the job and `scanned` with AbortError and sends nothing", async () => {
    const mark = swift.emu.requests.length;
    const job = cf.folders.upload(folder, { container, signal: AbortSignal.abort() });
    await expect(job).rejects.toBeInstanceOf(AbortError);
    await expect(job.scanned).rejects.toBeInstanceOf(AbortError);
    expect(job.status).toBe("aborted");
    expect(swift.since(mark)).toHaveLength(0);
  });

  it("a job that fails or is cancelled before its scan rejects `scanned` too, instead of leaving it pending", async () => {
    const bad = cf.folders.upload(folder, { concurrency: 0 });
    await expect(bad).rejects.toMatchObject({ field: "options.concurrency" });
    await expect(bad.scanned).rejects.toMatchObject({ field: "options.concurrency" });
    const mark = swift.emu.requests.length;
    const job = cf.folders.upload(folder, { container });
    cf.folders.cancelUpload(job.key); // same tick: the job's work never starts
    await expect(job).rejects.toBeInstanceOf(AbortError);
    await expect(job.scanned).rejects.toBeInstanceOf(AbortError);
    expect(job.status).toBe("aborted");
    expect(swift.since(mark)).toHaveLength(0);
  });

  it("bad options fail the job at once, naming the field", async () => {
    await expect(cf.folders.upload(folder, { ignore: [3 as unknown as string] })).rejects.toMatchObject({ field: "options.ignore" });
    await expect(cf.folders.upload(folder, { concurrency: 0 })).rejects.toMatchObject({ field: "options.concurrency" });
    await expect(cf.folders.upload(folder, { ignore: "{a,b" })).rejects.toMatchObject({ field: "options.ignore" });
    await expect(cf.folders.upload(folder, { bogus: 1 } as never)).rejects.toMatchObject({ field: "options.bogus" });
  });
});
