import { InvalidResponse } from "@rax/core";
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NoSuchContainer, type ObjectStore, StorageObject } from "../src/index";
import { type EmulatedSwift, startEmulatedSwift } from "./emulator-client";
import { type Answer, type Fixture, type SeenRequest, startFixture } from "./fixture-server";

// Behaviour against the emulator (a fresh one per test); what goes on the wire (queries, bodies)
// and what a server caps or garbles, against per-call fixtures below.
let swift: EmulatedSwift;
let cf: ObjectStore;
beforeEach(async () => {
  swift = await startEmulatedSwift();
  cf = swift.client();
  for (let i = 0; i < 5; i++) await swift.put("my_objects", `series_${i}`, "some text");
  for (const ch of "abcde") await swift.put("my_objects", `stuff/${ch.repeat(4)}`, "some text");
});
afterEach(() => swift.close());

const all = ["series_0", "series_1", "series_2", "series_3", "series_4", "stuff/aaaa", "stuff/bbbb", "stuff/cccc", "stuff/dddd", "stuff/eeee"];

/**
 * A container listing as Swift serves it, from `names`: JSON rows after `marker`, before
 * `end_marker`, under `prefix`, `limit` at most `cap` (412 above it, as a server configured with a
 * lower `container_listing_limit` answers), 204 for an empty page.
 */
function listingOf(names: string[], cap: number): (req: SeenRequest) => Answer {
  return (req) => {
    const q = req.query;
    const limit = q.get("limit") === null ? cap : Number(q.get("limit"));
    if (limit > cap) return { status: 412, body: `Maximum limit is ${cap}` };
    const marker = q.get("marker") ?? "";
    const end = q.get("end_marker");
    const prefix = q.get("prefix") ?? "";
    const rows = names
      .filter((n) => n > marker && (end === null || n < end) && n.startsWith(prefix))
      .slice(0, limit)
      .map((name) => ({ name, bytes: 9, hash: createHash("md5").update("some text").digest("hex"), content_type: "text/plain", last_modified: "2026-01-01T00:00:00.000000" }));
    return rows.length === 0 ? { status: 204 } : { status: 200, body: rows };
  };
}

async function withFixture(script: Fixture["script"], run: (fx: Fixture) => Promise<void>): Promise<void> {
  const fx = await startFixture(script);
  try {
    await run(fx);
  } finally {
    await fx.close();
  }
}

