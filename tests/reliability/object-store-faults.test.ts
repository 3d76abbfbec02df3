import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConnectionError, ServerError } from "@rax/core";
import { DownloadFailed, UploadFailed } from "@rax/object-store";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { installLeakScan, recordError, rejectionOf } from "./harness/leak-scan";
import { startWorld, type World } from "./harness/world";

// @rax/object-store under faults: what a user relies on is that every upload ends with the
// right bytes stored exactly once, and that no partial download is ever presented as whole.

installLeakScan();

let w: World;
let scratch: string;
const md5 = (b: Buffer | string) => createHash("md5").update(b).digest("hex");
/** Path of a storage URL as the proxy sees it, taken from the catalog (never hard-coded). */
const storagePath = (rest: string) => `${new URL(w.store.endpoint).pathname}/${rest}`;

beforeAll(async () => {
  w = await startWorld();
  await w.ctx.authenticate();
  scratch = await mkdtemp(join(tmpdir(), "rax-rel-os-"));
});
afterEach(() => {
  w.proxy.clearFaults();
  w.proxy.onRequest = undefined;
});
afterAll(async () => {
  await w?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** 200 files in nested folders, sizes 0 … ~8 KiB, distinct contents. */
async function makeFolder(name: string): Promise<Map<string, string>> {
  const root = join(scratch, name);
  const sums = new Map<string, string>();
  for (let i = 0; i < 200; i++) {
    const rel = `d${i % 7}/sub${i % 3}/file-${String(i).padStart(3, "0")}.bin`;
    const data = Buffer.alloc((i * 41) % 8192, `${name}-${i}-`);
    await mkdir(join(root, rel, ".."), { recursive: true });
    await writeFile(join(root, rel), data);
    sums.set(rel, md5(data));
  }
  return sums;
}

async function expectExactly(container: string, sums: Map<string, string>) {
  const objects = await w.store.getObjects(container, { fullListing: true });
  const names = objects.map((o) => o.name);
  expect(new Set(names).size).toBe(names.length); // exactly once each
  expect(names.sort()).toEqual([...sums.keys()].sort());
  for (const o of objects) expect(o.etag, o.name).toBe(sums.get(o.name));
}

describe("folder upload (uploadFolder)", () => {
  it("survives a token expiring mid-way plus resets and 5xx: all 200 files exist once with the right MD5, one re-auth", async () => {
    const sums = await makeFolder("folder-a");
    const tokensBefore = w.tokenPosts();
    let puts = 0;
    w.proxy.onRequest = (e) => {
      if (e.method === "PUT" && e.path.includes("/folder-a/")) {
        puts++;
        if (puts === 50) w.emu.state.tokens.expire("all");
      }
    };
    const filePuts = { method: "PUT", path: /\/folder-a\/d[0-6]\// };
    w.proxy.inject({ match: filePuts, times: 3, fault: { kind: "reset-before-headers" } });
    w.proxy.inject({ match: filePuts, times: 3, fault: { kind: "status", status: 503 } });
    w.proxy.inject({ match: { ...filePuts, path: /file-1[0-9]{2}\.bin$/ }, times: 2, fault: { kind: "reset-mid-upload", afterBytes: 100 } });

    // Faults and the token expiry are keyed to per-file PUTs: archives (the default for small files) would miss them.
    const job = w.store.uploadFolder(join(scratch, "folder-a"), { container: "folder-a", concurrency: 8, archive: false });
    const result = await job.done;
    expect(result.failed.map((f) => recordError(f.error))).toEqual([]);
    expect(result.uploaded).toHaveLength(200);
    expect(result.uploadedBytes).toBe(result.totalBytes);
    await expectExactly("folder-a", sums);
    // concurrent 401s after the expiry share one re-authentication
    expect(w.tokenPosts() - tokensBefore).toBe(1);
  });

  it("is idempotent: uploading the same folder again leaves exactly the same 200 objects", async () => {
    const sums = await makeFolder("folder-b");
    const first = await w.store.uploadFolder(join(scratch, "folder-b"), { container: "folder-b" }).done;
    expect(first.failed).toEqual([]);
    w.proxy.inject({ match: { method: "PUT", path: /\/folder-b\/d/ }, times: 5, fault: { kind: "reset-after-request", forward: true } });
    const again = await w.store.uploadFolder(join(scratch, "folder-b"), { container: "folder-b" }).done;
    expect(again.failed).toEqual([]);
    await expectExactly("folder-b", sums);
  });
});

describe("segmented (SLO) upload", () => {
  it("survives a token expiring between segments and a segment cut mid-upload; the object reads back byte-identical", async () => {
    const data = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31 + (i >> 9)) & 0xff;
    const tokensBefore = w.tokenPosts();
    let segs = 0;
    w.proxy.onRequest = (e) => {
      if (e.method === "PUT" && e.path.includes("/slo_segments/")) {
        segs++;
        if (segs === 5) w.emu.state.tokens.expire("all");
      }
    };
    w.proxy.inject({ match: { method: "PUT", path: /\/slo_segments\/.*0000000[7-9]$/ }, times: 1, fault: { kind: "reset-mid-upload", afterBytes: 1000 } });
    await w.store.createContainer("slo");
    const obj = await w.store.storeObject("slo", "big.bin", data, { segmentSize: 64 * 1024 });
    expect(obj.largeObject).toBe("slo");
    const back = await w.store.fetchObject("slo", "big.bin");
    expect(md5(back)).toBe(md5(data));
    expect(w.tokenPosts() - tokensBefore).toBe(1);
  });
});

describe("uploads are verified", () => {
  it("an ETag from the server that does not match what was sent → UploadFailed, and the bad object is removed", async () => {
    await w.store.createContainer("etag");
    w.proxy.inject({
      match: { method: "PUT", path: storagePath("etag/wrong") },
      fault: { kind: "rewrite", headers: { etag: "0123456789abcdef0123456789abcdef" } },
    });
    const e = await rejectionOf(w.store.storeObject("etag", "wrong", "the real content"));
    expect(e).toBeInstanceOf(UploadFailed);
    expect(e.serverEtag).toBe("0123456789abcdef0123456789abcdef");
    expect(e.expectedEtag).toBe(md5("the real content"));
    expect(e.removed).toBe(true);
    expect(await w.store.listObjectNames("etag")).not.toContain("wrong");
  });
});

describe("downloads are atomic and verified", () => {
  const payload = Buffer.alloc(200 * 1024, "download-payload-");
  let dir: string;
  beforeAll(async () => {
    await w.store.createContainer("dl");
    await w.store.storeObject("dl", "f.bin", payload);
    dir = await mkdtemp(join(scratch, "dl-"));
  });
  const objGet = () => ({ method: "GET", path: storagePath("dl/f.bin") });

  const cases: [string, Parameters<World["proxy"]["inject"]>[0]["fault"]][] = [
    ["a reset mid-body", { kind: "reset-mid-body" }],
    ["a body shorter than its Content-Length", { kind: "short-body" }],
    ["an ETag that does not match the body", { kind: "rewrite", headers: { etag: "ffffffffffffffffffffffffffffffff" } }],
    ["a corrupted body of the right length", { kind: "rewrite", body: (b) => Buffer.concat([Buffer.from("X"), b.subarray(1)]) }],
  ];
  for (const [what, fault] of cases) {
    it(`downloadObject after ${what}: DownloadFailed and no file (not even a partial) in the folder`, async () => {
      w.proxy.inject({ match: objGet(), fault });
      const e = await rejectionOf(w.store.downloadObject("dl", "f.bin", dir));
      expect(e).toBeInstanceOf(DownloadFailed);
      expect(await readdir(dir)).toEqual([]);
    });
  }

  for (const [what, fault] of cases.slice(0, 2)) {
    it(`fetchObject after ${what} rejects instead of returning short data`, async () => {
      w.proxy.inject({ match: objGet(), fault });
      const e = await rejectionOf(w.store.fetchObject("dl", "f.bin"));
      expect(e).toBeInstanceOf(ConnectionError);
    });
  }

  it("a body that stalls past the body timeout fails the download and leaves no file", async () => {
    const { store } = w.newClient({ transportOptions: { timeouts: { body: 200 } } });
    w.proxy.inject({ match: objGet(), fault: { kind: "stall-body", ms: 2000 } });
    const e = await rejectionOf(store.downloadObject("dl", "f.bin", dir));
    expect(e).toBeInstanceOf(DownloadFailed);
    expect(await readdir(dir)).toEqual([]);
  });

  it("without faults the same download lands whole (the cases above fail for the fault, not the setup)", async () => {
    const path = await w.store.downloadObject("dl", "f.bin", dir);
    expect(await readdir(dir)).toEqual(["f.bin"]);
    expect(path).toBe(join(dir, "f.bin"));
    await rm(path);
  });
});

describe("bulk delete", () => {
  it("a batch answered 503 once is retried; every name ends up deleted and counted once", async () => {
    await w.store.createContainer("bulk");
    const names = ["a", "b", "c", "d", "e"];
    for (const n of names) await w.store.storeObject("bulk", n, n);
    w.proxy.inject({ match: { method: "DELETE", query: /bulk-delete/ }, times: 1, fault: { kind: "status", status: 503 } });
    const r = await w.store.bulkDelete("bulk", names, { batchSize: 2 });
    expect(r.deleted + r.notFound).toBe(5);
    expect(r.deleted).toBe(5);
    expect(await w.store.listObjectNames("bulk")).toEqual([]);
  });

  it("a partly failed bulk delete is reported (status and per-object errors), not presented as success", async () => {
    await w.store.createContainer("bulk2");
    for (const n of ["x", "y"]) await w.store.storeObject("bulk2", n, n);
    w.proxy.inject({
      match: { method: "DELETE", query: /bulk-delete/ },
      fault: {
        kind: "rewrite",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ "Number Deleted": 1, "Number Not Found": 0, "Response Status": "400 Bad Request", "Response Body": "", Errors: [["/bulk2/y", "409 Conflict"]] }),
      },
    });
    const r = await w.store.bulkDelete("bulk2", ["x", "y"]);
    expect(r.status).toBe("400 Bad Request");
    expect(r.deleted).toBe(1);
    expect(r.errors).toEqual([["/bulk2/y", "409 Conflict"]]);
  });

  it("a bulk delete whose batch keeps failing rejects with a typed error", async () => {
    w.proxy.inject({ match: { method: "DELETE", query: /bulk-delete/ }, times: Infinity, fault: { kind: "status", status: 500 } });
    const e = await rejectionOf(w.store.bulkDelete("bulk", ["gone"]));
    expect(e).toBeInstanceOf(ServerError);
    expect(e.attempts).toBe(4);
  });
});
