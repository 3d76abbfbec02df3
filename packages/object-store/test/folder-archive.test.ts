import { createHash } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InvalidResponse, StaticSession } from "@rax/core";
import { beforeEach, describe, expect, it } from "vitest";
import { ObjectStore, UploadFailed } from "../src/index";
import { archiveSucceeded, errorsByName, parseArchiveResult } from "../src/transfer/archive-result";
import { type Answer, type SeenRequest, useFixture } from "./fixture-server";

const md5 = (s: string) => createHash("md5").update(s).digest("hex");
const res = { status: 200, url: "http://swift/v1/AUTH_fx/c?extract-archive=tar", requestId: "tx1" };

describe("extract-archive result", () => {
  it("a 200 whose Response Status is 400 is a failure, with its per-entry Errors; whitespace before the JSON is fine", () => {
    const r = parseArchiveResult(res, '   \r\n\r\n{"Response Status": "400 Bad Request", "Response Body": "", "Number Files Created": 5, "Errors": [["c/x", "400 Bad Request"]]}');
    expect(r).toEqual({ created: 5, status: "400 Bad Request", body: "", errors: [["c/x", "400 Bad Request"]] });
    expect(archiveSucceeded(r)).toBe(false);
    expect(archiveSucceeded(parseArchiveResult(res, '{"Response Status": "201 Created", "Number Files Created": 1, "Errors": []}'))).toBe(true);
  });

  it("a body that is not the result object is InvalidResponse", () => {
    expect(() => parseArchiveResult(res, "Number Files Created: 1\nResponse Status: 201 Created\n")).toThrow(InvalidResponse);
    expect(() => parseArchiveResult(res, '{"Number Files Created": 1}')).toThrow(/Response Status/);
    expect(() => parseArchiveResult(res, '{"Response Status": "201 Created", "Errors": ["x"]}')).toThrow(/Errors/);
  });

  it("Errors names map back to object names: quoted, container-prefixed, or cut at Swift's limit", () => {
    const names = ["a b.txt", "ü/x(1).txt", `${"é".repeat(700)}`, "other"];
    const cut = `c/${"%C3%A9".repeat(639)}%C3`; // cut mid-character, as Swift cuts bytes
    const { byName, other } = errorsByName("c", names, [
      ["c/a%20b.txt", "400 Bad Request"],
      ["c/%C3%BC/x%281%29.txt", "502 Bad Gateway"],
      [cut, "400 Bad Request"],
      ["/v1/AUTH_fx/c", "403 Forbidden"],
    ]);
    expect([...byName]).toEqual([
      ["a b.txt", "400 Bad Request"],
      ["ü/x(1).txt", "502 Bad Gateway"],
      [names[2], "400 Bad Request"],
    ]);
    expect(other).toEqual([["/v1/AUTH_fx/c", "403 Forbidden"]]);
  });
});