describe("listings", () => {
  it("getObjects returns StorageObjects (client and container)", async () => {
    const objs = await cf.getObjects("my_objects");
    expect(objs[0]).toBeInstanceOf(StorageObject);
    expect(objs.map((o) => o.name)).toEqual(all);
    expect(objs[0]?.bytes).toBe(9);
    expect(objs[0]?.etag).toMatch(/^[0-9a-f]{32}$/);
    const cont = await cf.getContainer("my_objects");
    expect((await cont.getObjects()).map((o) => o.name)).toEqual(all);
    expect((await cf.listContainerObjects(cont)).length).toBe(10);
    expect((await cf.getContainerObjects("my_objects")).length).toBe(10);
    await withFixture(listingOf(all, 10_000), async (fx) => {
      await fx.client().getObjects("my_objects");
      await fx.client().listContainers();
      expect(fx.requests.map((r) => r.query.get("format"))).toEqual(["json", "json"]);
    });
  });

  it("paginates with limit and marker like the seed example", async () => {
    const pages: string[][] = [];
    let marker = "";
    for (;;) {
      const objs = await cf.getObjects("my_objects", { limit: 4, marker });
      pages.push(objs.map((o) => o.name));
      if (!objs.length) break;
      marker = objs.at(-1)?.name as string;
    }
    expect(pages).toEqual([all.slice(0, 4), all.slice(4, 8), all.slice(8), []]);
  });

  it("filters by prefix, and rolls up folders with a delimiter", async () => {
    expect((await cf.getObjects("my_objects", { prefix: "stuff" })).map((o) => o.name)).toEqual(all.slice(5));
    const top = await cf.getObjects("my_objects", { delimiter: "/" });
    expect(top.map((o) => o.name)).toEqual([...all.slice(0, 5), "stuff/"]);
    expect(top.at(-1)?.isSubdir).toBe(true);
    expect(top.at(-1)?.contentType).toBe("pseudo/subdirectory");
    expect(await cf.listSubdirs("my_objects")).toEqual(["stuff/"]);
    expect(await (await cf.getContainer("my_objects")).listSubdirs()).toEqual(["stuff/"]);
    expect(await cf.listContainerSubdirs("my_objects", { prefix: "series" })).toEqual([]);
  });

  it("listObjects is a Paginated: awaiting gives one page, iterating walks past the server cap", async () => {
    const page = await cf.listObjects("my_objects", { limit: 3 });
    expect(page.items.map((o) => o.name)).toEqual(all.slice(0, 3));
    expect(page.next).toBe("series_2");
    await withFixture(listingOf(all, 3), async (fx) => {
      const names: string[] = [];
      for await (const o of fx.client().listObjects("my_objects")) names.push(o.name);
      expect(names).toEqual(all);
      // The implicit limit (Swift's 10 000) is refused by this server's lower cap (412); without a
      // limit the server's cap sizes the pages, and only an empty page can say "no more".
      expect(fx.requests.map((r) => [r.query.get("limit"), r.query.get("marker")])).toEqual([
        ["10000", null],
        [null, null],
        [null, "series_2"],
        [null, "stuff/aaaa"],
        [null, "stuff/dddd"],
        [null, "stuff/eeee"],
      ]);
    });
  });

  it("fullListing walks every page; without it one page (the cap)", async () => {
    await withFixture(listingOf(all, 4), async (fx) => {
      const c = fx.client();
      expect(await c.listObjectNames("my_objects")).toEqual(all.slice(0, 4));
      expect(await c.listObjectNames("my_objects", { fullListing: true })).toEqual(all);
    });
    expect(await cf.listContainerObjectNames("my_objects", { fullListing: true, prefix: "stuff/", endMarker: "stuff/cccc" })).toEqual([
      "stuff/aaaa",
      "stuff/bbbb",
    ]);
  });

  it("a full walk stops at a page shorter than the limit asked for: no trailing empty page", async () => {
    await withFixture(listingOf(all, 10_000), async (fx) => {
      const c = fx.client();
      expect(await c.listObjectNames("my_objects", { fullListing: true })).toEqual(all);
      expect(fx.requests.map((r) => r.query.get("limit"))).toEqual(["10000"]);
      let mark = fx.requests.length;
      expect(await c.listObjectNames("my_objects", { fullListing: true, limit: 4 })).toEqual(all);
      expect(fx.requests.slice(mark).map((r) => r.query.get("marker"))).toEqual([null, "series_3", "stuff/cccc"]);
      // Exactly full pages: one more request is needed to learn there is nothing after them.
      mark = fx.requests.length;
      expect(await c.listObjectNames("my_objects", { fullListing: true, limit: 5 })).toEqual(all);
      expect(fx.requests.slice(mark).map((r) => r.query.get("marker"))).toEqual([null, "series_4", "stuff/eeee"]);
    });
    // The same walks against the emulator give the same names.
    expect(await cf.listObjectNames("my_objects", { fullListing: true, limit: 4 })).toEqual(all);
  });

  it("iterating listObjects over a short container makes one request: a page shorter than the limit is the last", async () => {
    await withFixture(listingOf(all, 10_000), async (fx) => {
      const c = fx.client();
      const names: string[] = [];
      for await (const o of c.listObjects("my_objects")) names.push(o.name);
      expect(names).toEqual(all);
      expect(fx.requests.map((r) => [r.query.get("limit"), r.query.get("marker")])).toEqual([["10000", null]]);
      // Awaited, the one page says there is no next page.
      expect((await c.listObjects("my_objects")).next).toBeUndefined();
      // With the caller's limit, the same rule: 4 + 4 + 2 rows, three requests.
      const mark = fx.requests.length;
      expect((await c.listObjects("my_objects", { limit: 4 }).toArray()).map((o) => o.name)).toEqual(all);
      expect(fx.requests.slice(mark).map((r) => r.query.get("marker"))).toEqual([null, "series_3", "stuff/cccc"]);
    });
  });

  it("a server whose cap is below 10 000 refuses the implicit limit (412): the walk goes on without one", async () => {
    await withFixture(listingOf(all, 3), async (fx) => {
      expect(await fx.client().listObjectNames("my_objects", { fullListing: true })).toEqual(all);
      expect(fx.requests.map((r) => [r.query.get("limit"), r.query.get("marker")])).toEqual([
        ["10000", null],
        [null, null],
        [null, "series_2"],
        [null, "stuff/aaaa"],
        [null, "stuff/dddd"],
        [null, "stuff/eeee"],
      ]);
    });
  });

  it("an empty container lists as [] (Swift answers 204)", async () => {
    await swift.createContainer("empty");
    expect(await cf.getObjects("empty")).toEqual([]);
  });

  it("a missing container throws NoSuchContainer", async () => {
    await expect(cf.getObjects("missing")).rejects.toBeInstanceOf(NoSuchContainer);
  });
});

