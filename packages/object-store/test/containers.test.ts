import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Conflict, NotFound } from "@rax/core";
import { Container, NoSuchContainer, type ObjectStore } from "../src/index";
import { type FakeSwift, startFakeSwift } from "./fake-swift";
import { clientFor, since } from "./setup";

let swift: FakeSwift;
let cf: ObjectStore;
beforeAll(async () => {
  swift = await startFakeSwift();
});
afterAll(() => swift.close());
beforeEach(() => {
  swift.reset();
  cf = clientFor(swift);
});

describe("containers", () => {
  it("createContainer creates, and returns the existing one the second time", async () => {
    const cont = await cf.createContainer("example", { metadata: { owner: "me" } });
    expect(cont).toBeInstanceOf(Container);
    expect(cont.name).toBe("example");
    expect(cont.objectCount).toBe(0);
    expect(cont.metadata).toEqual({ owner: "me" });
    swift.put("example", "a.txt", "abc");
    const again = await cf.createContainer("example");
    expect(again.objectCount).toBe(1);
    expect(again.totalBytes).toBe(3);
    expect(swift.containers.size).toBe(1);
    expect(String(again)).toBe("<Container 'example'>");
  });

  it("getContainer throws NoSuchContainer (a NotFound) for a missing container", async () => {
    const err = await cf.getContainer("nope").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoSuchContainer);
    expect(err).toBeInstanceOf(NotFound);
    expect((err as NoSuchContainer).container).toBe("nope");
  });

  it("lists names, info and Container objects", async () => {
    swift.put("b", "x", "12345");
    swift.put("a", "y", "1");
    expect(await cf.listContainers()).toEqual(["a", "b"]);
    expect(await cf.listContainersInfo()).toEqual([
      { name: "a", count: 1, bytes: 1 },
      { name: "b", count: 1, bytes: 5 },
    ]);
    const all = await cf.getAllContainers();
    expect(all.map((c) => [c.name, c.objectCount, c.bytesUsed])).toEqual([["a", 1, 1], ["b", 1, 5]]);
    const mark = swift.requests.length;
    const page = await cf.iterContainers({ limit: 1 });
    expect(page.items.map((c) => c.name)).toEqual(["a"]);
    const names: string[] = [];
    for await (const c of cf.iterContainers({ limit: 1 })) names.push(c.name);
    expect(names).toEqual(["a", "b"]);
    expect(since(swift, mark).every((r) => r.query.get("format") === "json")).toBe(true);
  });

  it("lists containers past the server cap with fullListing", async () => {
    for (let i = 0; i < 7; i++) swift.put(`c${i}`, "o", "x");
    swift.listingCap = 3;
    expect(await cf.listContainers()).toHaveLength(3);
    expect(await cf.listContainers({ fullListing: true })).toEqual(["c0", "c1", "c2", "c3", "c4", "c5", "c6"]);
  });

  it("deleteContainer refuses a non-empty container, and empties it with deleteObjects", async () => {
    swift.put("full", "a", "1");
    swift.put("full", "b/c", "2");
    await expect(cf.deleteContainer("full")).rejects.toBeInstanceOf(Conflict);
    await cf.deleteContainer("full", { deleteObjects: true });
    expect(swift.containers.has("full")).toBe(false);
    await expect(cf.deleteContainer("full")).rejects.toBeInstanceOf(NoSuchContainer);
  });

  it("container.delete() works through the object too", async () => {
    const cont = await cf.createContainer("gone");
    await cont.delete();
    expect(swift.containers.has("gone")).toBe(false);
  });

  it("gets, merges, clears and removes container metadata (client and Container forms)", async () => {
    const cont = await cf.createContainer("meta");
    expect(await cf.getContainerMetadata(cont)).toEqual({});
    await cf.setContainerMetadata(cont, { "X-Account-Meta-City": "Springfield", Famous_Family: "Simpsons" });
    expect(await cf.getContainerMetadata("meta")).toEqual({ "x-account-meta-city": "Springfield", "famous-family": "Simpsons" });
    await cont.setMetadata({ dog: "Santa's Little Helper" });
    expect(Object.keys(await cont.getMetadata()).sort()).toEqual(["dog", "famous-family", "x-account-meta-city"]);
    await cont.setMetadata({ only: "this" }, { clear: true });
    expect(await cont.getMetadata()).toEqual({ only: "this" });
    await cf.removeContainerMetadataKey("meta", "only");
    expect(await cont.getMetadata()).toEqual({});
    await cont.setMetadata({ a: "1", b: "2" });
    await cont.removeMetadataKey("a");
    expect(await cont.getMetadata()).toEqual({ b: "2" });
  });

  it("sets the static web index and error pages on the storage endpoint", async () => {
    const cont = await cf.createContainer("site");
    await cf.setContainerWebIndexPage("site", "index.html");
    await cont.setWebErrorPage("error.html");
    expect(swift.containers.get("site")?.meta).toEqual({
      "x-container-meta-web-index": "index.html",
      "x-container-meta-web-error": "error.html",
    });
  });

  it("metadata calls on a missing container throw NoSuchContainer", async () => {
    await expect(cf.setContainerMetadata("missing", { a: 1 })).rejects.toBeInstanceOf(NoSuchContainer);
    await expect(cf.getContainerMetadata("missing")).rejects.toBeInstanceOf(NoSuchContainer);
  });
});
