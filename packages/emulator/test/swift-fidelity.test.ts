// Behaviour Swift 2.30's own functional tests (tests/swift-functional) hold the emulator to.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, md5, session, type Session } from "./helpers";

let s: Session;
beforeAll(async () => {
  s = await session();
  await call(s, `${s.storage}/segs`, { method: "PUT" });
  await call(s, `${s.storage}/segs/a`, { method: "PUT", body: "AAAA" });
});
afterAll(() => s.emu.stop());

const b64 = (text: string) => Buffer.from(text).toString("base64");

describe("SLO manifests with inline data segments", () => {
  it("stores them, serves the data in place, and counts each segment's MD5 in the SLO etag", async () => {
    const manifest = [{ data: b64("pre-") }, { path: "/segs/a" }, { data: b64("-post") }];
    const put = await call(s, `${s.storage}/segs/mixed?multipart-manifest=put`, { method: "PUT", body: JSON.stringify(manifest) });
    expect(put.status).toBe(201);
    const sloEtag = md5(md5("pre-") + md5("AAAA") + md5("-post"));
    expect(put.headers.get("etag")).toBe(`"${sloEtag}"`);
    const get = await call(s, `${s.storage}/segs/mixed`);
    expect(await get.text()).toBe("pre-AAAA-post");
    expect(get.headers.get("etag")).toBe(`"${sloEtag}"`);
    const ranged = await call(s, `${s.storage}/segs/mixed`, { headers: { range: "bytes=2-5" } });
    expect(await ranged.text()).toBe("e-AA");
    const raw = (await (await call(s, `${s.storage}/segs/mixed?multipart-manifest=get&format=raw`)).json()) as unknown[];
    expect(raw[0]).toEqual({ data: b64("pre-") });
    expect(raw[2]).toEqual({ data: b64("-post") });
  });

  it("refuses bad data, data-only manifests and extra keys with Swift's Index lines, all at once", async () => {
    const bad = [{ data: "not base64!" }, { data: "" }, { data: b64("x"), path: "/segs/a" }, { data: b64("y"), etag: "z" }];
    const res = await call(s, `${s.storage}/segs/bad?multipart-manifest=put`, { method: "PUT", body: JSON.stringify(bad) });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain("Index 0: data must be valid base64");
    expect(text).toContain("Index 1: too small; each segment must be at least 1 byte.");
    expect(text).toContain('Index 2: extraneous keys "data"');
    expect(text).toContain('Index 3: extraneous keys "etag"');
    const onlyData = await call(s, `${s.storage}/segs/bad?multipart-manifest=put`, { method: "PUT", body: JSON.stringify([{ data: b64("x") }]) });
    expect(await onlyData.text()).toContain("Inline data segments require at least one object-backed segment.");
  });
});