/** Swift's bulk-delete answer for a batch: existing names deleted, `forbidden` ones refused. */
function bulkAnswer(existing: Set<string>, forbidden: Set<string> = new Set()): (req: SeenRequest) => Answer {
  return (req) => {
    const lines = req.body.toString().trim().split("\n");
    const errors = lines.filter((l) => forbidden.has(l)).map((l) => [l, "403 Forbidden"]);
    const deleted = lines.filter((l) => !forbidden.has(l) && existing.delete(l)).length;
    return {
      status: 200,
      body: {
        "Number Deleted": deleted,
        "Number Not Found": lines.length - deleted - errors.length,
        "Response Status": errors.length ? "400 Bad Request" : "200 OK",
        "Response Body": "",
        Errors: errors,
      },
    };
  };
}

describe("bulkDelete", () => {
  it("sends URL-encoded /container/object lines as text/plain, Accept JSON, and returns pyrax's result", async () => {
    await swift.put("my_objects", "with space & ünïcode", "x");
    await swift.put("my_objects", "line\nbreak", "x");
    const names = ["series_0", "with space & ünïcode", "line\nbreak", "missing"];
    const r = await cf.bulkDelete("my_objects", names);
    expect(r).toEqual({ deleted: 3, notFound: 1, status: "200 OK", errors: [] });
    expect(swift.names("my_objects")).not.toContain("line\nbreak");
    await withFixture(bulkAnswer(new Set()), async (fx) => {
      await fx.client().bulkDelete("my_objects", names);
      const req = fx.requests.at(-1);
      expect(req?.method).toBe("DELETE");
      expect(req?.query.has("bulk-delete")).toBe(true);
      expect(req?.headers["content-type"]).toBe("text/plain");
      expect(req?.headers.accept).toBe("application/json");
      expect(req?.body.toString().trim().split("\n")).toEqual([
        "/my_objects/series_0",
        "/my_objects/with%20space%20%26%20%C3%BCn%C3%AFcode",
        "/my_objects/line%0Abreak",
        "/my_objects/missing",
      ]);
    });
  });

  it("batches (default 10 000 names per request, configurable) and sums the results", async () => {
    const names = Array.from({ length: 10_001 }, (_, i) => `n${i}`);
    for (const n of names.slice(0, 5)) await swift.put("big", n, "x");
    const deletes = (mark: number) => swift.since(mark).filter((q) => q.method === "DELETE");
    const mark = swift.mark();
    const r = await cf.bulkDelete("big", names);
    expect(deletes(mark)).toHaveLength(2);
    expect(r).toEqual({ deleted: 5, notFound: 9_996, status: "200 OK", errors: [] });
    await withFixture(bulkAnswer(new Set()), async (fx) => {
      await fx.client().bulkDelete("big", names);
      expect(fx.requests.map((b) => b.body.toString().trim().split("\n").length)).toEqual([10_000, 1]);
    });

    await swift.put("big", "a", "x");
    await swift.put("big", "b", "x");
    await swift.put("big", "c", "x");
    const small = swift.client({ bulkDeleteBatchSize: 2 });
    const mark2 = swift.mark();
    const r2 = await small.bulkDelete("big", ["a", "b", "c"]);
    expect(deletes(mark2)).toHaveLength(2);
    expect(r2.deleted).toBe(3);
    const mark3 = swift.mark();
    await cf.bulkDelete("big", ["x", "y", "z"], { batchSize: 1 });
    expect(deletes(mark3)).toHaveLength(3);
  });

  it("reports errors from the body of a 200 response, aggregated across batches", async () => {
    const existing = new Set(["/my_objects/series_0", "/my_objects/series_1", "/my_objects/series_2", "/my_objects/series_3"]);
    await withFixture(bulkAnswer(existing, new Set(["/my_objects/series_1", "/my_objects/series_3"])), async (fx) => {
      const r = await fx.client().bulkDelete("my_objects", ["series_0", "series_1", "series_2", "series_3", "nope"], { batchSize: 2 });
      expect(r).toEqual({
        deleted: 2,
        notFound: 1,
        status: "400 Bad Request",
        errors: [
          ["/my_objects/series_1", "403 Forbidden"],
          ["/my_objects/series_3", "403 Forbidden"],
        ],
      });
    });
  });

  it("async: returns a job at once; completed/results once done", async () => {
    const job = cf.bulkDelete("my_objects", ["series_0", "series_1"], { async: true });
    expect(job.completed).toBe(false);
    const results = await job.done;
    expect(job.completed).toBe(true);
    expect(job.results).toEqual(results);
    expect(results.deleted).toBe(2);
    const cont = await cf.getContainer("my_objects");
    const job2 = cont.bulkDelete(["series_2"], { async: true });
    expect((await job2.done).deleted).toBe(1);
  });

  it("names with '..' segments, unaddressable in a URL, can still be bulk-deleted (they travel in the body)", async () => {
    // No URL can store such a name (parsers collapse the segment), so it is put in the emulator's state.
    const objects = swift.container("my_objects")?.objects;
    const template = objects?.get("series_0");
    expect(template).toBeDefined();
    objects?.set("a/../b", { ...(template as NonNullable<typeof template>), name: "a/../b" });
    expect((await cf.bulkDelete("my_objects", ["a/../b"])).deleted).toBe(1);
    expect(swift.names("my_objects")).not.toContain("a/../b");
  });

  it("accepts StorageObjects as names and an empty list without a request", async () => {
    const objs = await cf.getObjects("my_objects", { prefix: "stuff/" });
    const mark = swift.mark();
    expect(await cf.bulkDelete("my_objects", [])).toEqual({ deleted: 0, notFound: 0, status: "200 OK", errors: [] });
    expect(swift.since(mark)).toHaveLength(0);
    expect((await cf.bulkDelete("my_objects", objs)).deleted).toBe(5);
  });
});

