import { InvalidResponse, RaxResponse } from "@rax/core";
import { Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { parseJsonBody } from "../src/listing-body";
import { useFixture } from "./fixture-server";

// A listing body is parsed in pieces cut at row boundaries: whatever the names hold, the rows must
// be exactly JSON.parse's, and a body that is not JSON must still be refused.

const res = () => new RaxResponse({ status: 200, headers: {}, attempts: 1, method: "GET", url: "http://127.0.0.1/v1/AUTH_x/c", body: Readable.from([]) });
const parse = (text: string) => parseJsonBody(res(), Buffer.from(text, "utf8"));

// Names that put piece-cut bytes (`},`) and the separators Swift writes inside strings.
const AWKWARD = ["a},b", 'q"}, {"name": "x', "back\\slash}", "}, {", "é}", "日本語/ファイル", "emoji 🎉},", "tab\there", "\u2028line"];

function objectRows(n: number, name = (i: number) => `obj-${String(i).padStart(6, "0")}`) {
  return Array.from({ length: n }, (_, i) => ({ bytes: i, hash: "d41d8cd98f00b204e9800998ecf8427e", name: name(i), content_type: "text/plain;charset=UTF-8", last_modified: "2026-12-02T07:36:55.411120" }));
}

/** Swift's own spacing (`json.dumps`: ", " and ": "), which the canned servers do not use. */
const pythonStyle = (rows: object[]) =>
  `[${rows.map((r) => `{${Object.entries(r).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(", ")}}`).join(", ")}]`;

/** Real Swift's bodies are ASCII: json.dumps escapes every other character as \\uXXXX. */
const asciiOnly = (json: string) => json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

describe("parseJsonBody", () => {
  it("a many-piece listing in Swift's spacing parses to the same rows", () => {
    const rows = objectRows(2000);
    const text = pythonStyle(rows);
    expect(text.length).toBeGreaterThan(300_000);
    expect(text).toContain('}, {"bytes": 1, "hash": ');
    expect(parse(text)).toEqual(rows);
  });

  it("names holding brackets, commas, quotes and multi-byte characters at every offset", () => {
    // Each awkward name appears at many offsets, so some sit exactly where a piece is cut.
    const rows = objectRows(3000, (i) => `${AWKWARD[i % AWKWARD.length]}-${i}`);
    for (const text of [JSON.stringify(rows), pythonStyle(rows), asciiOnly(pythonStyle(rows))]) expect(parse(text)).toEqual(rows);
  });

  it("a name spanning the first piece boundary with a `},` inside it", () => {
    // Fill to just short of 32 KiB so the first `},` searched for is inside the long name.
    const filler = objectRows(150);
    const head = JSON.stringify(filler);
    const pad = 32 * 1024 - head.length + 10;
    const rows = [...filler, { name: `${"x".repeat(Math.max(pad, 1))}},{"name":"fake"},${"y".repeat(40_000)}`, bytes: 1 }, ...objectRows(10)];
    const text = JSON.stringify(rows);
    expect(parse(text)).toEqual(rows);
  });

  it("a large listing is never parsed as one string (the point of the pieces)", () => {
    const rows = objectRows(2000);
    const spy = vi.spyOn(JSON, "parse");
    try {
      expect(parse(pythonStyle(rows))).toEqual(rows);
      const longest = Math.max(...spy.mock.calls.map(([text]) => text.length));
      expect(spy.mock.calls.length).toBeGreaterThan(5);
      expect(longest).toBeLessThan(64 * 1024);
    } finally {
      spy.mockRestore();
    }
  });

  it("subdir rows and rows with missing or null fields", () => {
    const rows = Array.from({ length: 1500 }, (_, i) => (i % 3 === 0 ? { subdir: `dir-${i}/` } : i % 3 === 1 ? { name: `n-${i}` } : { name: `m-${i}`, bytes: null, hash: null, content_type: null, last_modified: null }));
    expect(parse(JSON.stringify(rows))).toEqual(rows);
  });

  it("blank bodies are undefined; leading and trailing whitespace is allowed", () => {
    expect(parse("")).toBeUndefined();
    expect(parse(" \n\t")).toBeUndefined();
    const rows = objectRows(500);
    expect(parse(`\n  ${JSON.stringify(rows)}  \n`)).toEqual(rows);
    expect(parse("\ufeff[]")).toEqual([]);
  });

  it("other JSON values come back as they are (the caller refuses a non-array)", () => {
    expect(parse('{"error": "x"}')).toEqual({ error: "x" });
    const big = { rows: objectRows(500) };
    expect(parse(JSON.stringify(big))).toEqual(big);
  });

  it.each([
    ["a trailing comma", (t: string) => `${t.slice(0, -1)},]`],
    ["a trailing comma and blanks", (t: string) => `${t.slice(0, -1)}, \n]`],
    ["no closing bracket", (t: string) => t.slice(0, -1)],
    ["a trailing comma after a row longer than a piece", () => `${JSON.stringify([...objectRows(10), { name: "n".repeat(40_000) }]).slice(0, -1)},]`],
    ["garbage after the array", (t: string) => `${t}x`],
    ["a second array after it", (t: string) => `${t}[]`],
    ["a doubled comma between rows", (t: string) => t.replace("},{", "},,{")],
    ["a row cut short mid-body", (t: string) => t.replace(/\{"bytes":1000,[^}]*\}/, '{"bytes":1000,"name":"x"')],
  ])("a large body with %s is InvalidResponse, as JSON.parse has it", (_what, spoil) => {
    const text = spoil(JSON.stringify(objectRows(2000)));
    expect(() => JSON.parse(text)).toThrow();
    expect(() => parse(text)).toThrow(InvalidResponse);
    expect(() => parse(text)).toThrow(/not valid JSON/);
  });
});

