import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, md5, session, type Session } from "./helpers";

// Archives made by GNU tar and by Python's tarfile (Swift's own reader), not by the SDK's writer:
// the emulator is checked against the formats real clients send.

// Debian's python3 (Swift's own) starts in a fraction of a pyenv shim's time; a slow start between two
// requests lets the emulator close the idle keep-alive socket under the next fetch.
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

let s: Session;
let dir: string;
beforeAll(async () => {
  s = await session();
  dir = mkdtempSync(join(tmpdir(), "emu-extract-"));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await s.emu.stop();
});

/** A tar of `files` made by GNU tar (pax format), directories included as entries. */
function gnuTar(files: Record<string, string>, gzip = false): Buffer {
  const root = mkdtempSync(join(dir, "src-"));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), body);
  }
  const out = join(dir, `a-${Math.random().toString(36).slice(2)}.tar`);
  execFileSync("tar", ["--format=pax", gzip ? "-czf" : "-cf", out, "-C", root, "."]);
  return readFileSync(out);
}

/** A tar made by Python's tarfile with PAX headers per entry: [name, body, pax headers]. */
function pythonTar(entries: Array<[string, string, Record<string, string>?]>): Buffer {
  const script = `
import tarfile, io, json, sys
spec = json.loads(sys.argv[1])
buf = io.BytesIO()
t = tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT)
for name, body, pax in spec:
    data = body.encode("utf-8")
    ti = tarfile.TarInfo(name); ti.size = len(data)
    if pax: ti.pax_headers = pax
    t.addfile(ti, io.BytesIO(data))
t.close()
sys.stdout.buffer.write(buf.getvalue())
`;
  return execFileSync(PYTHON, ["-c", script, JSON.stringify(entries.map(([n, b, p]) => [n, b, p ?? null]))]);
}

async function extract(path: string, body: Buffer | string, headers: Record<string, string> = {}) {
  const res = await call(s, `${s.storage}/${path}`, { method: "PUT", body, headers: { accept: "application/json", ...headers } });
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type"), text, json: JSON.parse(text) as Record<string, unknown> };
}

async function listing(container: string): Promise<Array<{ name: string; bytes: number; hash: string; content_type: string }>> {
  return (await (await call(s, `${s.storage}/${container}?format=json`)).json()) as never;
}

