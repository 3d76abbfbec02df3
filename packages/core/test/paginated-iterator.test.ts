import { describe, expect, it } from "vitest";
import { Paginated } from "../src/index";

// `for await (const item of listing)`: what callers see of the item iterator (rows converted as
// they are handed out, pages fetched only when needed, early exits that fetch nothing more).
function numbered(pages: number, perPage: number, fetched: (string | undefined)[]): Paginated<number> {
  return new Paginated<number>(async (cursor) => {
    fetched.push(cursor);
    const page = Number(cursor ?? 0);
    const items = Array.from({ length: perPage }, (_, i) => page * perPage + i);
    return { items, next: page + 1 < pages ? String(page + 1) : undefined };
  });
}

describe("iterating a Paginated item by item", () => {
  it("converts a row only when it is handed out, and a break fetches no further page", async () => {
    const fetched: (string | undefined)[] = [];
    const converted: number[] = [];
    const list = numbered(3, 4, fetched).map((n) => {
      converted.push(n);
      return `row-${n}`;
    });
    const seen: string[] = [];
    for await (const r of list) {
      seen.push(r);
      if (seen.length === 6) break;
    }
    expect(seen).toEqual(["row-0", "row-1", "row-2", "row-3", "row-4", "row-5"]);
    expect(converted).toEqual([0, 1, 2, 3, 4, 5]);
    expect(fetched).toEqual([undefined, "1"]);
  });

  it("a row that fails to convert rejects the walk at that row; nothing more is fetched or handed out", async () => {
    const fetched: (string | undefined)[] = [];
    const list = numbered(3, 4, fetched).map((n) => {
      if (n === 5) throw new Error("row 5 is malformed");
      return n;
    });
    const it = list[Symbol.asyncIterator]();
    const got: number[] = [];
    await expect(
      (async () => {
        for (;;) {
          const r = await it.next();
          if (r.done) return;
          got.push(r.value);
        }
      })(),
    ).rejects.toThrow("row 5 is malformed");
    expect(got).toEqual([0, 1, 2, 3, 4]);
    expect(await it.next()).toEqual({ value: undefined, done: true });
    expect(fetched).toEqual([undefined, "1"]);
  });

  it("an empty first page that offers a cursor is walked past, as pages() does", async () => {
    const list = new Paginated<number>(async (cursor) => (cursor === undefined ? { items: [], next: "a" } : { items: [7, 8] }));
    const seen: number[] = [];
    for await (const n of list) seen.push(n);
    expect(seen).toEqual([7, 8]);
    expect(await list.toArray()).toEqual([7, 8]);
  });

  it("is its own async iterator, and return() ends it", async () => {
    const fetched: (string | undefined)[] = [];
    const it = numbered(2, 2, fetched)[Symbol.asyncIterator]();
    expect(it[Symbol.asyncIterator]()).toBe(it);
    expect(await it.next()).toEqual({ value: 0, done: false });
    expect(await it.return(undefined)).toEqual({ value: undefined, done: true });
    expect(await it.next()).toEqual({ value: undefined, done: true });
    expect(fetched).toEqual([undefined]);
  });

  it("a failing page fetch rejects the item walk after the rows before it", async () => {
    const list = new Paginated<number>(async (cursor) => {
      if (cursor) throw new Error("page 2 failed");
      return { items: [1, 2], next: "2" };
    });
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const n of list) seen.push(n);
      })(),
    ).rejects.toThrow("page 2 failed");
    expect(seen).toEqual([1, 2]);
  });
});
