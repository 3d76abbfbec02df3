import { AbortError } from "@rax/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ObjectStore } from "../src/index";
import { type EmulatedSwift, startEmulatedSwift } from "./emulator-client";
import { type RecordingProxy, type Recorded, startRecordingProxy } from "./recording-proxy";

// Calls that make several requests share one signal across them: once it fires, the request in
// flight rejects with AbortError and the ones after it are never sent. The signal is fired from
// the proxy while it holds a chosen request, so "mid-way" is a point on the wire, not a timer.

let swift: EmulatedSwift;
let px: RecordingProxy;
let cf: ObjectStore;
beforeEach(async () => {
  swift = await startEmulatedSwift();
  px = await startRecordingProxy(swift);
  // Batches of 2 names, so five objects take three bulk-delete requests.
  cf = px.client({ bulkDeleteBatchSize: 2 });
  await swift.createContainer("box");
});
afterEach(async () => {
  await px.close();
  await swift.close();
});

/** Fire `ac` while the proxy holds the first request `when` accepts (the server has already acted on it). */
function abortAt(ac: AbortController, when: (r: Recorded) => boolean): void {
  px.alter = (req, res) => {
    if (when(req)) ac.abort(new Error("caller gave up"));
    return res;
  };
}

const isBulkDelete = (r: Recorded) => r.method === "DELETE" && r.query.get("bulk-delete") === "true";
const sent = (mark: number) => px.requests.slice(mark).map((r) => `${r.method} ${isBulkDelete(r) ? "bulk-delete" : r.path}`);

async function putFive(): Promise<void> {
  for (const n of ["a", "b", "c", "d", "e"]) await swift.put("box", n, n);
}