describe("PUT ?extract-archive=tar", () => {
  it("creates an object per regular file under the container (nested, empty, long UTF-8 names); directories are skipped", async () => {
    const long = `${"ü".repeat(30)}/${"é".repeat(60)}.txt`;
    const files = { "a.txt": "hello", "d1/d2/b.bin": "x".repeat(1000), empty: "", [long]: "utf8" };
    const r = await extract("ex1?extract-archive=tar", gnuTar(files));
    expect(r.status).toBe(200);
    expect(r.type).toBe("application/json");
    // Swift's json.dumps order, not sorted.
    expect(r.text).toBe('{"Response Status": "201 Created", "Response Body": "", "Number Files Created": 4, "Errors": []}');
    const rows = await listing("ex1");
    expect(rows.map((o) => o.name).sort()).toEqual(Object.keys(files).sort());
    for (const [name, body] of Object.entries(files)) {
      const row = rows.find((o) => o.name === name);
      expect(row, name).toMatchObject({ bytes: Buffer.byteLength(body), hash: md5(body) });
    }
    expect(rows.find((o) => o.name === "a.txt")?.content_type).toBe("text/plain");
  });

  it("a refused entry is in Errors (quoted container/object, status), the rest are created; Response Status 400 in an HTTP 200", async () => {
    const tooLong = `${"x".repeat(1100)}`;
    const r = await extract("ex2?extract-archive=tar", pythonTar([["ok.txt", "fine"], [tooLong, "no"], ["ü.txt", "u"]]));
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      "Response Status": "400 Bad Request",
      "Response Body": "",
      "Number Files Created": 2,
      Errors: [[`ex2/${tooLong}`, "400 Bad Request"]],
    });
    expect((await listing("ex2")).map((o) => o.name)).toEqual(["ok.txt", "ü.txt"]);
  });

  it("as real Swift 2.30: '.' and '..' segments are stored as they are; the name limit counts characters, not bytes", async () => {
    const wide = "é".repeat(700); // 1,400 bytes, 700 characters: accepted
    const r = await extract("exd?extract-archive=tar", pythonTar([["x/./y.txt", "hi"], ["x/../z.txt", "hi"], [wide, "hi"]]));
    expect(r.json).toMatchObject({ "Response Status": "201 Created", "Number Files Created": 3, Errors: [] });
    expect((await listing("exd")).map((o) => o.name)).toEqual(["x/../z.txt", "x/./y.txt", wide]);
  });

  it("an error name is cut at bulk's path limit (1,282 bytes) and URL-quoted", async () => {
    const tooLong = `${"é".repeat(1100)}`;
    const r = await extract("ex3?extract-archive=tar", pythonTar([[tooLong, "no"]]));
    const [name, status] = (r.json.Errors as string[][])[0] as string[];
    expect(status).toBe("400 Bad Request");
    expect(name).toBe(`ex3/${"%C3%A9".repeat(639)}`);
  });

  it("PAX user.mime_type and user.meta.* become Content-Type and X-Object-Meta-*; the request's X-Delete-After and X-Object-Meta-* reach every entry; Content-Encoding does not", async () => {
    const tar = pythonTar([["m.dat", "m", { "SCHILY.xattr.user.mime_type": "text/x-foo", "SCHILY.xattr.user.meta.color": "blue" }], ["n.dat", "n"]]);
    const r = await extract("ex4?extract-archive=tar", tar, { "x-delete-after": "3600", "x-object-meta-req": "r1", "content-encoding": "gzip" });
    expect(r.json["Response Status"]).toBe("201 Created");
    const m = await call(s, `${s.storage}/ex4/m.dat`, { method: "HEAD" });
    expect(m.headers.get("content-type")).toBe("text/x-foo");
    expect(m.headers.get("x-object-meta-color")).toBe("blue");
    expect(m.headers.get("x-object-meta-req")).toBe("r1");
    expect(m.headers.get("x-delete-at")).toMatch(/^\d+$/);
    expect(m.headers.get("content-encoding")).toBeNull();
    const n = await call(s, `${s.storage}/ex4/n.dat`, { method: "HEAD" });
    expect(n.headers.get("content-type")).toBe("application/octet-stream");
  });

  it("tar.gz; account level (the first folder is the container, top-level files ignored); container/prefix level", async () => {
    const gz = await extract("ex5?extract-archive=tar.gz", gnuTar({ "z/1.txt": "one" }, true));
    expect(gz.json["Number Files Created"]).toBe(1);
    expect((await listing("ex5")).map((o) => o.name)).toEqual(["z/1.txt"]);

    const acct = await extract("?extract-archive=tar", pythonTar([["top.txt", "ignored"], ["ex6/in.txt", "kept"]]));
    expect(acct.json).toMatchObject({ "Response Status": "201 Created", "Number Files Created": 1 });
    expect((await listing("ex6")).map((o) => o.name)).toEqual(["in.txt"]);

    const pre = await extract("ex7/pre/fix?extract-archive=tar", pythonTar([["a.txt", "a"]]));
    expect(pre.json["Number Files Created"]).toBe(1);
    expect((await listing("ex7")).map((o) => o.name)).toEqual(["pre/fix/a.txt"]);
  });

  it("not a tar, or a tar without files: 200 with 400 and the reason in Response Body", async () => {
    const junk = await extract("ex8?extract-archive=tar", Buffer.alloc(1024, 7));
    expect(junk.json["Response Status"]).toBe("400 Bad Request");
    expect(junk.json["Response Body"]).toMatch(/^Invalid Tar File: /);
    const none = await extract("ex8?extract-archive=tar", Buffer.alloc(10240));
    expect(none.json["Response Status"]).toBe("400 Bad Request");
    const dirsOnly = await extract("ex8?extract-archive=tar", gnuTar({}));
    expect(dirsOnly.json).toMatchObject({ "Response Status": "400 Bad Request", "Response Body": "Invalid Tar File: No Valid Files" });
    const format = await call(s, `${s.storage}/ex8?extract-archive=zip`, { method: "PUT", body: "x" });
    expect(format.status).toBe(400);
    expect(await format.text()).toBe("Unsupported archive format");
  });

  it("without a token every subrequest is refused: 401 in Response Status; plain text when JSON is not asked for", async () => {
    const res = await fetch(`${s.storage}/ex9?extract-archive=tar`, { method: "PUT", body: pythonTar([["a.txt", "a"]]) });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^Number Files Created: 0\nResponse Body: .*\nResponse Status: 401 Unauthorized\nErrors:\n/s);
  });
});
