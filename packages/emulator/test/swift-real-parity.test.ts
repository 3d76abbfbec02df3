import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, session, type Session } from "./helpers";

/**
 * Behaviour checked against real Swift 2.30 (tests/integration/DIFFERENCES.md):
 * what a client sees when it sends the same request to a real proxy.
 */
let s: Session;
let c: string;
beforeAll(async () => {
  s = await session();
  c = `${s.storage}/parity`;
  await call(s, c, { method: "PUT" });
  await call(s, `${c}/five`, { method: "PUT", body: "12345", headers: { "content-type": "image/png", "X-Object-Meta-Kind": "k" } });
});
afterAll(() => s.emu.stop());

describe("metadata names with underscores (WSGI folds `_` into `-`)", () => {
  it("object metadata set by PUT and POST reads back with dashes", async () => {
    await call(s, `${c}/meta`, { method: "PUT", body: "m", headers: { "X-Object-Meta-My_Key": "v", "X-Object-Meta-A_B_c": "w" } });
    let head = await call(s, `${c}/meta`, { method: "HEAD" });
    expect(head.headers.get("x-object-meta-my-key")).toBe("v");
    expect(head.headers.get("x-object-meta-a-b-c")).toBe("w");
    expect(head.headers.get("x-object-meta-my_key")).toBeNull();

    expect((await call(s, `${c}/meta`, { method: "POST", headers: { "X-Object-Meta-Post_Key": "p" } })).status).toBe(202);
    head = await call(s, `${c}/meta`, { method: "HEAD" });
    expect(head.headers.get("x-object-meta-post-key")).toBe("p");
    expect(head.headers.get("x-object-meta-post_key")).toBeNull();
    // the body of a PUT still arrives intact when the request is rebuilt
    expect(await (await call(s, `${c}/meta`)).text()).toBe("m");
  });

  it("container and account metadata, including removal and an underscored prefix", async () => {
    const box = `${s.storage}/under`;
    await call(s, box, { method: "PUT", headers: { "X-Container-Meta-C_Key": "cv" } });
    await call(s, box, { method: "POST", headers: { X_Container_Meta_Under_Prefix: "up" } });
    let head = await call(s, box, { method: "HEAD" });
    expect(head.headers.get("x-container-meta-c-key")).toBe("cv");
    expect(head.headers.get("x-container-meta-under-prefix")).toBe("up");
    await call(s, box, { method: "POST", headers: { "X-Remove-Container-Meta-C_Key": "x" } });
    head = await call(s, box, { method: "HEAD" });
    expect(head.headers.get("x-container-meta-c-key")).toBeNull();

    await call(s, s.storage, { method: "POST", headers: { "X-Account-Meta-Acc_Key": "a" } });
    const account = await call(s, s.storage, { method: "HEAD" });
    expect(account.headers.get("x-account-meta-acc-key")).toBe("a");
    expect(account.headers.get("x-account-meta-acc_key")).toBeNull();
  });

  it("both spellings of one name arrive joined by a comma", async () => {
    await call(s, c, { method: "POST", headers: { "X-Container-Meta-Dup_K": "under", "X-Container-Meta-Dup-K": "dash" } });
    const value = (await call(s, c, { method: "HEAD" })).headers.get("x-container-meta-dup-k");
    expect(value?.split(",").sort()).toEqual(["dash", "under"]);
  });
});

describe("error responses as real Swift sends them", () => {
  it("a failed If-Match is 412 with an empty text/html body but the object's headers", async () => {
    const res = await call(s, `${c}/five`, { headers: { "if-match": "nope" } });
    expect(res.status).toBe(412);
    expect(res.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    expect(res.headers.get("content-length")).toBe("0");
    expect(res.headers.get("x-object-meta-kind")).toBe("k");
    expect(res.headers.get("etag")).toBe("827ccb0eea8a706c4c34a16891f84e7b");
    expect(await res.text()).toBe("");
  });

  it("416 keeps the HTML page but under the object's Content-Type", async () => {
    const res = await call(s, `${c}/five`, { headers: { range: "bytes=10-20" } });
    expect(res.status).toBe(416);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-range")).toBe("bytes */5");
    expect(await res.text()).toBe("<html><h1>Requested Range Not Satisfiable</h1><p>The Range requested is not available.</p></html>");
  });

  it("HEAD ignores Range: 200 with the full length", async () => {
    for (const range of ["bytes=10-20", "bytes=1-2"]) {
      const res = await call(s, `${c}/five`, { method: "HEAD", headers: { range } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-length")).toBe("5");
    }
  });

  it("304 carries the object's headers", async () => {
    const res = await call(s, `${c}/five`, { headers: { "if-none-match": "827ccb0eea8a706c4c34a16891f84e7b" } });
    expect(res.status).toBe(304);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-object-meta-kind")).toBe("k");
  });

  it("an over-long container name is 400 labelled text/html; an over-long object name text/plain", async () => {
    const container = await call(s, `${s.storage}/${"x".repeat(257)}`, { method: "PUT" });
    expect(container.status).toBe(400);
    expect(container.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    expect(await container.text()).toBe("Container name length of 257 longer than 256");
    const object = await call(s, `${c}/${"x".repeat(1025)}`, { method: "PUT", body: "" });
    expect(object.status).toBe(400);
    expect(object.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await object.text()).toBe("Object name length of 1025 longer than 1024");
  });

  it("metadata limit messages name the header as Swift title-cases it", async () => {
    const value = await call(s, c, { method: "POST", headers: { "X-Container-Meta-bIG_x2y": "v".repeat(257) } });
    expect(value.status).toBe(400);
    expect(value.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await value.text()).toBe("Metadata value longer than 256: x-container-meta-Big-X2Y");
    const obj = await call(s, `${c}/five`, { method: "POST", headers: { "X-Object-Meta-Big": "v".repeat(257) } });
    expect(await obj.text()).toBe("Metadata value longer than 256: x-object-meta-Big");
    const name = await call(s, c, { method: "POST", headers: { [`X-Container-Meta-${"n".repeat(129)}`]: "v" } });
    expect(await name.text()).toBe(`Metadata name too long: x-container-meta-N${"n".repeat(128)}`);
  });
});

describe("copies keep the source's expiry", () => {
  it("COPY and X-Copy-From carry X-Delete-At; a request's X-Delete-After or X-Fresh-Metadata wins", async () => {
    await call(s, `${c}/expiring`, { method: "PUT", body: "data", headers: { "X-Delete-After": "3600" } });
    const deleteAt = (await call(s, `${c}/expiring`, { method: "HEAD" })).headers.get("x-delete-at");
    expect(deleteAt).toMatch(/^\d+$/);
    const at = async (name: string) => (await call(s, `${c}/${name}`, { method: "HEAD" })).headers.get("x-delete-at");

    expect((await call(s, `${c}/expiring`, { method: "COPY", headers: { Destination: "parity/copy1" } })).status).toBe(201);
    expect(await at("copy1")).toBe(deleteAt);
    await call(s, `${c}/copy2`, { method: "PUT", headers: { "X-Copy-From": "parity/expiring", "content-length": "0" } });
    expect(await at("copy2")).toBe(deleteAt);
    await call(s, `${c}/expiring`, { method: "COPY", headers: { Destination: "parity/copy3", "X-Delete-After": "100" } });
    expect(Number(await at("copy3"))).toBeLessThan(Number(deleteAt));
    await call(s, `${c}/expiring`, { method: "COPY", headers: { Destination: "parity/copy4", "X-Fresh-Metadata": "true" } });
    expect(await at("copy4")).toBeNull();
  });
});
