import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod";
import { assignData, InvalidResponse, jsonFor, NotFound, notFound, sendFor, ServiceClient, StaticSession, Transport } from "../src/index";
import { json, startServer, type TestServer } from "./helpers";

class Demo extends ServiceClient {
  static override readonly serviceType = "demo";
  static override readonly serviceName = "cloudDemo";
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

describe("sendFor / jsonFor", () => {
  it("returns the parsed body when the status is one of the expected ones", async () => {
    const client = await demo(202, { server: { id: "s1", extra: 1 } });
    const body = await jsonFor(client, { method: "POST", path: "/servers", json: {} }, [202], z.looseObject({ server: z.looseObject({ id: z.string() }) }));
    expect(body.server).toEqual({ id: "s1", extra: 1 });
  });

  it("another 2xx is an InvalidResponse that leaks nothing of the success body", async () => {
    const client = await demo(200, { server: { adminPass: "s3cret-admin-pass" } });
    const err = await sendFor(client, { method: "POST", path: "/servers" }, [202]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidResponse);
    expect((err as InvalidResponse).message).toMatch(/^Expected HTTP 202, got 200\b/);
    expect(inspect(err, { depth: 5 })).not.toContain("s3cret-admin-pass");
    expect(JSON.stringify(err)).not.toContain("s3cret-admin-pass");
  });

  it("a body that misfits the schema is an InvalidResponse naming the path, same wording as json()", async () => {
    const client = await demo(201, { image: { id: 42, private_key: "PRIVATE-KEY-bbbb" } });
    const schema = z.looseObject({ image: z.looseObject({ id: z.string() }) });
    const err = (await jsonFor(client, { method: "POST", path: "/images" }, [201], schema).catch((e: unknown) => e)) as InvalidResponse;
    expect(err).toBeInstanceOf(InvalidResponse);
    expect(err.path).toBe("image.id");
    expect(err.message).toMatch(/^Unexpected response body at image\.id: /);
    expect(inspect(err, { depth: 5 })).not.toContain("PRIVATE-KEY-bbbb");
    const viaJson = (await client.json({ method: "POST", path: "/images" }, schema).catch((e: unknown) => e)) as InvalidResponse;
    expect(viaJson.message).toBe(err.message);
  });
});

describe("assignData", () => {
  it("copies the view, drops stale keys and keeps raw readable but non-enumerable", () => {
    const target: Record<string, unknown> = { stale: 1, name: "old" };
    assignData(target, { name: "new", size: 3, raw: { name: "new", size: 3, wire_only: true } });
    expect({ ...target }).toEqual({ name: "new", size: 3 });
    expect((target as { raw: unknown }).raw).toEqual({ name: "new", size: 3, wire_only: true });
    expect(JSON.stringify(target)).not.toContain("wire_only");
  });
});

describe("notFound", () => {
  it("builds the service's own 404 class from a NotFound naming what was looked for", () => {
    class NoSuchThing extends Error {
      constructor(readonly from: NotFound) {
        super(from.message);
      }
    }
    const e = notFound("thing:web", "No thing named web", (nf) => new NoSuchThing(nf));
    expect(e).toBeInstanceOf(NoSuchThing);
    expect(e.from).toBeInstanceOf(NotFound);
    expect(e.from.status).toBe(404);
    // The message is the lookup's words only: no "(HTTP 404; GET thing:web)" for a request never sent.
    expect(e.message).toBe("No thing named web");
    expect(e.from.url).toBe("thing:web");
  });
});
