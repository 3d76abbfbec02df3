import { afterEach, describe, expect, it } from "vitest";
import { Paginated, Transport, linkPager, markerPager, offsetPager } from "../src/index";
import { json, startServer, type TestServer } from "./helpers";

let srv: TestServer | undefined;
let transport: Transport | undefined;
afterEach(async () => {
  await transport?.close();
  await srv?.close();
  srv = undefined;
  transport = undefined;
});

const names = Array.from({ length: 25 }, (_, i) => `obj-${String(i).padStart(2, "0")}`);

describe("markerPager (Swift / Nova)", () => {
  it("awaits as the first page and iterates every item across pages, over HTTP", async () => {
    srv = await startServer((req, res) => {
      const u = new URL(req.url ?? "/", "http://x");
      const marker = u.searchParams.get("marker");
      const limit = Number(u.searchParams.get("limit"));
      const start = marker ? names.indexOf(marker) + 1 : 0;
      const page = names.slice(start, start + limit).map((name) => ({ name }));
      if (page.length === 0) {
        res.writeHead(204);
        return res.end();
      }
      json(res, 200, page);
    });
    transport = new Transport();
    const t = transport;
    const url = srv.url;
    const list = () =>
      markerPager<{ name: string }>(
        async (marker, want) => {
          const res = await t.request({ method: "GET", url: `${url}/c`, query: { marker, limit: want } });
          return ((await res.json<{ name: string }[]>()) ?? []);
        },
        { markerOf: (o) => o.name, pageSize: 10 },
      );
    const first = await list();
    expect(first.items.map((o) => o.name)).toEqual(names.slice(0, 10));
    expect(first.next).toBe("obj-09");
    expect(srv.requests).toHaveLength(1);

    const all: string[] = [];
    for await (const o of list()) all.push(o.name);
    expect(all).toEqual(names);
    // 10 + 10 + 5: the short page ends the listing without an extra request.
    expect(srv.requests.slice(1).map((r) => r.url)).toEqual(["/c?limit=10", "/c?marker=obj-09&limit=10", "/c?marker=obj-19&limit=10"]);
  });

  it("bounds the total with limit, asking only for what is still wanted", async () => {
    const asked: (number | undefined)[] = [];
    const p = markerPager<string>(
      async (marker, want) => {
        asked.push(want);
        const start = marker ? names.indexOf(marker) + 1 : 0;
        return names.slice(start, start + (want ?? 10));
      },
      { markerOf: (s) => s, pageSize: 10, limit: 13 },
    );
    expect(await p.toArray()).toEqual(names.slice(0, 13));
    expect(asked).toEqual([10, 3]);
  });

  it("fetches nothing until awaited or iterated, and an empty listing is one request", async () => {
    let calls = 0;
    const p = markerPager<string>(
      async () => {
        calls++;
        return [];
      },
      { markerOf: (s) => s },
    );
    expect(calls).toBe(0);
    expect(await p.toArray()).toEqual([]);
    expect(calls).toBe(1);
  });
});

