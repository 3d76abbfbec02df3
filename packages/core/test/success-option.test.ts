// `success` on a ServiceCall: send/json check the API's success status themselves.
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod";
import { InvalidResponse, NotFound, ServiceClient, StaticSession, Transport, sendFor } from "../src/index";
import { json, startServer, type TestServer } from "./helpers";

class Demo extends ServiceClient {
  static override readonly serviceType = "demo";
}

let srv: TestServer | undefined;
let transport: Transport | undefined;
afterEach(async () => {
  await transport?.close();
  await srv?.close();
  srv = undefined;
  transport = undefined;
});

async function demo(status: number, body: unknown): Promise<Demo> {
  srv = await startServer((_req, res) => json(res, status, body));
  transport = new Transport();
  return new Demo(new StaticSession({ token: "tok-aaaa", endpoint: srv.url, transport }));
}

describe("ServiceCall.success", () => {
  it("send() returns a response whose status is one of `success`", async () => {
    const client = await demo(201, { ok: true });
    const res = await client.send({ method: "PUT", path: "/x", success: [201, 202] });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("send(): another 2xx is an InvalidResponse that leaks nothing of the body", async () => {
    const client = await demo(200, { adminPass: "s3cret-admin-pass" });
    const err = (await client.send({ method: "POST", path: "/servers", success: [202] }).catch((e: unknown) => e)) as InvalidResponse;
    expect(err).toBeInstanceOf(InvalidResponse);
    expect(err.status).toBe(200);
    expect(err.message).toMatch(/^Expected HTTP 202, got 200\b/);
    expect(inspect(err, { depth: 5})).not.toContain("s3cret-admin-pass");
    expect(JSON.stringify(err)).not.toContain("s3cret-admin-pass");
  });

  it("json(): status checked before the body, and a misfit carries no body snippet", async () => {
    const wrong = await demo(200, { id: "x" });
    await expect(wrong.json({ method: "POST", path: "/a", success: [201] })).rejects.toBeInstanceOf(InvalidResponse);
    await srv?.close();
    await transport?.close();
    const client = await demo(201, { image: { id: 42, private_key: "PRIVATE-KEY-bbbb" } });
    const err = (await client
      .json({ method: "POST", path: "/images", success: [201] }, z.looseObject({ image: z.looseObject({ id: z.string() }) }))
      .catch((e: unknown) => e)) as InvalidResponse;
    expect(err).toBeInstanceOf(InvalidResponse);
    expect(err.path).toBe("image.id");
    expect(inspect(err, { depth: 5 })).not.toContain("PRIVATE-KEY-bbbb");
  });

  it("an error status asked for with expectStatus is still returned, not refused", async () => {
    const client = await demo(404, { itemNotFound: { message: "gone" } });
    const res = await client.send({ method: "GET", path: "/x", success: [200], expectStatus: [404] });
    expect(res.status).toBe(404);
    await res.dump();
    await expect(client.send({ method: "GET", path: "/x", success: [200] })).rejects.toBeInstanceOf(NotFound);
  });

  it("without `success` any 2xx is accepted (unchanged)", async () => {
    const client = await demo(202, {});
    expect((await client.send({ method: "POST", path: "/x" })).status).toBe(202);
  });

  it("sendFor delegates to it: same error", async () => {
    const client = await demo(204, undefined);
    const a = (await sendFor(client, { method: "DELETE", path: "/x" }, [202]).catch((e: unknown) => e)) as InvalidResponse;
    const b = (await client.send({ method: "DELETE", path: "/x", success: [202] }).catch((e: unknown) => e)) as InvalidResponse;
    expect(a.message).toBe(b.message);
  });
});
