import { StaticSession } from "@rax/core";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { PyraxBlockStorage, Volume } from "../src/index";
import { wireSnapshot, wireVolume } from "./fixture";

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

describe("PyraxBlockStorage (pyrax's flat cloud_blockstorage calls)", () => {
  it("list, listSnapshots and deleteVolume go through the canonical namespaces", async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.method} ${new URL(req.url ?? "/", "http://x").pathname}`);
      const p = req.url ?? "";
      const body = p.includes("/volumes/detail") ? { volumes: [wireVolume()] } : p.includes("/snapshots/detail") ? { snapshots: [wireSnapshot({ volume_id: "other" })] } : p.endsWith("/volumes/vol-1") && req.method === "GET" ? { volume: wireVolume() } : undefined;
      res.writeHead(req.method === "DELETE" ? 202 : 200, body ? { "content-type": "application/json" } : {}).end(body ? JSON.stringify(body) : "");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/123456`;
    const session = new StaticSession({ token: "t-0123456789", endpoint: url, transportOptions: { retry: { maxAttempts: 1 } } });
    closers.push(async () => {
      await session.transport.close();
      await new Promise((r) => server.close(r));
    });
    const cbs = new PyraxBlockStorage(session);
    const vols = (await cbs.list()).items;
    expect(vols[0]).toBeInstanceOf(Volume);
    expect((await cbs.listSnapshots()).items.map((s) => s.volumeId)).toEqual(["other"]);
    await cbs.deleteVolume("vol-1");
    expect(seen).toEqual(["GET /v1/123456/volumes/detail", "GET /v1/123456/snapshots/detail", "GET /v1/123456/volumes/vol-1", "GET /v1/123456/snapshots/detail", "DELETE /v1/123456/volumes/vol-1"]);
  });
});