describe("malformed listings and bulk-delete answers", () => {
  const rejection = (p: Promise<unknown>) => p.then(() => expect.fail("expected a rejection"), (e: unknown) => e as InvalidResponse);
  // A malformed server: every request is answered 200 with the JSON text of `raw`.
  let fx: Fixture;
  let garbled: ObjectStore;
  const raw = { rawJson: "" };
  beforeEach(async () => {
    fx = await startFixture(() => ({ status: 200, headers: { "content-type": "application/json" }, body: Buffer.from(raw.rawJson) }));
    garbled = fx.client();
  });
  afterEach(() => fx.close());

  it("a listing row that is not an object, or lacks a string name, is an InvalidResponse naming the row", async () => {
    for (const [body, path] of [
      ["[null]", "0"],
      ['[{"name": "a", "bytes": 1}, 5]', "1"],
      ['[{"name": "a", "bytes": 1}, {"bytes": 1}]', "1.name"],
      ['[{"name": 5, "bytes": 1}]', "0.name"],
      ['[{"name": "a", "bytes": "many"}]', "0.bytes"],
    ] as const) {
      raw.rawJson = body;
      const e = await rejection(garbled.listObjectNames("my_objects"));
      expect(e, body).toBeInstanceOf(InvalidResponse);
      expect(e.path, body).toBe(path);
    }
    raw.rawJson = '[{"name": "c"}, null]';
    expect((await rejection(garbled.listContainers())).path).toBe("1");
  });

  it("each optional field of a row is checked too (wrong type, not finite; null is absent)", async () => {
    for (const [body, path] of [
      ['[{"name": "a", "hash": 12}]', "0.hash"],
      ['[{"name": "a", "bytes": 1}, {"name": "b", "content_type": 7}]', "1.content_type"],
      ['[{"name": "a", "last_modified": false}]', "0.last_modified"],
      ['[{"name": "a", "bytes": 1e999}]', "0.bytes"],
      ['[{"name": "a"}, []]', "1"],
      ['[{"subdir": 5}]', "0.name"],
    ] as const) {
      raw.rawJson = body;
      const e = await rejection(garbled.getObjects("my_objects"));
      expect(e, body).toBeInstanceOf(InvalidResponse);
      expect(e.path, body).toBe(path);
    }
    for (const [body, path] of [
      ['[{"name": "c", "count": "3"}]', "0.count"],
      ['[{"name": "c", "count": 1, "bytes": "9"}]', "0.bytes"],
      ['[{"count": 1}]', "0.name"],
    ] as const) {
      raw.rawJson = body;
      expect((await rejection(garbled.listContainers())).path, body).toBe(path);
    }
  });

  it("rows with extra fields and subdir roll-ups are still accepted", async () => {
    raw.rawJson = '[{"name": "a", "bytes": 3, "symlink_path": "x"}, {"subdir": "d/"}]';
    const rows = await garbled.getObjects("my_objects");
    expect(rows.map((r) => [r.name, r.bytes, r.isSubdir])).toEqual([["a", 3, false], ["d/", 0, true]]);
    // A non-string subdir is not a roll-up: the row stands as an object row when it has a name.
    raw.rawJson = '[{"name": "n", "subdir": 5, "hash": "h", "content_type": "text/plain", "last_modified": "2026-01-01T00:00:00.000000"}]';
    const [o] = await garbled.getObjects("my_objects");
    expect([o?.name, o?.bytes, o?.etag, o?.contentType, o?.lastModified, o?.isSubdir, o?.containerName]).toEqual([
      "n", 0, "h", "text/plain", "2026-01-01T00:00:00.000000", false, "my_objects",
    ]);
    raw.rawJson = '[{"name": "c"}]';
    expect(await garbled.listContainersInfo()).toEqual([{ name: "c", count: 0, bytes: 0 }]);
  });

  it("a bulk-delete answer that is an array, or has neither status nor count, is an InvalidResponse", async () => {
    for (const body of ["[1,2]", "{}", '{"error": "nope"}']) {
      raw.rawJson = body;
      expect(await rejection(garbled.bulkDelete("my_objects", ["series_0"])), body).toBeInstanceOf(InvalidResponse);
    }
  });
});
