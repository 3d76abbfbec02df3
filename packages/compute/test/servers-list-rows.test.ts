import { InvalidResponse } from "@rax/core";
import { describe, expect, it } from "vitest";
import { wireServer as wireServerSchema, toServer } from "../src/servers/models";
import { serve, wireServer } from "./fixture";

// servers.list checks and converts each page's rows by hand (the hot path); these pin that it
// accepts and refuses exactly what the wire schema does, and converts the same way.

const listOnce = async (body: unknown) => {
  const { nova } = await serve({ method: "GET", path: "/servers/detail", status: 200, body });
  return nova.servers.list();
};

const fine: Record<string, Record<string, unknown>> = {
  "the fixture row": wireServer(),
  "a bare id": { id: "x" },
  "numeric image and flavor ids": wireServer({ image: { id: 7 }, flavor: { id: 3 } }),
  "a flavor without id": wireServer({ flavor: { links: [] } }),
  "booted from a volume": wireServer({ image: "" }),
  "image null": wireServer({ image: null }),
  "nulls where Nova sends them": wireServer({ progress: null, addresses: null, metadata: null, key_name: null, accessIPv4: null, accessIPv6: null, hostId: null }),
  "a fault": wireServer({ status: "ERROR", fault: { code: 500, message: "No valid host", details: "trace", created: "2026-12-01T10:00:00Z" } }),
  "an address without version": wireServer({ addresses: { public: [{ addr: "198.51.100.9" }], empty: [] } }),
  "unknown extension fields": wireServer({ "OS-EXT-AZ:availability_zone": "nova", locked: false, tags: ["a"] }),
};

const bad: Record<string, [row: Record<string, unknown> | unknown, path: string]> = {
  "no id": [{ name: "x" }, "servers.1.id"],
  "a numeric id": [wireServer({ id: 42 }), "servers.1.id"],
  "a null name": [wireServer({ name: null }), "servers.1.name"],
  "a string progress": [wireServer({ progress: "50" }), "servers.1.progress"],
  "an image string": [wireServer({ image: "img-1" }), "servers.1.image"],
  "an image id null": [wireServer({ image: { id: null } }), "servers.1.image"],
  "a flavor id object": [wireServer({ flavor: { id: {} } }), "servers.1.flavor.id"],
  "an address without addr": [wireServer({ addresses: { public: [{ version: 4 }] } }), "servers.1.addresses.public.0.addr"],
  "addresses as a list": [wireServer({ addresses: [] }), "servers.1.addresses"],
  "a numeric metadata value": [wireServer({ metadata: { n: 1 } }), "servers.1.metadata.n"],
  "a numeric created": [wireServer({ created: 1 }), "servers.1.created"],
  "a fault code string": [wireServer({ fault: { code: "500" } }), "servers.1.fault.code"],
  "a row that is a string": ["srv-2", "servers.1"],
  "a row that is an array": [[], "servers.1"],
  "a null row": [null, "servers.1"],
};

describe("servers.list rows", () => {
  for (const [what, row] of Object.entries(fine)) {
    it(`converts ${what} exactly as the wire schema + toServer do`, async () => {
      const page = await listOnce({ servers: [wireServer({ id: "first" }), row] });
      const expected = toServer(wireServerSchema().parse(row));
      const got = page.items[1]!;
      expect({ ...got }).toStrictEqual(Object.fromEntries(Object.entries(expected).filter(([k]) => k !== "raw")));
      expect(Object.keys(got)).toEqual(Object.keys(expected).filter((k) => k !== "raw"));
      expect(got.raw).toEqual(row);
    });
  }

  for (const [what, [row, path]] of Object.entries(bad)) {
    it(`refuses ${what}: InvalidResponse naming ${path}`, async () => {
      expect(wireServerSchema().safeParse(row).success).toBe(false);
      const e = await listOnce({ servers: [wireServer({ id: "first" }), row] }).catch((x) => x);
      expect(e).toBeInstanceOf(InvalidResponse);
      expect(e.path).toBe(path);
      expect(e.message).toContain(`at ${path}`);
    });
  }

  it("keeps the admin password out of raw", async () => {
    const page = await listOnce({ servers: [wireServer({ adminPass: "s3cret-root-pw" })] });
    expect(page.items[0]!.raw).not.toHaveProperty("adminPass");
    expect(JSON.stringify(page.items[0]!.raw)).not.toContain("s3cret-root-pw");
  });

  it("a body without a servers array, or with bad links, is an InvalidResponse", async () => {
    for (const [body, path] of [
      [{ server: wireServer() }, "servers"],
      [{ servers: {} }, "servers"],
      [[], ""],
      [{ servers: [], servers_links: {} }, "servers_links"],
      [{ servers: [], servers_links: [{ rel: 1 }] }, "servers_links.0.rel"],
    ] as const) {
      const e = await listOnce(body).catch((x) => x);
      expect(e).toBeInstanceOf(InvalidResponse);
      expect(e.path ?? "").toBe(path);
    }
  });

  it("pages on while a next link is among the links, and not otherwise", async () => {
    const { nova, seen } = await serve(
      { method: "GET", path: "/servers/detail", status: 200, body: { servers: [wireServer({ id: "a" })], servers_links: [{ rel: "self" }, { rel: "next", href: "x" }] } },
      { method: "GET", path: "/servers/detail", status: 200, body: { servers: [wireServer({ id: "b" })], servers_links: [{ rel: "self", href: "y" }] } },
    );
    const ids: string[] = [];
    for await (const s of nova.servers.list({ pageSize: 1 })) ids.push(s.id);
    expect(ids).toEqual(["a", "b"]);
    expect(seen).toHaveLength(2);
  });
});
