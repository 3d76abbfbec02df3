import { describe, expect, it } from "vitest";
import { Paginated } from "../src/index";

// `await listing` goes through Paginated.then: whatever happens between the fetch and the caller's
// callbacks must reach one of them, or the await never settles.
describe("awaiting a Paginated", () => {
  it("settles with the converted first page, or rejects when the fetch or a conversion throws", async () => {
    const pages = new Paginated<number>(async () => ({ items: [1, 2, 3], next: "x" }));
    expect(await pages.map((n) => n * 10)).toEqual({ items: [10, 20, 30], next: "x" });
    const bad = pages.map((n) => {
      if (n === 2) throw new Error("row 2 does not convert");
      return n;
    });
    await expect(bad).rejects.toThrow("row 2 does not convert");
    await expect(new Paginated<number>(async () => Promise.reject(new Error("fetch failed")))).rejects.toThrow("fetch failed");
    // then() with only a fulfilment callback, and with none: the promise it returns carries the outcome.
    await expect(bad.then((p) => p.items.length)).rejects.toThrow("row 2");
    await expect(pages.then()).resolves.toEqual({ items: [1, 2, 3], next: "x" });
    expect(await pages.then((p) => p.items.length)).toBe(3);
  }, 2000);

  it("hands a conversion failure to onRejected, but not a failure of onFulfilled itself (as a promise's then)", async () => {
    const bad = new Paginated<number>(async () => ({ items: [1] })).map(() => {
      throw new Error("does not convert");
    });
    const seen: unknown[] = [];
    expect(await bad.then(() => "fulfilled", (e) => (seen.push(e), "rejected"))).toBe("rejected");
    expect(String(seen[0])).toContain("does not convert");
    const good = new Paginated<number>(async () => ({ items: [1] }));
    const own = new Error("onFulfilled threw");
    let rejectedCalls = 0;
    await expect(
      good.then(
        () => {
          throw own;
        },
        () => rejectedCalls++,
      ),
    ).rejects.toBe(own);
    expect(rejectedCalls).toBe(0);
    // A limit still cuts the first page.
    expect(await new Paginated<number>(async () => ({ items: [1, 2, 3], next: "3" }), { limit: 2 })).toEqual({ items: [1, 2], next: undefined });
  }, 2000);
});

describe("the awaited first page", () => {
  it("can be looped over and spread like pyrax's list, and still prints and compares as its fields", async () => {
    const list = new Paginated<number>(async () => ({ items: [1, 2, 3], next: "3" }));
    const page = await list;
    const seen: number[] = [];
    for (const n of page) seen.push(n);
    expect(seen).toEqual([1, 2, 3]);
    expect([...page]).toEqual([1, 2, 3]);
    expect(page).toEqual({ items: [1, 2, 3], next: "3" });
    expect(JSON.stringify(page)).toBe('{"items":[1,2,3],"next":"3"}');
    expect(Object.keys(page)).toEqual(["items", "next"]);
  });

  it("a mapped listing's page loops over the converted rows", async () => {
    const page = await new Paginated<number>(async () => ({ items: [1, 2] })).map((n) => `#${n}`);
    expect([...page]).toEqual(["#1", "#2"]);
  });
});
