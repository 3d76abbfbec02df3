import { DEFAULT_USER, type RunningEmulator, startEmulator } from "@rax/emulator";
import { Context } from "@rax/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Container, NoSuchObject, ObjectStore, ObjectStoreClient, StorageObject } from "../src/index";
import { type Fixture, startFixture } from "./fixture-server";

// The canonical surface: namespaces per resource on the client, with the flat pyrax names as one
// line over them; both reach the same wire calls.

let emu: RunningEmulator;
let ctx: Context;
let fx: Fixture;
beforeAll(async () => {
  emu = await startEmulator();
  ctx = new Context({ identityType: "rackspace", authEndpoint: emu.authUrl, username: DEFAULT_USER.username, apiKey: DEFAULT_USER.apiKey, configFile: false, env: {} });
  await ctx.authenticate();
  fx = await startFixture();
});
afterAll(async () => {
  await ctx?.close();
  await emu?.stop();
  await fx?.close();
});

describe("namespaces", () => {
  it("containers / objects / account / cdn work end to end, returning the resource classes", async () => {
    const cf = ctx.client(ObjectStoreClient);
    expect("createContainer" in cf).toBe(false);
    const cont = await cf.containers.create("ns-demo", { metadata: { city: "Zürich" } });
    expect(cont).toBeInstanceOf(Container);
    const obj = await cf.objects.store(cont, "a/b.txt", "hello");
    expect(obj).toBeInstanceOf(StorageObject);
    expect((await cf.objects.fetch(cont, "a/b.txt")).toString()).toBe("hello");
    expect((await cf.objects.get("ns-demo", "a/b.txt")).bytes).toBe(5);
    expect(await cf.objects.listNames(cont, { fullListing: true })).toEqual(["a/b.txt"]);
    expect(await cf.containers.getMetadata(cont)).toEqual({ city: "Zürich" });
    const details = await cf.account.getDetails();
    expect(details.containerCount).toBeGreaterThanOrEqual(1);
    await cf.cdn.makePublic(cont, { ttl: 900 });
    expect((await cf.cdn.getAttributes(cont)).cdnEnabled).toBe(true);
    await cont.deleteObject("a/b.txt");
    await expect(cf.objects.get(cont, "a/b.txt")).rejects.toBeInstanceOf(NoSuchObject);
    await cf.containers.delete(cont);
  });

  it("the flat names delegate to the namespaces (same requests)", async () => {
    const sent = () => fx.requests.map((r) => `${r.method} ${r.path}`);
    fx.script = (r) => ({ status: r.method === "HEAD" ? 204 : 201, headers: { "x-container-object-count": "0", "x-container-bytes-used": "0" } });
    const cf = fx.client();
    expect(cf).toBeInstanceOf(ObjectStore);
    expect(cf).toBeInstanceOf(ObjectStoreClient);
    await cf.createContainer("c");
    const viaFlat = sent();
    fx.requests.length = 0;
    await cf.containers.create("c");
    expect(sent()).toEqual(viaFlat);
  });

  it("static web pages and temp-URL keys beyond ASCII go out as UTF-8", async () => {
    fx.requests.length = 0;
    fx.script = () => ({ status: 204 });
    await fx.client().containers.setWebIndexPage("site", "índice.html");
    expect(fx.requests[0]!.rawHeader("x-container-meta-web-index")).toEqual(Buffer.from("índice.html", "utf8"));
    await fx.client().account.setTempUrlKey("schlüssel");
    expect(fx.requests[1]!.rawHeader("x-account-meta-temp-url-key")).toEqual(Buffer.from("schlüssel", "utf8"));
  });
});
