import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { installLeakScan } from "./harness/leak-scan";
import { TENANT, startWorld, type World } from "./harness/world";

// A server (or load balancer) that answers `Connection: close` and closes the socket right after
// the body is ordinary HTTP/1.1. A reader slower than the network must still get the whole body,
// and the process must not crash. Kept in its own file: the failure mode is an uncaught exception.

installLeakScan();

let w: World;
let dir: string;
const md5 = (b: Buffer) => createHash("md5").update(b).digest("hex");
const data = Buffer.alloc(1024 * 1024);
for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 11)) & 0xff;

beforeAll(async () => {
  w = await startWorld();
  await w.store.createContainer("cc");
  await w.store.storeObject("cc", "one-mib.bin", data);
  dir = await mkdtemp(join(tmpdir(), "rax-rel-cc-"));
});
afterAll(async () => {
  await w?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("downloadObject of a 1 MiB object answered with Connection: close lands whole (and the process survives)", async () => {
  const uncaught: unknown[] = [];
  const onUncaught = (e: unknown) => uncaught.push(e);
  process.on("uncaughtException", onUncaught);
  try {
    for (let i = 0; i < 5; i++) {
      w.proxy.inject({ match: { method: "GET", path: `/object-store/DFW/v1/MossoCloudFS_${TENANT}/cc/one-mib.bin` }, fault: { kind: "connection-close" } });
      const path = await w.store.downloadObject("cc", "one-mib.bin", dir);
      expect(md5(await readFile(path))).toBe(md5(data));
      await rm(path);
    }
    await new Promise((r) => setTimeout(r, 50));
  } finally {
    process.off("uncaughtException", onUncaught);
  }
  expect(uncaught.map(String)).toEqual([]);
  expect(await readdir(dir)).toEqual([]);
});
