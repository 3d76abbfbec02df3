// Container calls against @rax/emulator; per-call fixtures for a server with a lower listing cap.
import { Conflict, NotFound } from "@rax/core";
import { DEFAULT_USER, type RunningEmulator, startEmulator } from "@rax/emulator";
import { Context } from "@rax/identity";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Container, NoSuchContainer, ObjectStore } from "../src/index";
import { useFixture } from "./fixture-server";

let emu: RunningEmulator;
let ctx: Context;
let cf: ObjectStore;
const fx = useFixture();
beforeAll(async () => {
  emu = await startEmulator();
  ctx = new Context({ identityType: "rackspace", authEndpoint: emu.authUrl, username: DEFAULT_USER.username, apiKey: DEFAULT_USER.apiKey, configFile: false, env: {} });
  await ctx.authenticate();
  cf = ctx.client(ObjectStore);
});
afterAll(async () => {
  await ctx?.close();
  await emu?.stop();
});
beforeEach(async () => {
  for (const name of await cf.listContainers({ fullListing: true })) await cf.deleteContainer(name, { deleteObjects: true });
});

describe("containers", () => {
  it("createContainer creates, and returns the existing one the second time", async () => {
    const cont = await cf.createContainer("example", { metadata: { owner: "me" } });
    expect(cont).toBeInstanceOf(Container);
    expect(cont.name).toBe("example");
    expect(cont.objectCount).toBe(0);
    expect(cont.metadata).toEqual({ owner: "me" });
    await cf.storeObject("example", "a.txt", "abc");
    const again = await cf.createContainer("example");
    expect(again.objectCount).toBe(1);
    expect(again.totalBytes).toBe(3);
    expect(await cf.listContainers()).toEqual(["example"]);
    expect(String(again)).toBe("<Container 'example'>");
  });

  it("getContainer throws NoSuchContainer (a NotFound) for a missing container", async () => {
    const err = await cf.getContainer("nope").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoSuchContainer);
    expect(err).toBeInstanceOf(NotFound);
    expect((err as NoSuchContainer).container).toBe("nope");
  });

  it("lists names, info and Container objects; pages with a limit", async () => {
    await cf.storeObject(await cf.createContainer("b"), "x", "12345");
    await cf.storeObject(await cf.createContainer("a"), "y", "1");
    expect(await cf.listContainers()).toEqual(["a", "b"]);
    expect(await cf.listContainersInfo()).toEqual([
      { name: "a", count: 1, bytes: 1 },
      { name: "b", count: 1, bytes: 5 },
    ]);
    const all = await cf.getAllContainers();
    expect(all.map((c) => [c.name, c.objectCount, c.bytesUsed])).toEqual([["a", 1, 1], ["b", 1, 5]]);
    const page = await cf.iterContainers({ limit: 1 });
    expect(page.items.map((c) => c.name)).toEqual(["a"]);
    const names: string[] = [];
    for await (const c of cf.iterContainers({ limit: 1 })) names.push(c.name);
    expect(names).toEqual(["a", "b"]);
  });

  it("lists containers past a server cap lower than 10 000 with fullListing (412 → limit-less paging)", async () => {
    const all = ["c0", "c1", "c2", "c3", "c4", "c5", "c6"];
    fx.script = (r) => {
      if (r.query.get("limit") === "10000") return { status: 412, body: "Maximum limit is 3" };
      const marker = r.query.get("marker") ?? "";
      return { status: 200, body: all.filter((n) => n > marker).slice(0, 3).map((name) => ({ name, count: 1, bytes: 1 })) };
    };
    expect(await fx.client().listContainers()).toHaveLength(3);
    expect(await fx.client().listContainers({ fullListing: true })).toEqual(all);
    expect(fx.requests.every((r) => r.query.get("format") === "json")).toBe(true);
  });

  it("deleteContainer refuses a non-empty container, and empties it with deleteObjects", async () => {
    await cf.createContainer("full");
    await cf.storeObject("full", "a", "1");
    await cf.storeObject("full", "b/c", "2");
    await expect(cf.deleteContainer("full")).rejects.toBeInstanceOf(Conflict);
    await cf.deleteContainer("full", { deleteObjects: true });
    expect(await cf.listContainers()).toEqual([]);
    await expect(cf.deleteContainer("full")).rejects.toBeInstanceOf(NoSuchContainer);
  });

  it("container.delete() works through the object too", async () => {
    const cont = await cf.createContainer("gone");
    await cont.delete();
    await expect(cf.getContainer("gone")).rejects.toBeInstanceOf(NoSuchContainer);
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
    expect(await cf.getContainerMetadata("site")).toEqual({ "web-index": "index.html", "web-error": "error.html" });
  });

  it("metadata calls on a missing container throw NoSuchContainer", async () => {
    await expect(cf.setContainerMetadata("missing", { a: 1 })).rejects.toBeInstanceOf(NoSuchContainer);
    await expect(cf.getContainerMetadata("missing")).rejects.toBeInstanceOf(NoSuchContainer);
  });
});