describe("offsetPager (Cloud DNS)", () => {
  it("walks limit/offset pages and stops at totalEntries", async () => {
    const domains = Array.from({ length: 7 }, (_, i) => ({ id: i }));
    const offsets: number[] = [];
    const p = offsetPager<{ id: number }>(
      async (offset, limit) => {
        offsets.push(offset);
        return { items: domains.slice(offset, offset + limit), total: domains.length };
      },
      { pageSize: 3 },
    );
    const first = await p;
    expect(first).toEqual({ items: domains.slice(0, 3), next: "3", total: 7 });
    expect((await p.toArray()).map((d) => d.id)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(offsets).toEqual([0, 3, 6]);
  });

  it("stops without a total when a page is exactly full and total says so", async () => {
    const offsets: number[] = [];
    const p = offsetPager<number>(
      async (offset, limit) => {
        offsets.push(offset);
        return { items: [0, 1, 2, 3, 4, 5].slice(offset, offset + limit), total: 6 };
      },
      { pageSize: 3 },
    );
    expect(await p.toArray()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(offsets).toEqual([0, 3]);
  });
});

describe("linkPager (Glance / Queues / MaaS)", () => {
  it("follows next hrefs and stops at a repeated link", async () => {
    const pages: Record<string, { items: string[]; next?: string }> = {
      first: { items: ["a", "b"], next: "/v2/images?marker=b" },
      "/v2/images?marker=b": { items: ["c"], next: "/v2/images?marker=c" },
      "/v2/images?marker=c": { items: ["d"], next: "/v2/images?marker=c" },
    };
    const seen: (string | undefined)[] = [];
    const p = linkPager<string>(async (href) => {
      seen.push(href);
      return pages[href ?? "first"]!;
    });
    expect(await p.toArray()).toEqual(["a", "b", "c", "d"]);
    expect(seen).toEqual([undefined, "/v2/images?marker=b", "/v2/images?marker=c"]);
  });

  it("pages() yields whole pages and limit truncates the last one", async () => {
    const p = new Paginated<number>(async (cursor) => {
      const start = Number(cursor ?? 0);
      return { items: [start, start + 1, start + 2], next: String(start + 3) };
    }, { limit: 7 });
    const sizes: number[] = [];
    for await (const page of p.pages()) sizes.push(page.items.length);
    expect(sizes).toEqual([3, 3, 1]);
  });

  it("a failing page fetch rejects the iteration", async () => {
    const p = linkPager<number>(async (href) => {
      if (href) throw new Error("boom");
      return { items: [1], next: "/2" };
    });
    await expect(p.toArray()).rejects.toThrow("boom");
  });
});

describe("a server that repeats pages (cache, or marker ignored)", () => {
  it("markerPager over HTTP: a server that ignores marker yields the first page once, then stops", async () => {
    srv = await startServer((_req, res) => json(res, 200, names.slice(0, 10).map((name) => ({ name }))));
    transport = new Transport();
    const t = transport;
    const url = srv.url;
    const list = markerPager<{ name: string }>(
      async (marker, want) => (await (await t.request({ method: "GET", url: `${url}/c`, query: { marker, limit: want } })).json<{ name: string }[]>()) ?? [],
      { markerOf: (o) => o.name, pageSize: 10 },
    );
    const seen: string[] = [];
    for await (const o of list) seen.push(o.name);
    expect(seen).toEqual(names.slice(0, 10));
    // the repeat was fetched once and recognised, never yielded, and not fetched again
    expect(srv.requests).toHaveLength(2);
    expect(await list.toArray()).toEqual(names.slice(0, 10).map((name) => ({ name })));
  });

  it("pages() never yields a page equal to the previous one, even under a fresh cursor", async () => {
    let n = 0;
    const p = linkPager<{ id: number; tags: string[] }>(async () => ({ items: [{ id: 1, tags: ["a"] }, { id: 2, tags: ["b"] }], next: `/p${++n}` }));
    const pages: number[][] = [];
    for await (const page of p.pages()) pages.push(page.items.map((i) => i.id));
    expect(pages).toEqual([[1, 2]]);
    expect(n).toBe(2);
  });

  it("a cursor offered twice is not fetched twice (its page's new rows are kept)", async () => {
    const fetched: (string | undefined)[] = [];
    const p = linkPager<number>(async (href) => {
      fetched.push(href);
      if (href === undefined) return { items: [1, 2], next: "A" };
      if (href === "A") return { items: [3], next: "B" };
      return { items: [4], next: "A" };
    });
    expect(await p.toArray()).toEqual([1, 2, 3, 4]);
    expect(fetched).toEqual([undefined, "A", "B"]);
  });

  it("offsetPager: a server that ignores offset stops after one page", async () => {
    let calls = 0;
    const p = offsetPager<{ id: number }>(async () => {
      calls++;
      return { items: [{ id: 0 }, { id: 1 }, { id: 2 }] };
    }, { pageSize: 3 });
    expect((await p.toArray()).map((d) => d.id)).toEqual([0, 1, 2]);
    expect(calls).toBe(2);
  });

  it("pages that merely share rows are not a repeat", async () => {
    const p = linkPager<number>(async (href) => (href === undefined ? { items: [1, 1], next: "2" } : href === "2" ? { items: [1, 2], next: "3" } : { items: [1] }));
    expect(await p.toArray()).toEqual([1, 1, 1, 2, 1]);
  });
});

describe("markerPager options a real listing needs (Swift)", () => {
  it("starts after the caller's marker and a fetcher can say more pages follow despite a short page", async () => {
    const asked: [string | undefined, number | undefined][] = [];
    const p = markerPager<string>(
      async (marker, want) => {
        asked.push([marker, want]);
        const start = marker ? names.indexOf(marker) + 1 : 0;
        // a server whose own cap (4) is below the page size asked for
        const items = names.slice(start, start + 4);
        return { items, more: start + 4 < names.length };
      },
      { markerOf: (s) => s, pageSize: 10, marker: "obj-14" },
    );
    expect(await p.toArray()).toEqual(names.slice(15));
    expect(asked.map((a) => a[0])).toEqual(["obj-14", "obj-18", "obj-22"]);
  });
});

describe("Paginated.map", () => {
  class Row {
    constructor(readonly name: string, readonly made = Symbol("fresh")) {}
  }

  it("converts rows lazily page by page, keeps limit, and reuses an already fetched first page", async () => {
    let calls = 0;
    const raw = markerPager<{ name: string }>(
      async (marker, want) => {
        calls++;
        const start = marker ? names.indexOf(marker) + 1 : 0;
        return names.slice(start, start + (want ?? 10)).map((name) => ({ name }));
      },
      { markerOf: (o) => o.name, pageSize: 10, limit: 12 },
    );
    const first = await raw;
    expect(first.items).toHaveLength(10);
    const rows = raw.map((r) => new Row(r.name));
    const page = await rows;
    expect(calls).toBe(1);
    expect(page.items[0]).toBeInstanceOf(Row);
    expect(page.next).toBe("obj-09");
    const all = await rows.map((r) => r.name.toUpperCase()).toArray();
    expect(all).toEqual(names.slice(0, 12).map((n) => n.toUpperCase()));
  });

  it("the repeat guard compares the server's rows, not the converted objects", async () => {
    let calls = 0;
    const p = linkPager<{ name: string }>(async () => {
      calls++;
      return { items: [{ name: "a" }, { name: "b" }], next: `n${calls}` };
    }).map((r) => new Row(r.name));
    const got = await p.toArray();
    expect(got.map((r) => r.name)).toEqual(["a", "b"]);
    expect(calls).toBe(2);
  });
});
