import { describe, expect, it } from "vitest";
import { useFixture } from "./fixture-server";

// A server misbehaving in a way Swift clients meet in the field: a Range that is ignored.

const fx = useFixture();

describe("a ranged fetch answered 200 (Range ignored)", () => {
  const big = Buffer.alloc(16 * 1024 * 1024);
  for (let i = 0; i < big.length; i++) big[i] = i % 251;

  it("returns only the requested bytes and stops reading the body", async () => {
    fx.script = () => ({ status: 200, headers: { "content-length": String(big.length) }, body: big, chunked: 64 * 1024 });
    const got = await fx.client().fetchObject("c", "o", { range: { start: 1000, end: 1009 } });
    expect(got).toEqual(big.subarray(1000, 1010));
    await new Promise((r) => setTimeout(r, 50));
    expect(fx.bytesWritten[0]!).toBeLessThan(big.length / 2);
  });

  it("fetchPartial answered 200 returns the first bytes only", async () => {
    fx.script = () => ({ status: 200, headers: { "content-length": String(big.length) }, body: big, chunked: 64 * 1024 });
    const got = await fx.client().fetchPartial("c", "o", 7);
    expect(got).toEqual(big.subarray(0, 7));
    await new Promise((r) => setTimeout(r, 50));
    expect(fx.bytesWritten[0]!).toBeLessThan(big.length / 2);
  });

  it("a suffix range answered 200 returns the last bytes without buffering the whole", async () => {
    fx.script = () => ({ status: 200, headers: { "content-length": String(big.length) }, body: big, chunked: 64 * 1024 });
    const got = await fx.client().fetchObject("c", "o", { range: { suffix: 5 } });
    expect(got).toEqual(big.subarray(big.length - 5));
  });

  it("chunked reads of a range answered 200 carry only the range", async () => {
    fx.script = () => ({ status: 200, headers: { "content-length": String(big.length) }, body: big, chunked: 64 * 1024 });
    const parts: Buffer[] = [];
    for await (const c of await fx.client().fetchObject("c", "o", { offset: 10, size: 25, chunkSize: 10 })) parts.push(c);
    expect(parts.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(Buffer.concat(parts)).toEqual(big.subarray(10, 35));
  });
});
