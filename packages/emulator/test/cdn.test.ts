import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, session, type Session } from "./helpers";

let s: Session;
beforeAll(async () => {
  s = await session();
  await call(s, `${s.storage}/public`, { method: "PUT" });
  await call(s, `${s.storage}/public/index.html`, { method: "PUT", body: "<h1>hi</h1>", headers: { "content-type": "text/html" } });
  await call(s, `${s.storage}/private`, { method: "PUT" });
});
afterAll(() => s.emu.stop());

describe("Cloud Files CDN management", () => {
  it("the catalog's CDN endpoint sits beside storage for the same account", () => {
    expect(s.cdn).toBe(`${s.emu.endpoint("cdn", "DFW")}/v1/MossoCloudFS_123456`);
  });

  it("PUT enables (201, then 202); HEAD reports TTL, log retention and the four URIs", async () => {
    const put = await call(s, `${s.cdn}/public`, { method: "PUT", headers: { "X-CDN-Enabled": "True", "X-TTL": "900" } });
    expect(put.status).toBe(201);
    expect((await call(s, `${s.cdn}/public`, { method: "PUT", headers: { "X-TTL": "1800" } })).status).toBe(202);
    const head = await call(s, `${s.cdn}/public`, { method: "HEAD" });
    expect(head.status).toBe(204);
    expect(head.headers.get("x-cdn-enabled")).toBe("True");
    expect(head.headers.get("x-ttl")).toBe("1800");
    expect(head.headers.get("x-log-retention")).toBe("False");
    for (const h of ["x-cdn-uri", "x-cdn-ssl-uri", "x-cdn-streaming-uri", "x-cdn-ios-uri"]) expect(head.headers.get(h)).toMatch(/^http:\/\//);
    // the CDN URI serves the container's objects without a token
    const page = await fetch(`${head.headers.get("x-cdn-uri")}/index.html`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe("<h1>hi</h1>");
    expect(page.headers.get("cache-control")).toBe("public, max-age=1800");
  });

  it("PUT on a container that does not exist is 404; HEAD of a never-enabled container is 404", async () => {
    expect((await call(s, `${s.cdn}/ghost`, { method: "PUT", headers: { "X-CDN-Enabled": "True" } })).status).toBe(404);
    expect((await call(s, `${s.cdn}/private`, { method: "HEAD" })).status).toBe(404);
  });

  it("POST changes TTL and log retention and can disable; a disabled container stops serving", async () => {
    await call(s, `${s.cdn}/public`, { method: "PUT", headers: { "X-CDN-Enabled": "True" } });
    const post = await call(s, `${s.cdn}/public`, { method: "POST", headers: { "X-TTL": "3600", "X-Log-Retention": "True" } });
    expect(post.status).toBe(204);
    let head = await call(s, `${s.cdn}/public`, { method: "HEAD" });
    expect(head.headers.get("x-ttl")).toBe("3600");
    expect(head.headers.get("x-log-retention")).toBe("True");
    const uri = head.headers.get("x-cdn-uri")!;
    await call(s, `${s.cdn}/public`, { method: "POST", headers: { "X-CDN-Enabled": "False" } });
    head = await call(s, `${s.cdn}/public`, { method: "HEAD" });
    expect(head.headers.get("x-cdn-enabled")).toBe("False");
    expect((await fetch(`${uri}/index.html`)).status).toBe(404);
    expect((await call(s, `${s.cdn}/public`, { method: "POST", headers: { "X-TTL": "5" } })).status).toBe(400);
    await call(s, `${s.cdn}/public`, { method: "PUT", headers: { "X-CDN-Enabled": "True" } });
  });

  it("GET ?format=json lists CDN containers; enabled_only filters", async () => {
    await call(s, `${s.cdn}/private`, { method: "PUT", headers: { "X-CDN-Enabled": "False" } });
    const all = (await (await call(s, `${s.cdn}?format=json`)).json()) as any[];
    expect(all.map((c) => [c.name, c.cdn_enabled])).toEqual([
      ["private", false],
      ["public", true],
    ]);
    expect(all[1]).toMatchObject({ ttl: expect.any(Number), log_retention: expect.any(Boolean), cdn_uri: expect.any(String), "X-Cdn-Uri": expect.any(String) });
    const enabled = (await (await call(s, `${s.cdn}?format=json&enabled_only=true`)).json()) as any[];
    expect(enabled.map((c) => c.name)).toEqual(["public"]);
    expect(await (await call(s, `${s.cdn}?enabled_only=true`)).text()).toBe("public\n");
  });

  it("DELETE /container/object purges (204) and records the e-mail addresses", async () => {
    const res = await call(s, `${s.cdn}/public/index.html`, { method: "DELETE", headers: { "X-Purge-Email": "a@example.com, b@example.com" } });
    expect(res.status).toBe(204);
    expect(s.emu.state.cdn.purges.at(-1)).toMatchObject({ container: "public", object: "index.html", emails: ["a@example.com", "b@example.com"] });
    expect((await call(s, `${s.cdn}/private/index.html`, { method: "DELETE" })).status).toBe(404);
  });

  it("rejects bad tokens like storage does", async () => {
    expect((await fetch(`${s.cdn}/public`, { method: "HEAD" })).status).toBe(401);
  });
});
