import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, md5, session, type Session } from "./helpers";

let s: Session;
beforeAll(async () => {
  s = await session();
});
afterAll(() => s.emu.stop());

const json = { accept: "application/json" };

describe("Swift account", () => {
  it("HEAD reports counts, bytes and metadata; POST sets and removes metadata and temp-URL keys", async () => {
    const empty = await call(s, s.storage, { method: "HEAD" });
    expect(empty.status).toBe(204);
    expect(empty.headers.get("x-account-container-count")).toBe("0");
    expect(empty.headers.get("x-timestamp")).toMatch(/^\d+\.\d{5}$/);

    const post = await call(s, s.storage, {
      method: "POST",
      headers: { "X-Account-Meta-Owner": "alice", "X-Account-Meta-Team": "blue", "X-Account-Meta-Temp-Url-Key": "k1", "X-Account-Meta-Temp-Url-Key-2": "k2" },
    });
    expect(post.status).toBe(204);
    let head = await call(s, s.storage, { method: "HEAD" });
    expect(head.headers.get("x-account-meta-owner")).toBe("alice");
    expect(head.headers.get("x-account-meta-temp-url-key")).toBe("k1");
    expect(head.headers.get("x-account-meta-temp-url-key-2")).toBe("k2");

    await call(s, s.storage, { method: "POST", headers: { "X-Remove-Account-Meta-Owner": "x", "X-Account-Meta-Team": "" } });
    head = await call(s, s.storage, { method: "HEAD" });
    expect(head.headers.get("x-account-meta-owner")).toBeNull();
    expect(head.headers.get("x-account-meta-team")).toBeNull();
    expect(head.headers.get("x-account-meta-temp-url-key")).toBe("k1");
  });

  it("lists containers: 204 empty plain text, 200 [] JSON, then name/count/bytes", async () => {
    const fresh = await session({ users: [{ username: "demo", apiKey: "demo-api-key", tenantId: "42" }] });
    try {
      const plain = await call(fresh, fresh.storage);
      expect(plain.status).toBe(204);
      const asJson = await call(fresh, `${fresh.storage}?format=json`);
      expect(asJson.status).toBe(200);
      expect(await asJson.json()).toEqual([]);
      await call(fresh, `${fresh.storage}/b`, { method: "PUT" });
      await call(fresh, `${fresh.storage}/a`, { method: "PUT" });
      await call(fresh, `${fresh.storage}/a/o1`, { method: "PUT", body: "12345" });
      const list = await call(fresh, fresh.storage, { headers: json });
      expect(list.headers.get("x-account-object-count")).toBe("1");
      expect(list.headers.get("x-account-bytes-used")).toBe("5");
      const rows = (await list.json()) as any[];
      expect(rows.map((r) => [r.name, r.count, r.bytes])).toEqual([
        ["a", 1, 5],
        ["b", 0, 0],
      ]);
      expect(rows[0].last_modified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
      const text = await call(fresh, fresh.storage);
      expect(await text.text()).toBe("a\nb\n");
      const paged = await call(fresh, `${fresh.storage}?limit=1&marker=a`);
      expect(await paged.text()).toBe("b\n");
    } finally {
      await fresh.emu.stop();
    }
  });

  it("account PUT/DELETE are refused", async () => {
    expect((await call(s, s.storage, { method: "PUT" })).status).toBe(403);
    expect((await call(s, s.storage, { method: "DELETE" })).status).toBe(403);
  });
});

describe("Swift containers", () => {
  it("PUT creates (201), PUT again is 202 and merges metadata; HEAD shows counts and metadata", async () => {
    expect((await call(s, `${s.storage}/photos`, { method: "PUT", headers: { "X-Container-Meta-Color": "red" } })).status).toBe(201);
    expect((await call(s, `${s.storage}/photos`, { method: "PUT", headers: { "X-Container-Meta-Size": "big" } })).status).toBe(202);
    const head = await call(s, `${s.storage}/photos`, { method: "HEAD" });
    expect(head.status).toBe(204);
    expect(head.headers.get("x-container-object-count")).toBe("0");
    expect(head.headers.get("x-container-bytes-used")).toBe("0");
    expect(head.headers.get("x-container-meta-color")).toBe("red");
    expect(head.headers.get("x-container-meta-size")).toBe("big");
  });

  it("POST sets and removes metadata, static-web settings and ACLs", async () => {
    await call(s, `${s.storage}/site`, { method: "PUT" });
    const post = await call(s, `${s.storage}/site`, {
      method: "POST",
      headers: { "X-Container-Meta-Web-Index": "index.html", "X-Container-Meta-Web-Error": "error.html", "X-Container-Read": ".r:*", "X-Container-Meta-Gone": "soon" },
    });
    expect(post.status).toBe(204);
    await call(s, `${s.storage}/site`, { method: "POST", headers: { "X-Remove-Container-Meta-Gone": "1" } });
    const head = await call(s, `${s.storage}/site`, { method: "HEAD" });
    expect(head.headers.get("x-container-meta-web-index")).toBe("index.html");
    expect(head.headers.get("x-container-meta-web-error")).toBe("error.html");
    expect(head.headers.get("x-container-read")).toBe(".r:*");
    expect(head.headers.get("x-container-meta-gone")).toBeNull();
    expect((await call(s, `${s.storage}/missing`, { method: "POST", headers: { "X-Container-Meta-A": "b" } })).status).toBe(404);
  });

  it("DELETE: 204 when empty, 409 when not, 404 when missing", async () => {
    await call(s, `${s.storage}/tmp`, { method: "PUT" });
    await call(s, `${s.storage}/tmp/x`, { method: "PUT", body: "x" });
    expect((await call(s, `${s.storage}/tmp`, { method: "DELETE" })).status).toBe(409);
    await call(s, `${s.storage}/tmp/x`, { method: "DELETE" });
    expect((await call(s, `${s.storage}/tmp`, { method: "DELETE" })).status).toBe(204);
    expect((await call(s, `${s.storage}/tmp`, { method: "DELETE" })).status).toBe(404);
    expect((await call(s, `${s.storage}/tmp`, { method: "HEAD" })).status).toBe(404);
  });

  it("validates names and metadata limits with 400", async () => {
    const long = await call(s, `${s.storage}/${"c".repeat(257)}`, { method: "PUT" });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("longer than 256");
    expect((await call(s, `${s.storage}/${"c".repeat(256)}`, { method: "PUT" })).status).toBe(201);
    const bigValue = await call(s, `${s.storage}/meta`, { method: "PUT", headers: { "X-Container-Meta-Big": "v".repeat(257) } });
    expect(bigValue.status).toBe(400);
    const many: Record<string, string> = {};
    for (let i = 0; i < 91; i++) many[`X-Container-Meta-K${i}`] = "v";
    expect((await call(s, `${s.storage}/meta`, { method: "PUT", headers: many })).status).toBe(400);
  });
});

describe("Swift object listings", () => {
  beforeAll(async () => {
    await call(s, `${s.storage}/tree`, { method: "PUT" });
    for (const name of ["a.txt", "b/1.txt", "b/2.txt", "b/c/3.txt", "d/4.txt", "e.txt", "b.txt"]) {
      await call(s, `${s.storage}/tree/${name}`, { method: "PUT", body: name });
    }
  });

  it("JSON entries carry name, hash, bytes, content_type, last_modified", async () => {
    const res = await call(s, `${s.storage}/tree?format=json&prefix=a`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-container-object-count")).toBe("7");
    const [row] = (await res.json()) as any[];
    expect(row).toEqual({
      name: "a.txt",
      hash: md5("a.txt"),
      bytes: 5,
      content_type: expect.stringContaining("text/plain"),
      last_modified: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/),
    });
  });

  it("plain text by default, JSON with Accept: application/json", async () => {
    const plain = await call(s, `${s.storage}/tree`);
    expect(plain.headers.get("content-type")).toContain("text/plain");
    expect((await plain.text()).split("\n").filter(Boolean)).toEqual(["a.txt", "b.txt", "b/1.txt", "b/2.txt", "b/c/3.txt", "d/4.txt", "e.txt"]);
    const viaAccept = await call(s, `${s.storage}/tree`, { headers: json });
    expect(viaAccept.headers.get("content-type")).toContain("application/json");
  });

  it("delimiter rolls names up into subdir entries", async () => {
    const res = await call(s, `${s.storage}/tree?format=json&delimiter=/`);
    const rows = (await res.json()) as any[];
    expect(rows.map((r) => r.subdir ?? r.name)).toEqual(["a.txt", "b.txt", "b/", "d/", "e.txt"]);
    expect(rows.find((r) => r.subdir === "b/")).toEqual({ subdir: "b/" });
    const nested = (await (await call(s, `${s.storage}/tree?format=json&delimiter=/&prefix=b/`)).json()) as any[];
    expect(nested.map((r) => r.subdir ?? r.name)).toEqual(["b/1.txt", "b/2.txt", "b/c/"]);
  });

  it("pages with limit + marker (also across a subdir marker) and end_marker", async () => {
    const page1 = (await (await call(s, `${s.storage}/tree?format=json&delimiter=/&limit=3`)).json()) as any[];
    expect(page1.map((r) => r.subdir ?? r.name)).toEqual(["a.txt", "b.txt", "b/"]);
    const page2 = (await (await call(s, `${s.storage}/tree?format=json&delimiter=/&limit=3&marker=b/`)).json()) as any[];
    expect(page2.map((r) => r.subdir ?? r.name)).toEqual(["d/", "e.txt"]);
    const between = await (await call(s, `${s.storage}/tree?marker=a.txt&end_marker=b/2.txt`)).text();
    expect(between).toBe("b.txt\nb/1.txt\n");
    const reversed = await (await call(s, `${s.storage}/tree?reverse=true&limit=2`)).text();
    expect(reversed).toBe("e.txt\nd/4.txt\n");
  });

  it("path= lists direct children only", async () => {
    const res = await (await call(s, `${s.storage}/tree?path=b`)).text();
    expect(res).toBe("b/1.txt\nb/2.txt\n");
  });

  it("multi-character delimiters work", async () => {
    const rows = (await (await call(s, `${s.storage}/tree?format=json&delimiter=.t`)).json()) as any[];
    expect(rows.map((r) => r.subdir ?? r.name)).toEqual(["a.t", "b.t", "b/1.t", "b/2.t", "b/c/3.t", "d/4.t", "e.t"]);
  });

  it("limit above 10000 is 412, a malformed limit is ignored; an empty plain listing is 204, an empty JSON listing []", async () => {
    expect((await call(s, `${s.storage}/tree?limit=10001`)).status).toBe(412);
    expect((await (await call(s, `${s.storage}/tree?limit=abc`)).text()).split("\n").filter(Boolean)).toHaveLength(7);
    expect((await call(s, `${s.storage}/tree?limit=10000`)).status).toBe(200);
    expect((await call(s, `${s.storage}/tree?prefix=zzz`)).status).toBe(204);
    const emptyJson = await call(s, `${s.storage}/tree?prefix=zzz&format=json`);
    expect(emptyJson.status).toBe(200);
    expect(await emptyJson.json()).toEqual([]);
    expect((await call(s, `${s.storage}/nope?format=json`)).status).toBe(404);
  });
});