describe("deleteAll with a signal", () => {
  it("aborted during the listing: rejects with AbortError and deletes nothing", async () => {
    await putFive();
    const ac = new AbortController();
    abortAt(ac, (r) => r.method === "GET");
    const mark = px.requests.length;
    await expect(cf.deleteAllObjects("box", { signal: ac.signal })).rejects.toBeInstanceOf(AbortError);
    expect(sent(mark)).toEqual(["GET /box"]);
    expect(swift.names("box")).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("aborted during the first batch: rejects with AbortError and sends no further batch", async () => {
    await putFive();
    const ac = new AbortController();
    abortAt(ac, isBulkDelete);
    const container = await cf.getContainer("box");
    const mark = px.requests.length;
    // Through the Container verb, which forwards its options to objects.deleteAll.
    await expect(container.deleteAllObjects({ signal: ac.signal })).rejects.toBeInstanceOf(AbortError);
    expect(sent(mark)).toEqual(["GET /box", "DELETE bulk-delete"]);
    // The batch the server had received was carried out; the other three objects are untouched.
    expect(swift.names("box")).toEqual(["c", "d", "e"]);
  });

  it("without a signal still deletes every batch", async () => {
    await putFive();
    const mark = px.requests.length;
    const r = await cf.objects.deleteAll("box", {});
    expect(r.deleted).toBe(5);
    expect(sent(mark).filter((l) => l.endsWith("bulk-delete"))).toHaveLength(3);
    expect(swift.names("box")).toEqual([]);
  });

  it("refuses options it does not know before any request", async () => {
    await putFive();
    const mark = px.requests.length;
    await expect(cf.objects.deleteAll("box", { signal: "soon" } as never)).rejects.toMatchObject({ name: "ValidationError", field: "options.signal" });
    await expect(cf.objects.deleteAll("box", { batchSize: 1 } as never)).rejects.toMatchObject({ name: "ValidationError", field: "options.batchSize" });
    expect(sent(mark)).toEqual([]);
  });
});

describe("changeContentType with a signal", () => {
  it("aborted during the HEAD: rejects with AbortError and never sends the POST", async () => {
    await swift.put("box", "o", "x", { "content-type": "text/plain", "x-object-meta-a": "1" });
    const ac = new AbortController();
    abortAt(ac, (r) => r.method === "HEAD");
    const mark = px.requests.length;
    await expect(cf.changeObjectContentType("box", "o", "application/json", { signal: ac.signal })).rejects.toBeInstanceOf(AbortError);
    expect(sent(mark)).toEqual(["HEAD /box/o"]);
    expect(swift.container("box")?.objects.get("o")?.contentType).toBe("text/plain");
  });

  it("through a StorageObject: the same signal reaches both requests", async () => {
    await swift.put("box", "o", "x", { "content-type": "text/plain" });
    const obj = await cf.getObject("box", "o");
    const ac = new AbortController();
    abortAt(ac, (r) => r.method === "HEAD");
    const mark = px.requests.length;
    await expect(obj.changeContentType("application/json", { signal: ac.signal })).rejects.toBeInstanceOf(AbortError);
    expect(sent(mark)).toEqual(["HEAD /box/o"]);
    // A signal that never fires changes nothing about the call.
    px.alter = undefined;
    await obj.changeContentType("application/json", { signal: new AbortController().signal });
    expect(sent(mark).slice(1)).toEqual(["HEAD /box/o", "POST /box/o"]);
    expect(swift.container("box")?.objects.get("o")?.contentType).toBe("application/json");
  });
});

describe("getTempUrl with a signal (the account key's fetch is shared)", () => {
  it("a caller that gives up is released with AbortError; another waiting for the same key still gets a URL", async () => {
    await cf.setTempUrlKey("k1");
    const fresh = px.client();
    const ac = new AbortController();
    abortAt(ac, (r) => r.method === "HEAD" && r.path === "");
    const mark = px.requests.length;
    const giving = fresh.getTempUrl("box", "o", { seconds: 60, signal: ac.signal });
    const waiting = fresh.getTempUrl("box", "o", { seconds: 60 });
    await expect(giving).rejects.toBeInstanceOf(AbortError);
    expect(await waiting).toMatch(/temp_url_sig=/);
    expect(sent(mark)).toEqual(["HEAD "]);
  });

  it("an already-fired signal sends nothing, and the key is fetched by the next call", async () => {
    await cf.setTempUrlKey("k1");
    const fresh = px.client();
    const mark = px.requests.length;
    await expect(fresh.objects.getTempUrl("box", "o", { seconds: 60, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(sent(mark)).toEqual([]);
    expect(await fresh.objects.getTempUrl("box", "o", 60)).toMatch(/temp_url_sig=/);
    expect(sent(mark)).toEqual(["HEAD "]);
  });
});

describe("the HEAD that explains a 404 is one of the call's requests", () => {
  it("a signal fired during it rejects with AbortError, not a guess between NoSuchObject and NoSuchContainer", async () => {
    const ac = new AbortController();
    abortAt(ac, (r) => r.method === "HEAD" && r.path === "/box");
    const mark = px.requests.length;
    await expect(cf.getObjectMetadata("box", "missing", { signal: ac.signal })).rejects.toBeInstanceOf(AbortError);
    expect(sent(mark)).toEqual(["HEAD /box/missing", "HEAD /box"]);
  });

  it("without a signal the same 404 still reads NoSuchObject", async () => {
    await expect(cf.getObjectMetadata("box", "missing")).rejects.toMatchObject({ name: "NoSuchObject" });
  });
});

describe("Container and StorageObject verbs forward the signal", () => {
  it("each rejects with AbortError on an already-fired signal and sends nothing", async () => {
    await swift.put("box", "o", "x", { "x-object-meta-a": "1" });
    // CDN calls go straight to the emulator's CDN endpoint (the proxy fronts storage only).
    const withCdn = px.client({ cdnEndpoint: swift.cdnUrl });
    const cont = await withCdn.getContainer("box");
    const obj = await withCdn.getObject("box", "o");
    const signal = AbortSignal.abort();
    const emuMark = swift.mark();
    const verbs: [string, () => Promise<unknown>][] = [
      ["cont.reload", () => cont.reload({ signal })],
      ["cont.getObject", () => cont.getObject("o", { signal })],
      ["cont.deleteAllObjects", () => cont.deleteAllObjects({ signal })],
      ["cont.deleteObjectInSeconds", () => cont.deleteObjectInSeconds("o", 60, { signal })],
      ["cont.getMetadata", () => cont.getMetadata({ signal })],
      ["cont.removeMetadataKey", () => cont.removeMetadataKey("a", { signal })],
      ["cont.setWebIndexPage", () => cont.setWebIndexPage("index.html", { signal })],
      ["cont.setWebErrorPage", () => cont.setWebErrorPage("error.html", { signal })],
      ["cont.makePrivate", () => cont.makePrivate({ signal })],
      ["cont.getCdnAttributes", () => cont.getCdnAttributes({ signal })],
      ["cont.setCdnLogRetention", () => cont.setCdnLogRetention(true, { signal })],
      ["obj.reload", () => obj.reload({ signal })],
      ["obj.fetchPartial", () => obj.fetchPartial(1, { signal })],
      ["obj.getMetadata", () => obj.getMetadata({ signal })],
      ["obj.removeMetadataKey", () => obj.removeMetadataKey("a", { signal })],
      ["obj.deleteInSeconds", () => obj.deleteInSeconds(60, { signal })],
      ["obj.changeContentType", () => obj.changeContentType("text/html", { signal })],
    ];
    const mark = px.requests.length;
    const wrong: string[] = [];
    for (const [name, call] of verbs) {
      const e = await call().then(
        () => undefined,
        (x: unknown) => x,
      );
      if (!(e instanceof AbortError)) wrong.push(`${name}: ${String(e)}`);
    }
    expect(wrong).toEqual([]);
    expect(sent(mark)).toEqual([]);
    expect(swift.since(emuMark)).toEqual([]);
  });
});