// A scripted Swift: for what the emulator must not do (lose or corrupt an entry, lag its listing).
describe("folder upload against a misbehaving server", () => {
  const fx = useFixture();
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "rax-archive-fx-"));
    await mkdir(join(root, "d"));
    await writeFile(join(root, "a.txt"), "aaa");
    await writeFile(join(root, "d", "b.txt"), "bb");
    await writeFile(join(root, "d", "c.txt"), "c");
  });
  /** The container exists (createContainer asks first); everything else goes to the test's script. */
  const swift = (f: (r: SeenRequest) => Answer | Promise<Answer>) => (r: SeenRequest): Answer | Promise<Answer> =>
    r.method === "HEAD" && r.path === "/c" ? { status: 204, headers: { "x-container-object-count": "0", "x-container-bytes-used": "0" } } : f(r);
  const isArchive = (r: SeenRequest) => r.method === "PUT" && r.query.has("extract-archive");
  const created = (n: number, errors: string[][] = [], status = "201 Created"): Answer => ({
    status: 200,
    headers: { "content-type": "application/json" },
    body: ` \r\n\r\n${JSON.stringify({ "Response Status": status, "Response Body": "", "Number Files Created": n, Errors: errors })}`,
  });
  const row = (name: string, data: string, hash = md5(data)) => ({ name, bytes: data.length, hash, content_type: "text/plain", last_modified: "2026-12-02T07:00:00.000000" });

  it("a listed hash that differs from the MD5 sent (and a HEAD that agrees with it) fails that file; the bad object is deleted", async () => {
    fx.script = swift((r) => {
      if (r.method === "PUT" && r.path === "/c") return isArchive(r) ? created(3) : { status: 201 };
      if (r.method === "GET") return { status: 200, body: [row("a.txt", "aaa"), row("d/b.txt", "bb", md5("XX")), row("d/c.txt", "c")] };
      if (r.method === "HEAD") return { status: 200, headers: { etag: md5("XX"), "content-length": "2" } };
      if (r.method === "DELETE") return { status: 204 };
      return { status: 500 };
    });
    const result = await fx.client().uploadFolder(root, { container: "c" });
    expect(result.uploaded.sort()).toEqual(["a.txt", "d/c.txt"]);
    expect(result.failed.map((f) => f.name)).toEqual(["d/b.txt"]);
    const error = result.failed[0]?.error as UploadFailed;
    expect(error).toBeInstanceOf(UploadFailed);
    expect(error).toMatchObject({ expectedEtag: md5("bb"), serverEtag: md5("XX"), removed: true });
    expect(result.uploadedBytes).toBe(4);
    expect(fx.requests.filter((r) => r.method === "DELETE").map((r) => r.path)).toEqual(["/c/d/b.txt"]);
    // One archive, ONE listing, one HEAD for the disagreeing file only.
    expect(fx.requests.filter(isArchive)).toHaveLength(1);
    expect(fx.requests.filter((r) => r.method === "GET")).toHaveLength(1);
    expect(fx.requests.filter((r) => r.method === "HEAD" && r.path !== "/c").map((r) => r.path)).toEqual(["/c/d/b.txt"]);
  });

  it("a file the listing does not show yet is confirmed by a HEAD (listings lag); one that is missing there too is failed", async () => {
    fx.script = swift((r) => {
      if (r.method === "PUT" && r.path === "/c") return isArchive(r) ? created(3) : { status: 201 };
      if (r.method === "GET") return { status: 200, body: [row("a.txt", "aaa")] };
      if (r.method === "HEAD" && r.path === "/c/d/b.txt") return { status: 200, headers: { etag: md5("bb"), "content-length": "2" } };
      if (r.method === "HEAD") return { status: 404 };
      return { status: 500 };
    });
    const result = await fx.client().uploadFolder(root, { container: "c" });
    expect(result.uploaded.sort()).toEqual(["a.txt", "d/b.txt"]);
    expect(result.failed.map((f) => f.name)).toEqual(["d/c.txt"]);
    expect(String(result.failed[0]?.error)).toMatch(/not found afterwards/);
    expect(result.uploadedBytes).toBe(5);
  });

  it("the archive's request scope and headers: PUT /<container>?extract-archive=tar, JSON asked for, exact Content-Length, ttl as X-Delete-After", async () => {
    fx.script = swift((r) => {
      if (r.method === "PUT" && r.path === "/c") return isArchive(r) ? created(3) : { status: 201 };
      if (r.method === "GET") return { status: 200, body: [row("a.txt", "aaa"), row("d/b.txt", "bb"), row("d/c.txt", "c")] };
      return { status: 500 };
    });
    const result = await fx.client().uploadFolder(root, { container: "c", ttl: 60 });
    expect(result.uploaded).toHaveLength(3);
    const put = fx.requests.find(isArchive) as SeenRequest;
    expect(put.query.get("extract-archive")).toBe("tar");
    expect(put.headers.accept).toBe("application/json");
    expect(put.headers["x-delete-after"]).toBe("60");
    expect(Number(put.headers["content-length"])).toBe(put.body.length);
    expect(put.body.length).toBe(3 * 1024 + 1024);
    // The verifying listing covers just the archive's names: marker before the first, end_marker right after the last.
    const list = fx.requests.find((r) => r.method === "GET") as SeenRequest;
    expect(list.query.get("marker")).toBe("a.tx");
    expect(list.query.get("end_marker")).toBe("d/c.txt\u0001");
  });

  it("by default 32 archives are in Swift at once (bulk extracts each archive's entries one after another)", async () => {
    const many = await mkdtemp(join(tmpdir(), "rax-archive-many-"));
    const names: string[] = [];
    for (let i = 0; i < 32 * 4; i++) {
      const name = `f${String(i).padStart(3, "0")}.txt`;
      names.push(name);
      await writeFile(join(many, name), name);
    }
    let inFlight = 0;
    let most = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // Not a timing assertion: only keeps a client that never reaches 32 from hanging the test.
    const fallback = setTimeout(() => open(), 5_000);
    fx.script = swift(async (r) => {
      if (r.method === "PUT" && r.path === "/c" && !isArchive(r)) return { status: 201 };
      if (isArchive(r)) {
        most = Math.max(most, ++inFlight);
        if (inFlight === 32) open();
        await gate;
        inFlight--;
        return created(4);
      }
      if (r.method === "GET") {
        // Swift's range: after marker, before end_marker (the client checks a page keeps to it).
        const after = r.query.get("marker") ?? "";
        const before = r.query.get("end_marker") ?? "\uffff";
        return { status: 200, body: names.filter((n) => n > after && n < before).map((n) => row(n, n)) };
      }
      return { status: 500 };
    });
    const result = await fx.client().uploadFolder(many, { container: "c" });
    clearTimeout(fallback);
    expect(result.uploaded).toHaveLength(128);
    // 128 small files spread over the archives in flight, 4 each: 32 archives, all answered only once all were sent.
    expect(fx.requests.filter(isArchive)).toHaveLength(32);
    expect(most).toBe(32);
  });

  it("a 200 that reports failure with no Errors (the archive failed as a whole): each file is sent again by a PUT of its own", async () => {
    fx.script = swift((r) => {
      if (r.method === "PUT" && r.path === "/c") return isArchive(r) ? created(0, [], "400 Bad Request") : { status: 201 };
      if (r.method === "PUT") return { status: 201, headers: { etag: md5(r.body.toString()) } };
      return { status: 500 };
    });
    const result = await fx.client().uploadFolder(root, { container: "c" });
    expect(result.uploaded.sort()).toEqual(["a.txt", "d/b.txt", "d/c.txt"]);
    expect(result.failed).toEqual([]);
    expect(result.uploadedBytes).toBe(6);
    expect(fx.requests.filter((r) => r.method === "PUT" && r.path !== "/c").map((r) => r.path).sort()).toEqual(["/c/a.txt", "/c/d/b.txt", "/c/d/c.txt"]);
    expect(fx.requests.filter((r) => r.method === "GET")).toHaveLength(0);
  });

  it("a server without bulk (the container PUT answers 202) gets PUTs per file; archive: false and contentEncoding never send archives", async () => {
    fx.script = swift((r) => {
      if (r.method === "PUT" && r.path === "/c") return { status: 202 };
      if (r.method === "PUT") return { status: 201, headers: { etag: md5(r.body.toString()) } };
      return { status: 500 };
    });
    const noBulk = await fx.client().uploadFolder(root, { container: "c" });
    expect(noBulk.uploaded).toHaveLength(3);
    for (const o of [{ archive: false }, { contentEncoding: "gzip" }]) {
      fx.requests.length = 0;
      const r = await fx.client().uploadFolder(root, { container: "c", ...o });
      expect(r.uploaded).toHaveLength(3);
      expect(fx.requests.filter(isArchive)).toHaveLength(0);
    }
  });

  it("an archive whose answer is lost is sent again whole (a fresh stream); progress counts its bytes once", async () => {
    let archives = 0;
    fx.script = swift((r) => {
      if (r.method === "PUT" && r.path === "/c" && isArchive(r)) return ++archives === 1 ? { status: 0 } : created(3);
      if (r.method === "PUT" && r.path === "/c") return { status: 201 };
      if (r.method === "GET") return { status: 200, body: [row("a.txt", "aaa"), row("d/b.txt", "bb"), row("d/c.txt", "c")] };
      return { status: 500 };
    });
    const seen: number[] = [];
    const result = await fx.client().uploadFolder(root, { container: "c", onProgress: (p) => seen.push(p.uploadedBytes) });
    expect(archives).toBe(2);
    expect(result.uploaded.sort()).toEqual(["a.txt", "d/b.txt", "d/c.txt"]);
    expect(result.uploadedBytes).toBe(6);
    expect(Math.max(...seen)).toBe(6);
    const bodies = fx.requests.filter(isArchive).map((r) => r.body.length);
    expect(bodies[0]).toBe(bodies[1]);
  });

  it("a token that expires mid-extraction: the listing re-authenticates, the files it does not show go again as ONE archive; an older object is not deleted", async () => {
    const archives: SeenRequest[] = [];
    fx.script = swift((r) => {
      const fresh = r.headers["x-auth-token"] === "fresh-token";
      if (isArchive(r)) {
        archives.push(r);
        // The first archive: a.txt created, then the token expired at d/b.txt; the second one takes the rest.
        return fresh ? created(2) : created(1, [["c/d/b.txt", "401 Unauthorized"]], "401 Unauthorized");
      }
      if (r.method === "PUT" && r.path === "/c") return { status: 201 };
      if (!fresh) return { status: 401 };
      // d/c.txt exists from an earlier upload with other bytes: not reached by the first archive.
      if (r.method === "GET") return { status: 200, body: archives.length === 1 ? [row("a.txt", "aaa"), row("d/c.txt", "old")] : [row("d/b.txt", "bb"), row("d/c.txt", "c")] };
      return { status: 500 };
    });
    let refreshes = 0;
    const store = new ObjectStore(
      new StaticSession({
        token: "old-token",
        endpoints: { "object-store": fx.url },
        refresh: async () => {
          refreshes++;
          return "fresh-token";
        },
      }),
    );
    const seen: number[] = [];
    const result = await store.uploadFolder(root, { container: "c", onProgress: (p) => seen.push(p.uploadedBytes) });
    expect(result.failed).toEqual([]);
    expect(result.uploaded.sort()).toEqual(["a.txt", "d/b.txt", "d/c.txt"]);
    expect(refreshes).toBe(1);
    expect(archives).toHaveLength(2);
    const second = (archives[1] as SeenRequest).body.toString("latin1");
    expect(second).toContain("d/b.txt");
    expect(second).toContain("d/c.txt");
    expect(second).not.toContain("a.txt");
    // No PUT per file, no HEAD or DELETE of the older d/c.txt.
    expect(fx.requests.filter((r) => r.path !== "/c" && ["PUT", "HEAD", "DELETE"].includes(r.method))).toEqual([]);
    expect(result.uploadedBytes).toBe(6);
    expect(Math.max(...seen)).toBe(6);
  });

  it("a token refused inside the archive (200 with '401 Unauthorized') again after the re-send: its files go as PUTs, which re-authenticate", async () => {
    fx.script = swift((r) => {
      if (r.method === "PUT" && r.path === "/c") return isArchive(r) ? created(0, [["c/a.txt", "401 Unauthorized"]], "401 Unauthorized") : { status: 201 };
      if (r.method === "GET") return { status: 200, body: [] };
      if (r.method === "HEAD") return { status: 404 };
      if (r.method === "PUT") return { status: 201, headers: { etag: md5(r.body.toString()) } };
      return { status: 500 };
    });
    const result = await fx.client().uploadFolder(root, { container: "c" });
    expect(result.failed).toEqual([]);
    expect(result.uploaded.sort()).toEqual(["a.txt", "d/b.txt", "d/c.txt"]);
    expect(fx.requests.filter((r) => r.method === "PUT" && r.path !== "/c").map((r) => r.path).sort()).toEqual(["/c/a.txt", "/c/d/b.txt", "/c/d/c.txt"]);
    // The archive was sent twice (once again after the listing), not more.
    expect(fx.requests.filter(isArchive)).toHaveLength(2);
  });

  it("folder sync: changed files go as one archive (ttl on it); an archive that fails as a whole sends them as PUTs", async () => {
    fx.script = (r) => {
      if (r.method === "GET") return { status: 200, body: [] };
      if (isArchive(r)) return created(0, [], "400 Bad Request");
      if (r.method === "PUT") return { status: 201, headers: { etag: md5(r.body.toString()) } };
      return { status: 500 };
    };
    const result = await fx.client().syncFolderToContainer(root, "c", { ttl: 60 });
    expect(result.uploaded).toEqual(["a.txt", "d/b.txt", "d/c.txt"]);
    expect(result.failed).toEqual([]);
    const archive = fx.requests.find(isArchive) as SeenRequest;
    expect(archive.headers["x-delete-after"]).toBe("60");
    const puts = fx.requests.filter((r) => r.method === "PUT" && !isArchive(r));
    expect(puts.map((r) => r.path).sort()).toEqual(["/c/a.txt", "/c/d/b.txt", "/c/d/c.txt"]);
    expect(puts.every((r) => r.headers["x-delete-after"] === "60")).toBe(true);
  });

  it("bad archive options are refused naming the field, before any request", async () => {
    await expect(fx.client().uploadFolder(root, { container: "c", archive: { batchFiles: 0 } }).done).rejects.toThrow(/options\.archive/);
    expect(fx.requests).toHaveLength(0);
  });
});