/** `text`'s UTF-8 bytes as the chunks a socket might deliver, `size` bytes each. */
const chunked = (text: string, size: number) => {
  const bytes = Buffer.from(text, "utf8");
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
};

describe("parseJsonBody over the chunks a body arrived in", () => {
  it.each([3, 7, 4093, 32 * 1024, 65_536, 200_000])("%i-byte chunks give exactly JSON.parse's rows", (size) => {
    const rows = objectRows(2500, (i) => `${AWKWARD[i % AWKWARD.length]}/ü-${i}`);
    for (const text of [JSON.stringify(rows), pythonStyle(rows), `  \n${pythonStyle(rows)}\n`]) expect(parseJsonBody(res(), chunked(text, size))).toEqual(rows);
  });

  it("blank and empty chunk lists are undefined; blanks may fill whole chunks before the array", () => {
    expect(parseJsonBody(res(), [])).toBeUndefined();
    expect(parseJsonBody(res(), [Buffer.alloc(0), Buffer.from("  "), Buffer.from("\n")])).toBeUndefined();
    const rows = objectRows(1500);
    expect(parseJsonBody(res(), [Buffer.from("   "), Buffer.from("\n"), ...chunked(JSON.stringify(rows), 5000)])).toEqual(rows);
  });

  it("no piece handed to JSON.parse is longer than a piece plus one chunk", () => {
    const rows = objectRows(4000);
    const spy = vi.spyOn(JSON, "parse");
    try {
      expect(parseJsonBody(res(), chunked(pythonStyle(rows), 65_536))).toEqual(rows);
      expect(spy.mock.calls.length).toBeGreaterThan(10);
      expect(Math.max(...spy.mock.calls.map(([text]) => text.length))).toBeLessThan(32 * 1024 + 65_536 + 2);
    } finally {
      spy.mockRestore();
    }
  });

  it("a spoiled body in chunks is InvalidResponse", () => {
    const text = JSON.stringify(objectRows(2000));
    for (const bad of [`${text.slice(0, -1)},]`, text.slice(0, -1), `${text}x`, text.replace("},{", "},,{")]) {
      expect(() => parseJsonBody(res(), chunked(bad, 4093))).toThrow(InvalidResponse);
    }
  });
});

describe("a listing sent in small chunks", () => {
  const fx = useFixture();

  it("rows come out whole when chunks split multi-byte names and row boundaries", async () => {
    const rows = objectRows(2500, (i) => `${AWKWARD[i % AWKWARD.length]}/ü-${String(i).padStart(5, "0")}`);
    const body = Buffer.from(pythonStyle(rows), "utf8");
    // An odd chunk size: cuts fall inside UTF-8 sequences and inside `}, {` separators.
    fx.script = () => ({ status: 200, headers: { "content-type": "application/json; charset=utf-8" }, body, chunked: 4093 });
    const got = await fx.client().getObjects("c", { limit: 10_000 });
    expect(got).toHaveLength(rows.length);
    expect(got.map((o) => o.name)).toEqual(rows.map((r) => r.name));
    expect(got.map((o) => o.bytes)).toEqual(rows.map((r) => r.bytes));
    const o = got[7]!;
    expect([o.etag, o.contentType, o.lastModified, o.isSubdir]).toEqual([rows[7]!.hash, "text/plain;charset=UTF-8", "2026-12-02T07:36:55.411120", false]);
  });

  it("the account's container listing reads the same way", async () => {
    const rows = Array.from({ length: 600 }, (_, i) => ({ count: i, bytes: i * 10, name: `${AWKWARD[i % AWKWARD.length]}-c${String(i).padStart(4, "0")}` }));
    fx.script = () => ({ status: 200, body: Buffer.from(asciiOnly(pythonStyle(rows))), chunked: 1021 });
    expect(await fx.client().listContainersInfo({ limit: 10_000 })).toEqual(rows.map(({ name, count, bytes }) => ({ name, count, bytes })));
  });

  it("a large body that is not JSON is InvalidResponse, not rows", async () => {
    const text = JSON.stringify(objectRows(2000));
    fx.script = () => ({ status: 200, body: Buffer.from(`${text.slice(0, -1)},]`), chunked: 8191 });
    await expect(fx.client().getObjects("c")).rejects.toThrow(InvalidResponse);
  });
});
