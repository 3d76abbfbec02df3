import { mkdtemp, readdir, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HttpError, InvalidResponse, RaxError } from "@rax/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UploadFailed } from "../src/index";
import { type Fixture, startFixture } from "./fixture-server";

// A write is done only on the status Swift defines for it; a read only on 200 (206 for a range).
// Anything else — a redirect from a balancer, a 202 where 201 is defined — is an error, never
// "stored" or "these are the object's bytes".

let fx: Fixture;
let dir: string;
beforeAll(async () => {
  fx = await startFixture();
  dir = await mkdtemp(join(tmpdir(), "rax-status-"));
});
afterAll(() => fx.close());
beforeEach(() => {
  fx.requests.length = 0;
});

const redirect = { status: 301, headers: { location: "https://elsewhere.example/v1/AUTH_fx/c/o" }, body: "<html>Moved</html>" };

/** The call rejects with a typed rax error (never resolves as if it worked). */
async function fails(p: Promise<unknown>): Promise<RaxError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e, "the call resolved").toBeInstanceOf(RaxError);
  return e as RaxError;
}

describe("writes succeed only on Swift's success status", () => {
  it("an object PUT answered 301 is not stored", async () => {
    fx.script = () => redirect;
    await fails(fx.client().storeObject("c", "o", "data"));
  });

  it("an object PUT answered 202 (Swift defines 201) is not taken as stored", async () => {
    fx.script = () => ({ status: 202 });
    const e = await fails(fx.client().storeObject("c", "o", "data"));
    expect(e).toBeInstanceOf(UploadFailed);
    expect((e as UploadFailed).status).toBe(202);
  });

  it("an object PUT answered 204 is not taken as stored, even for a file", async () => {
    fx.script = () => ({ status: 204 });
    const file = join(dir, "small.txt");
    await writeFile(file, "hello");
    await fails(fx.client().uploadFile("c", file));
  });

  it("a copy answered 307 fails", async () => {
    fx.script = () => ({ ...redirect, status: 307 });
    await fails(fx.client().copyObject("c", "o", "d"));
  });

  it("a container PUT answered 302 fails (201 or 202 are success)", async () => {
    fx.script = () => ({ ...redirect, status: 302 });
    await fails(fx.client().createContainer("c"));
  });

  it("a metadata POST answered 200 instead of 204 fails", async () => {
    fx.script = (r) => (r.method === "HEAD" ? { status: 204 } : { status: 200, body: "ok?" });
    await fails(fx.client().setContainerMetadata("c", { a: "1" }));
    await fails(fx.client().setAccountMetadata({ a: "1" }));
  });

  it("an object DELETE answered 301 fails", async () => {
    fx.script = () => redirect;
    await fails(fx.client().deleteObject("c", "o"));
  });

  it("a segmented upload whose segment PUTs are redirected fails instead of writing a manifest of nothing", async () => {
    fx.script = (r) => (r.method === "PUT" && r.path.startsWith("/c_segments/") ? redirect : { status: 201 });
    await fails(fx.client().storeObject("c", "big", Buffer.alloc(10, 1), { segmentSize: 4 }));
    expect(fx.requests.some((r) => r.query.get("multipart-manifest") === "put")).toBe(false);
  });

  it("a folder upload whose PUTs are redirected reports every file failed, none uploaded", async () => {
    const root = join(dir, "tree");
    await mkdir(join(root, "a"), { recursive: true });
    await writeFile(join(root, "a", "one.txt"), "1");
    await writeFile(join(root, "two.txt"), "2");
    fx.script = (r) => (r.method === "PUT" && r.path.split("/").length > 2 ? redirect : r.method === "HEAD" ? { status: 204 } : { status: 201 });
    const job = fx.client().uploadFolder(root, { container: "c" });
    const result = await job.done;
    expect(result.uploaded).toEqual([]);
    expect(result.failed.map((f) => f.name).sort()).toEqual(["a/one.txt", "two.txt"]);
  });
});

describe("reads succeed only on 200 (206 for a range)", () => {
  it("fetchObject answered 301 rejects instead of returning the redirect page", async () => {
    fx.script = () => redirect;
    await fails(fx.client().fetchObject("c", "o"));
  });

  it("downloadObject answered 302 writes no file", async () => {
    const target = await mkdtemp(join(tmpdir(), "rax-dl-"));
    fx.script = () => ({ ...redirect, status: 302 });
    await fails(fx.client().downloadObject("c", "o", target));
    expect(await readdir(target)).toEqual([]);
  });

  it("a ranged fetch answered 416 or 204 fails", async () => {
    fx.script = () => ({ status: 204 });
    await fails(fx.client().fetchObject("c", "o", { range: { start: 0, end: 1 } }));
  });

  it("getObject (HEAD) answered 301 fails", async () => {
    fx.script = () => redirect;
    const e = await fails(fx.client().getObject("c", "o"));
    expect(e instanceof HttpError || e instanceof InvalidResponse).toBe(true);
  });
});
