import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { type Listening, type Scripted, serveScripted } from "../src/index";

// The scripted server under the images, networks and object-store fixtures: a test's script
// answers each request. What matters: a broken script is an answer the test sees, never a hang.

interface Got {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A plain node:http call, so what arrives is exactly what the server sent. */
function call(url: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: o.method ?? "GET", headers: o.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(o.body);
  });
}

let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = async (script: Scripted["script"], o: { defaultHeaders?: Record<string, string> } = {}) => {
  const state: Scripted = { script, requests: [], bytesWritten: [] };
  server = await serveScripted(state, { paths: [["/cdn/v1/AUTH_fx", "cdn:"], ["/v1/AUTH_fx", ""]], ...o });
  return { state, origin: server.origin };
};

describe("serveScripted", () => {
  it("records each request below its mapped prefix and answers with what the script returns", async () => {
    const { state, origin } = await start((r) => ({ status: r.method === "PUT" ? 201 : 200, body: { path: r.path } }));
    const put = await call(`${origin}/v1/AUTH_fx/c/a%20b?x=1`, { method: "PUT", headers: { "content-type": "application/json" }, body: '{"k":1}' });
    expect(put.status).toBe(201);
    expect(JSON.parse(put.body)).toEqual({ path: "/c/a%20b" });
    expect(put.headers["content-type"]).toBe("application/json; charset=utf-8");
    await call(`${origin}/cdn/v1/AUTH_fx/c`);
    await call(`${origin}/v1/AUTH_fx`);
    expect(state.requests.map((r) => [r.method, r.path, r.rawQuery])).toEqual([
      ["PUT", "/c/a%20b", "?x=1"],
      ["GET", "cdn:/c", ""],
      ["GET", "", ""],
    ]);
    expect(state.requests[0]!.json).toEqual({ k: 1 });
    expect(state.requests[0]!.body.toString()).toBe('{"k":1}');
    expect(state.bytesWritten[0]).toBe(Buffer.byteLength('{"path":"/c/a%20b"}'));
  });

  it("a script that throws is answered 599 with its error, so the test sees it", async () => {
    const { state, origin } = await start(() => {
      throw new Error("no answer scripted for this");
    });
    const got = await call(`${origin}/v1/AUTH_fx/c`);
    expect(got.status).toBe(599);
    expect(got.body).toContain("no answer scripted for this");
    expect(state.requests).toHaveLength(1);
  });

  it("status 0 drops the connection unanswered; defaultHeaders apply unless the answer sets its own", async () => {
    const { origin } = await start((r) => (r.path === "/lost" ? { status: 0 } : r.path === "/own" ? { status: 200, headers: { "content-type": "text/plain" }, body: "x" } : { status: 204 }), {
      defaultHeaders: { "content-type": "application/json" },
    });
    await expect(call(`${origin}/v1/AUTH_fx/lost`)).rejects.toThrow();
    expect((await call(`${origin}/v1/AUTH_fx/plain`)).headers["content-type"]).toBe("application/json");
    expect((await call(`${origin}/v1/AUTH_fx/own`)).headers["content-type"]).toBe("text/plain");
  });
});
