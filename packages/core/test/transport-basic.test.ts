import { afterEach, describe, expect, it } from "vitest";
import { NotFound, Transport } from "../src/index";
import { json, startServer, type TestServer } from "./helpers";

let srv: TestServer | undefined;
let transport: Transport | undefined;
afterEach(async () => {
  await transport?.close();
  await srv?.close();
  srv = undefined;
  transport = undefined;
});

describe("Transport basics", () => {
  it("sends method, query, headers, json and returns a streaming response", async () => {
    srv = await startServer(async (req, res) => {
      let body = "";
      for await (const c of req) body += c;
      json(res, 200, { method: req.method, url: req.url, ua: req.headers["user-agent"], ct: req.headers["content-type"], body });
    });
    transport = new Transport({ userAgent: "my-app/2.0" });
    const res = await transport.request({ method: "post", url: `${srv.url}/a/b`, query: { x: "a b", y: 1, z: undefined }, json: { hi: 1 } });
    expect(res.status).toBe(200);
    const data = await res.json<Record<string, string>>();
    expect(data.method).toBe("POST");
    expect(data.url).toBe("/a/b?x=a%20b&y=1");
    expect(data.ua).toMatch(/^my-app\/2\.0 rax\/\d+\.\d+\.\d+\S* node\/\d+/);
    expect(data.ct).toBe("application/json");
    expect(data.body).toBe('{"hi":1}');
  });

  it("maps a 404 to NotFound and expectStatus returns it instead", async () => {
    srv = await startServer((_req, res) => json(res, 404, { itemNotFound: { code: 404, message: "Server not found" } }, { "x-compute-request-id": "req-1" }));
    transport = new Transport();
    const err = await transport.request({ method: "GET", url: `${srv.url}/servers/1` }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFound);
    expect((err as NotFound).serverMessage).toBe("Server not found");
    expect((err as NotFound).requestId).toBe("req-1");
    expect((err as NotFound).code).toBe("itemNotFound");
    expect((err as NotFound).attempts).toBe(1);
    const res = await transport.request({ method: "GET", url: `${srv.url}/servers/1`, expectStatus: [404] });
    expect(res.status).toBe(404);
    await res.dump();
  });
});
