import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, md5, session, type Session } from "./helpers";

let s: Session;
beforeAll(async () => {
  s = await session();
  await call(s, `${s.storage}/segs`, { method: "PUT" });
  await call(s, `${s.storage}/big`, { method: "PUT" });
  for (const [name, body] of [
    ["part/001", "AAAA"],
    ["part/002", "BBB"],
    ["part/003", "CC"],
  ] as const) {
    await call(s, `${s.storage}/segs/${name}`, { method: "PUT", body });
  }
});
afterAll(() => s.emu.stop());

const manifest = () => [
  { path: "/segs/part/001", etag: md5("AAAA"), size_bytes: 4 },
  { path: "/segs/part/002", etag: md5("BBB"), size_bytes: 3 },
  { path: "segs/part/003", etag: null, size_bytes: null },
];

describe("static large objects", () => {
  it("PUT ?multipart-manifest=put → 201 with the quoted md5-of-etags; GET serves the concatenation", async () => {
    const put = await call(s, `${s.storage}/big/slo?multipart-manifest=put`, { method: "PUT", body: JSON.stringify(manifest()) });
    expect(put.status).toBe(201);
    const sloEtag = md5(md5("AAAA") + md5("BBB") + md5("CC"));
    expect(put.headers.get("etag")).toBe(`"${sloEtag}"`);
    const head = await call(s, `${s.storage}/big/slo`, { method: "HEAD" });
    expect(head.headers.get("content-length")).toBe("9");
    expect(head.headers.get("x-static-large-object")).toBe("True");
    expect(head.headers.get("etag")).toBe(`"${sloEtag}"`);
    expect(await (await call(s, `${s.storage}/big/slo`)).text()).toBe("AAAABBBCC");
    const ranged = await call(s, `${s.storage}/big/slo`, { headers: { range: "bytes=3-5" } });
    expect(ranged.status).toBe(206);
    expect(await ranged.text()).toBe("ABB");
    const listing = (await (await call(s, `${s.storage}/big?format=json`)).json()) as any[];
    // as Swift 2.30 lists it: assembled size, the manifest's own MD5 as hash, the SLO etag quoted beside it
    const manifestMd5 = (await call(s, `${s.storage}/big/slo?multipart-manifest=get`)).headers.get("etag");
    expect(listing.find((o) => o.name === "slo")).toMatchObject({ bytes: 9, hash: manifestMd5, slo_etag: `"${sloEtag}"` });
  });

  it("?multipart-manifest=get returns the stored manifest (and format=raw the PUT form)", async () => {
    const res = await call(s, `${s.storage}/big/slo?multipart-manifest=get`);
    expect(res.headers.get("content-type")).toContain("application/json");
    const stored = (await res.json()) as any[];
    expect(stored.map((e) => [e.name, e.bytes, e.hash])).toEqual([
      ["/segs/part/001", 4, md5("AAAA")],
      ["/segs/part/002", 3, md5("BBB")],
      ["/segs/part/003", 2, md5("CC")],
    ]);
    const rawForm = (await (await call(s, `${s.storage}/big/slo?multipart-manifest=get&format=raw`)).json()) as any[];
    expect(rawForm[0]).toEqual({ path: "/segs/part/001", etag: md5("AAAA"), size_bytes: 4 });
  });

  it("rejects mismatched etags, sizes and missing segments with 400 and an Errors list", async () => {
    const bad = [
      { path: "/segs/part/001", etag: md5("wrong"), size_bytes: 4 },
      { path: "/segs/part/002", etag: md5("BBB"), size_bytes: 99 },
      { path: "/segs/part/404", etag: null, size_bytes: null },
    ];
    const res = await call(s, `${s.storage}/big/bad?multipart-manifest=put`, { method: "PUT", body: JSON.stringify(bad) });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain("Errors:");
    expect(text).toContain("/segs/part/001, Etag Mismatch");
    expect(text).toContain("/segs/part/002, Size Mismatch");
    expect(text).toContain("/segs/part/404, 404 Not Found");
    expect((await call(s, `${s.storage}/big/bad`, { method: "HEAD" })).status).toBe(404);
    expect((await call(s, `${s.storage}/big/bad?multipart-manifest=put`, { method: "PUT", body: "not json" })).status).toBe(400);
  });

  it("a segment changed after the manifest was written makes GET fail with 409", async () => {
    await call(s, `${s.storage}/segs/volatile`, { method: "PUT", body: "v1" });
    await call(s, `${s.storage}/big/fragile?multipart-manifest=put`, {
      method: "PUT",
      body: JSON.stringify([{ path: "/segs/volatile", etag: md5("v1"), size_bytes: 2 }]),
    });
    await call(s, `${s.storage}/segs/volatile`, { method: "PUT", body: "v2" });
    expect((await call(s, `${s.storage}/big/fragile`)).status).toBe(409);
  });

  it("DELETE ?multipart-manifest=delete removes the manifest and its segments", async () => {
    await call(s, `${s.storage}/segs/d1`, { method: "PUT", body: "1" });
    await call(s, `${s.storage}/segs/d2`, { method: "PUT", body: "2" });
    await call(s, `${s.storage}/big/todelete?multipart-manifest=put`, {
      method: "PUT",
      body: JSON.stringify([{ path: "/segs/d1" }, { path: "/segs/d2" }]),
    });
    const res = await call(s, `${s.storage}/big/todelete?multipart-manifest=delete`, { method: "DELETE", headers: { accept: "application/json" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ "Number Deleted": 3, "Number Not Found": 0, "Response Status": "200 OK" });
    for (const p of ["segs/d1", "segs/d2", "big/todelete"]) expect((await call(s, `${s.storage}/${p}`, { method: "HEAD" })).status).toBe(404);
  });
});

describe("dynamic large objects", () => {
  it("X-Object-Manifest serves the prefix-listed segments in name order", async () => {
    const put = await call(s, `${s.storage}/big/dlo`, { method: "PUT", body: "", headers: { "X-Object-Manifest": "segs/part/" } });
    expect(put.status).toBe(201);
    const get = await call(s, `${s.storage}/big/dlo`);
    expect(await get.text()).toBe("AAAABBBCC");
    expect(get.headers.get("etag")).toBe(`"${md5(md5("AAAA") + md5("BBB") + md5("CC"))}"`);
    expect(get.headers.get("x-object-manifest")).toBe("segs/part/");
    // new segments show up without touching the manifest
    await call(s, `${s.storage}/segs/part/004`, { method: "PUT", body: "D" });
    expect(await (await call(s, `${s.storage}/big/dlo`)).text()).toBe("AAAABBBCCD");
    await call(s, `${s.storage}/segs/part/004`, { method: "DELETE" });
    expect((await call(s, `${s.storage}/big/x`, { method: "PUT", body: "", headers: { "X-Object-Manifest": "noslash" } })).status).toBe(400);
  });
});

describe("bulk delete", () => {
  it("POST ?bulk-delete with URL-encoded lines → JSON tally", async () => {
    await call(s, `${s.storage}/bulk`, { method: "PUT" });
    await call(s, `${s.storage}/bulk/a b`, { method: "PUT", body: "1" });
    await call(s, `${s.storage}/bulk/c`, { method: "PUT", body: "2" });
    await call(s, `${s.storage}/bulkempty`, { method: "PUT" });
    const body = ["/bulk/a%20b", "bulk/c", "/bulk/missing", "/bulkempty", ""].join("\n");
    const res = await call(s, `${s.storage}?bulk-delete`, { method: "POST", body, headers: { "content-type": "text/plain", accept: "application/json" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      "Number Deleted": 3,
      "Number Not Found": 1,
      "Response Status": "200 OK",
      "Response Body": "",
      Errors: [],
    });
    expect((await call(s, `${s.storage}/bulkempty`, { method: "HEAD" })).status).toBe(404);
  });

  it("a non-empty container is an error entry with 409 and a 400 Response Status; DELETE works too", async () => {
    await call(s, `${s.storage}/full`, { method: "PUT" });
    await call(s, `${s.storage}/full/x`, { method: "PUT", body: "x" });
    const res = await call(s, `${s.storage}?bulk-delete=1`, { method: "DELETE", body: "/full\n", headers: { "content-type": "text/plain", accept: "application/json" } });
    const tally = (await res.json()) as any;
    expect(tally["Response Status"]).toBe("400 Bad Request");
    expect(tally.Errors).toEqual([["/full", "409 Conflict"]]);
    expect(tally["Number Deleted"]).toBe(0);
  });

  it("plain-text tally without Accept: application/json; more than 10,000 lines refused", async () => {
    const text = await (await call(s, `${s.storage}?bulk-delete`, { method: "POST", body: "/nothing/here\n", headers: { "content-type": "text/plain" } })).text();
    expect(text).toContain("Number Not Found: 1");
    expect(text).toContain("Response Status: 200 OK");
    const lines = Array.from({ length: 10_001 }, (_, i) => `/c/o${i}`).join("\n");
    const res = await call(s, `${s.storage}?bulk-delete`, { method: "POST", body: lines, headers: { "content-type": "text/plain", accept: "application/json" } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any)["Response Status"]).toBe("413 Request Entity Too Large");
  });
});
