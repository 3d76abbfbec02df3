import { inspect } from "node:util";
import { AbortError, InvalidResponse, NotFound, redact, ResourceFailed, ValidationError, WaitTimeout } from "@rax/core";
import { describe, expect, it } from "vitest";
import { NoSuchServer, NoUniqueMatch, Server, ServerFailed } from "../src/index";
import { notFoundBody, serve, wireServer } from "./fixture";

describe("servers.list", () => {
  it("asks for details with Nova's filter names and converts rows to camelCase with pyrax's networks", async () => {
    const { nova, seen } = await serve({ method: "GET", path: "/servers/detail", status: 200, body: { servers: [wireServer()] } });
    const page = await nova.servers.list({ status: "ACTIVE", name: "web", changesSince: new Date("2026-12-01T00:00:00Z"), image: { id: "img-1" }, flavor: "general1-1" });
    expect(Object.fromEntries(seen[0]!.query)).toEqual({ status: "ACTIVE", name: "web", "changes-since": "2026-12-01T00:00:00.000Z", image: "img-1", flavor: "general1-1" });
    const s = page.items[0]!;
    expect(s).toBeInstanceOf(Server);
    expect(s).toMatchObject({ id: "srv-1", keyName: "my_key", diskConfig: "AUTO", vmState: "active", powerState: 1, image: { id: "img-1" }, flavor: { id: "general1-1" } });
    expect(s.networks).toEqual({ public: ["198.51.100.7"], private: ["10.176.0.7"] });
    expect(s.raw["rax-bandwidth:bandwidth"]).toEqual([]);
    expect(page.next).toBeUndefined();
  });

  it("walks every page with marker = the last id while Nova sends a next link", async () => {
    const link = [{ rel: "next", href: "http://elsewhere/servers/detail?marker=b" }];
    const { nova, seen } = await serve(
      { method: "GET", path: "/servers/detail", status: 200, body: { servers: [wireServer({ id: "a" }), wireServer({ id: "b" })], servers_links: link } },
      { method: "GET", path: "/servers/detail", status: 200, body: { servers: [wireServer({ id: "c" })] } },
    );
    const ids: string[] = [];
    for await (const s of nova.servers.list({ pageSize: 2 })) ids.push(s.id);
    expect(ids).toEqual(["a", "b", "c"]);
    expect(seen.map((r) => [r.query.get("limit"), r.query.get("marker")])).toEqual([["2", null], ["2", "b"]]);
  });

  it("a server booted from a volume (image \"\") has no image", async () => {
    const { nova } = await serve({ method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ image: "" }) } });
    expect((await nova.servers.get("srv-1")).image).toBeUndefined();
  });

  it("rejects unknown filters before any request", async () => {
    const { nova, seen } = await serve();
    expect(() => nova.servers.list({ colour: "red" } as never)).toThrow(ValidationError);
    expect(seen).toHaveLength(0);
  });
});

describe("servers.get / delete", () => {
  it("a 404 is NoSuchServer (a NotFound) naming the id", async () => {
    const { nova } = await serve({ method: "GET", path: "/servers/nope", status: 404, body: notFoundBody("Instance nope") });
    const e = await nova.servers.get("nope").catch((x) => x);
    expect(e).toBeInstanceOf(NoSuchServer);
    expect(e).toBeInstanceOf(NotFound);
    expect(e).toMatchObject({ server: "nope", status: 404 });
  });

  it("delete sends DELETE and accepts 204; through the Server object too", async () => {
    const { nova, seen } = await serve(
      { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer() } },
      { method: "DELETE", path: "/servers/srv-1", status: 204 },
    );
    const s = await nova.servers.get("srv-1");
    await s.delete();
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /servers/srv-1", "DELETE /servers/srv-1"]);
  });

  it("a success status other than Nova's (200 for a delete) is an error, not success", async () => {
    const { nova } = await serve({ method: "DELETE", path: "/servers/srv-1", status: 200, body: {} });
    await expect(nova.servers.delete("srv-1")).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("a read answers 200 (or Rackspace's 203); another 2xx is an InvalidResponse, not a server", async () => {
    const { nova } = await serve(
      { method: "GET", path: "/servers/srv-1", status: 202, body: { server: wireServer() } },
      { method: "GET", path: "/servers/srv-1", status: 203, body: { server: wireServer() } },
      { method: "GET", path: "/flavors/detail", status: 201, body: { flavors: [] } },
    );
    await expect(nova.servers.get("srv-1")).rejects.toBeInstanceOf(InvalidResponse);
    expect((await nova.servers.get("srv-1")).id).toBe("srv-1");
    await expect(nova.flavors.list().toArray()).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("an id that would escape the path is refused", async () => {
    const { nova, seen } = await serve();
    await expect(nova.servers.get("..")).rejects.toBeInstanceOf(ValidationError);
    await expect(nova.servers.get("")).rejects.toMatchObject({ field: "server" });
    expect(seen).toHaveLength(0);
  });
});

describe("servers.find", () => {
  it("matches the name exactly among Nova's (regular expression) matches", async () => {
    const { nova, seen } = await serve({ method: "GET", path: "/servers/detail", status: 200, body: { servers: [wireServer({ id: "1", name: "web.1" }), wireServer({ id: "2", name: "web.10" })] } });
    expect((await nova.servers.find("web.1")).id).toBe("1");
    expect(seen[0]!.query.get("name")).toBe("^web\\.1$");
  });

  it("several matches → NoUniqueMatch; none → NoSuchServer", async () => {
    const { nova } = await serve(
      { method: "GET", path: "/servers/detail", status: 200, body: { servers: [wireServer({ id: "1" }), wireServer({ id: "2" })] } },
      { method: "GET", path: "/servers/detail", status: 200, body: { servers: [] } },
    );
    await expect(nova.servers.find("web1")).rejects.toBeInstanceOf(NoUniqueMatch);
    const e = await nova.servers.find("web1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NoSuchServer);
    expect(e).toBeInstanceOf(NotFound);
    // What was looked for and where; no request line for a GET that was not the one that failed.
    expect((e as NoSuchServer).message).toBe('No server named "web1" in compute');
    expect((e as NoSuchServer).server).toBe("web1");
  });
});

describe("servers.create", () => {
  const created = { server: { id: "new-1", links: [], adminPass: "Sup3r-s3cret-pw", "OS-DCF:diskConfig": "MANUAL" } };

  it("sends Nova's body for every option and returns a BUILD server", async () => {
    const { nova, seen } = await serve({ method: "POST", path: "/servers", status: 202, body: created });
    const s = await nova.servers.create({
      name: "web1",
      image: { id: "img-1" },
      flavor: "general1-1",
      meta: { role: "web" },
      files: { "/etc/banner.txt": "hello", "/root/bin": new Uint8Array([0, 1, 2]) },
      keyName: "my_key",
      nics: [{ "net-id": "00000000-0000-0000-0000-000000000000" }, { "net-id": "net-9", "v4-fixed-ip": "192.168.0.9" }, "net-7"],
      diskConfig: "MANUAL",
      userData: "#!/bin/sh\necho hi",
      configDrive: true,
      availabilityZone: "az1",
      securityGroups: ["web"],
      schedulerHints: { group: "g1" },
    });
    expect(seen[0]!.body).toEqual({
      server: {
        name: "web1",
        imageRef: "img-1",
        flavorRef: "general1-1",
        metadata: { role: "web" },
        personality: [
          { path: "/etc/banner.txt", contents: Buffer.from("hello").toString("base64") },
          { path: "/root/bin", contents: "AAEC" },
        ],
        key_name: "my_key",
        networks: [{ uuid: "00000000-0000-0000-0000-000000000000" }, { uuid: "net-9", fixed_ip: "192.168.0.9" }, { uuid: "net-7" }],
        "OS-DCF:diskConfig": "MANUAL",
        user_data: Buffer.from("#!/bin/sh\necho hi").toString("base64"),
        config_drive: true,
        availability_zone: "az1",
        security_groups: [{ name: "web" }],
      },
      "os:scheduler_hints": { group: "g1" },
    });
    expect(s).toMatchObject({ id: "new-1", name: "web1", status: "BUILD", flavor: { id: "general1-1" }, image: { id: "img-1" }, metadata: { role: "web" }, diskConfig: "MANUAL" });
  });

  it("the admin password is readable but never printed, serialised or logged", async () => {
    const { nova } = await serve({ method: "POST", path: "/servers", status: 202, body: created });
    const s = await nova.servers.create({ name: "web1", image: "img-1", flavor: "2" });
    expect(s.adminPass).toBe("Sup3r-s3cret-pw");
    expect(inspect(s, { depth: 10, showHidden: true })).not.toContain("Sup3r-s3cret-pw");
    expect(JSON.stringify(s)).not.toContain("Sup3r-s3cret-pw");
    expect(JSON.stringify(s.raw)).not.toContain("Sup3r-s3cret-pw");
    expect(redact("password was Sup3r-s3cret-pw")).not.toContain("Sup3r-s3cret-pw");
    expect(s.status).toBe("BUILD");
  });

  it("sends more than 5 metadata pairs: the cloud's quota (maxServerMeta, 128 on stock Nova) decides, not rax", async () => {
    const { nova, seen } = await serve({ method: "POST", path: "/servers", status: 202, body: created });
    const meta = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, `v${i}`]));
    await nova.servers.create({ name: "n", image: "i", flavor: "f", meta });
    expect(seen[0]!.body.server.metadata).toEqual(meta);
  });

  it("boots from a volume without an image", async () => {
    const { nova, seen } = await serve({ method: "POST", path: "/servers", status: 202, body: created });
    await nova.servers.create({ name: "v", flavor: "2", blockDeviceMapping: [{ boot_index: 0, uuid: "vol-1", source_type: "volume", destination_type: "volume" }] });
    expect(seen[0]!.body.server).toMatchObject({ imageRef: "", block_device_mapping_v2: [{ uuid: "vol-1", boot_index: 0 }] });
  });

  it.each([
    [{ image: "i", flavor: "f" }, "server.name"],
    [{ name: "n", flavor: "f" }, "server.image"],
    [{ name: "n", image: "i" }, "server.flavor"],
    [{ name: "n", image: "i", flavor: "f", meta: { count: 42 } }, "server.meta.count"],
    [{ name: "n", image: "i", flavor: "f", files: { "/a": "", "/b": "", "/c": "", "/d": "", "/e": "", "/f": "" } }, "server.files"],
    [{ name: "n", image: "i", flavor: "f", files: { "/big": "x".repeat(10_241) } }, "server.files./big"],
    [{ name: "n", image: "i", flavor: "f", files: { "relative.txt": "x" } }, "server.files.relative.txt"],
    [{ name: "n", image: "i", flavor: "f", diskConfig: "auto" }, "server.diskConfig"],
    [{ name: "n", image: "i", flavor: "f", key_name: "k" }, "server.key_name"],
    [{ name: "n", image: "i", flavor: "f", nics: [{ "v4-fixed-ip": "1.2.3.4" }] }, "server.nics.0"],
  ])("refuses %j before any request (field %s)", async (input, field) => {
    const { nova, seen } = await serve();
    const e = await nova.servers.create(input as never).catch((x) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.field).toBe(field);
    expect(seen).toHaveLength(0);
  });
});

describe("servers.waitFor", () => {
  it("reloads until ACTIVE, reporting progress on the way", async () => {
    const { nova } = await serve(
      { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ status: "BUILD", progress: 10 }) } },
      { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ status: "BUILD", progress: 60 }) } },
      { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ status: "ACTIVE", progress: 100 }) } },
    );
    const progress: Array<number | undefined> = [];
    const s = await nova.servers.waitFor("srv-1", "ACTIVE", { interval: 1, onProgress: (p) => progress.push(p.resource.progress) });
    expect(s.status).toBe("ACTIVE");
    expect(progress).toEqual([10, 60, 100]);
  });

  it("ERROR rejects with ServerFailed carrying Nova's fault", async () => {
    const fault = { code: 500, message: "No valid host was found.", created: "2026-12-01T10:00:00Z" };
    const { nova } = await serve({ method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ status: "ERROR", fault }) } });
    const e = await nova.servers.waitFor("srv-1", "ACTIVE", { interval: 1 }).catch((x) => x);
    expect(e).toBeInstanceOf(ServerFailed);
    expect(e).toBeInstanceOf(ResourceFailed);
    expect(e.fault).toEqual(fault);
    expect(e.server.id).toBe("srv-1");
    expect(e.message).toContain("No valid host was found.");
  });

  it("ERROR resolves when it is one of the wanted states (pyrax's [ACTIVE, ERROR])", async () => {
    const { nova } = await serve({ method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ status: "ERROR" }) } });
    expect((await nova.servers.waitFor("srv-1", ["ACTIVE", "ERROR"], { interval: 1 })).status).toBe("ERROR");
  });

  it("waiting for DELETED treats 404 as done", async () => {
    const { nova } = await serve(
      { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ "OS-EXT-STS:task_state": "deleting" }) } },
      { method: "GET", path: "/servers/srv-1", status: 404, body: notFoundBody("Instance srv-1") },
    );
    const s = await nova.servers.waitFor("srv-1", "DELETED", { interval: 1 });
    expect(s).toMatchObject({ id: "srv-1", status: "DELETED", name: "web1" });
  });

  it("a 404 while waiting for ACTIVE is NoSuchServer", async () => {
    const { nova } = await serve({ method: "GET", path: "/servers/srv-1", status: 404, body: notFoundBody("Instance srv-1") });
    await expect(nova.servers.waitFor("srv-1", "ACTIVE", { interval: 1 })).rejects.toBeInstanceOf(NoSuchServer);
  });

  it("gives up after `attempts` with WaitTimeout holding the last server", async () => {
    const build = { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ status: "BUILD" }) } };
    const { nova, seen } = await serve(build, build);
    const e = await nova.servers.waitFor("srv-1", "ACTIVE", { interval: 1, attempts: 2 }).catch((x) => x);
    expect(e).toBeInstanceOf(WaitTimeout);
    expect(e.last.status).toBe("BUILD");
    expect(seen).toHaveLength(2);
  });

  it("server.waitFor refreshes the object itself: status, addresses and all (pyrax's waits reload in place)", async () => {
    const { nova } = await serve(
      { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ status: "BUILD", addresses: {} }) } },
      { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ status: "BUILD", addresses: {} }) } },
      { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ status: "ACTIVE" }) } },
    );
    const server = await nova.servers.get("srv-1");
    expect(server.status).toBe("BUILD");
    const same = await server.waitFor("ACTIVE", { interval: 1 });
    expect(same).toBe(server);
    expect(server.status).toBe("ACTIVE");
    expect(server.networks).toEqual({ public: ["198.51.100.7"], private: ["10.176.0.7"] });
    expect(server.raw.status).toBe("ACTIVE");
  });

  it("server.waitFor that ends in ERROR leaves the object in ERROR with Nova's fault", async () => {
    const fault = { code: 500, message: "No valid host was found." };
    const { nova } = await serve(
      { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ status: "BUILD" }) } },
      { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ status: "ERROR", fault }) } },
    );
    const server = await nova.servers.get("srv-1");
    await expect(server.waitFor("ACTIVE", { interval: 1 })).rejects.toBeInstanceOf(ServerFailed);
    expect(server).toMatchObject({ status: "ERROR", fault: { message: "No valid host was found." } });
  });

  it("server.waitFor(\"DELETED\") marks the object DELETED", async () => {
    const { nova } = await serve(
      { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer() } },
      { method: "GET", path: "/servers/srv-1", status: 404, body: notFoundBody("Instance srv-1") },
    );
    const server = await nova.servers.get("srv-1");
    await server.waitFor("DELETED", { interval: 1 });
    expect(server).toMatchObject({ id: "srv-1", status: "DELETED" });
    expect(server.raw.id).toBe("srv-1");
  });

  it("ACTIVE with a task still running (createImage's image_uploading) is not yet ACTIVE: the wait goes on until the task ends", async () => {
    const { nova, seen } = await serve(
      { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ "OS-EXT-STS:task_state": "image_snapshot" }) } },
      { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ "OS-EXT-STS:task_state": "image_uploading" }) } },
      { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer() } },
    );
    const s = await nova.servers.waitFor("srv-1", "ACTIVE", { interval: 1 });
    expect(s.taskState).toBeUndefined();
    expect(seen).toHaveLength(3);
  });

  it("a status that is the task itself (REBOOT while rebooting) is matched as it is; a stuck task times out naming it", async () => {
    const rebooting = { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ status: "REBOOT", "OS-EXT-STS:task_state": "rebooting" }) } };
    const stuck = { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ "OS-EXT-STS:task_state": "image_uploading" }) } };
    const { nova } = await serve(rebooting, stuck, stuck);
    expect((await nova.servers.waitFor("srv-1", "REBOOT", { interval: 1 })).status).toBe("REBOOT");
    const e = await nova.servers.waitFor("srv-1", "ACTIVE", { interval: 1, attempts: 2 }).catch((x) => x);
    expect(e).toBeInstanceOf(WaitTimeout);
    expect(e.message).toContain("image_uploading");
  });

  it("an aborted signal stops the wait with AbortError", async () => {
    const build = { method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer({ status: "BUILD" }) } };
    const { nova } = await serve(build, build, build);
    const ac = new AbortController();
    const wait = nova.servers.waitFor("srv-1", "ACTIVE", { interval: 60_000, signal: ac.signal, onProgress: () => ac.abort() });
    await expect(wait).rejects.toBeInstanceOf(AbortError);
  });
});

describe("server updates, metadata and addresses", () => {
  it("update renames with PUT", async () => {
    const { nova, seen } = await serve({ method: "PUT", path: "/servers/srv-1", status: 200, body: { server: wireServer({ name: "web2" }) } });
    expect((await nova.servers.update("srv-1", { name: "web2" })).name).toBe("web2");
    expect(seen[0]!.body).toEqual({ server: { name: "web2" } });
  });

  it("server.update changes the object itself and returns it; what Nova's partial PUT answer leaves out is kept", async () => {
    const partial = wireServer({ name: "web2" });
    // Nova below 2.75 answers a PUT without the extended attributes.
    for (const k of Object.keys(partial)) if (k.startsWith("OS-EXT-") || k.startsWith("OS-DCF")) delete partial[k];
    const { nova } = await serve({ method: "GET", path: "/servers/srv-1", status: 200, body: { server: wireServer() } }, { method: "PUT", path: "/servers/srv-1", status: 200, body: { server: partial } });
    const server = await nova.servers.get("srv-1");
    expect(server.vmState).toBe("active");
    expect(await server.update({ name: "web2" })).toBe(server);
    expect(server.name).toBe("web2");
    expect(server.raw.name).toBe("web2");
    expect(server).toMatchObject({ vmState: "active", powerState: 1, diskConfig: "AUTO" });
  });

  it("set merges (POST), replace replaces (PUT), one item (PUT meta), delete per key", async () => {
    const { nova, seen } = await serve(
      { method: "POST", path: "/servers/srv-1/metadata", status: 200, body: { metadata: { a: "1", b: "2" } } },
      { method: "PUT", path: "/servers/srv-1/metadata", status: 200, body: { metadata: { c: "3" } } },
      { method: "PUT", path: "/servers/srv-1/metadata/d%20e", status: 200, body: { meta: { "d e": "4" } } },
      { method: "DELETE", path: "/servers/srv-1/metadata/a", status: 204 },
      { method: "DELETE", path: "/servers/srv-1/metadata/b", status: 204 },
      { method: "GET", path: "/servers/srv-1/metadata", status: 200, body: { metadata: { c: "3" } } },
    );
    expect(await nova.servers.setMetadata("srv-1", { b: "2" })).toEqual({ a: "1", b: "2" });
    expect(await nova.servers.replaceMetadata("srv-1", { c: "3" })).toEqual({ c: "3" });
    expect(await nova.servers.setMetadataItem("srv-1", "d e", "4")).toEqual({ "d e": "4" });
    await nova.servers.deleteMetadata("srv-1", ["a", "b"]);
    expect(await nova.servers.getMetadata("srv-1")).toEqual({ c: "3" });
    expect(seen.map((r) => r.body)).toEqual([{ metadata: { b: "2" } }, { metadata: { c: "3" } }, { meta: { "d e": "4" } }, undefined, undefined, undefined]);
  });

  it("metadata values must be strings", async () => {
    const { nova, seen } = await serve();
    await expect(nova.servers.setMetadata("srv-1", { n: 1 as never })).rejects.toMatchObject({ field: "metadata.n" });
    expect(seen).toHaveLength(0);
  });

  it("a metadata key or network label Nova does not have is a NotFound in Nova's words, not NoSuchServer", async () => {
    const { nova } = await serve(
      { method: "DELETE", path: "/servers/srv-1/metadata/nope", status: 404, body: { itemNotFound: { code: 404, message: "Metadata item was not found" } } },
      { method: "GET", path: "/servers/srv-1/ips/nope", status: 404, body: { itemNotFound: { code: 404, message: "Instance is not a member of specified network" } } },
      { method: "DELETE", path: "/servers/gone/metadata/a", status: 404, body: notFoundBody("Instance gone") },
    );
    for (const call of [() => nova.servers.deleteMetadata("srv-1", "nope"), () => nova.servers.ips("srv-1", "nope")]) {
      const e = await call().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(NotFound);
      expect(e).not.toBeInstanceOf(NoSuchServer);
    }
    await expect(nova.servers.deleteMetadata("gone", "a")).rejects.toBeInstanceOf(NoSuchServer);
  });

  it("ips for all networks or one label", async () => {
    const addresses = { public: [{ addr: "198.51.100.7", version: 4 }] };
    const { nova } = await serve(
      { method: "GET", path: "/servers/srv-1/ips", status: 200, body: { addresses } },
      { method: "GET", path: "/servers/srv-1/ips/public", status: 200, body: addresses },
    );
    expect(await nova.servers.ips("srv-1")).toEqual(addresses);
    expect(await nova.servers.ips("srv-1", "public")).toEqual(addresses);
  });
});

describe("server actions", () => {
  const action = (status = 202, body?: unknown, headers?: Record<string, string>) => ({ method: "POST", path: "/servers/srv-1/action", status, body, headers });

  it("send Nova's action bodies", async () => {
    const { nova, seen } = await serve(action(), action(), action(), action(204), action(), action(), action(), action(202, undefined, {}), action(200, { adminPass: "rescue-pw-123" }), action());
    await nova.servers.reboot("srv-1");
    await nova.servers.reboot("srv-1", "HARD");
    await nova.servers.resize("srv-1", { id: "general1-2" }, { diskConfig: "AUTO" });
    await nova.servers.confirmResize("srv-1");
    await nova.servers.revertResize("srv-1");
    await nova.servers.changePassword("srv-1", "n3w-pass-word");
    await nova.servers.resetState("srv-1", "ACTIVE");
    await nova.servers.unrescue("srv-1");
    const rescue = await nova.servers.rescue("srv-1");
    expect(rescue.adminPass).toBe("rescue-pw-123");
    // Printed or serialised, the result never shows the rescue password.
    expect(JSON.stringify(rescue)).not.toContain("rescue-pw-123");
    expect(inspect(rescue, { depth: 5, showHidden: true })).not.toContain("rescue-pw-123");
    await nova.servers.resetState("srv-1", "error");
    expect(seen.map((r) => r.body)).toEqual([
      { reboot: { type: "SOFT" } },
      { reboot: { type: "HARD" } },
      { resize: { flavorRef: "general1-2", "OS-DCF:diskConfig": "AUTO" } },
      { confirmResize: null },
      { revertResize: null },
      { changePassword: { adminPass: "n3w-pass-word" } },
      { "os-resetState": { state: "active" } },
      { unrescue: null },
      { rescue: null },
      { "os-resetState": { state: "error" } },
    ]);
    expect(redact("x n3w-pass-word rescue-pw-123")).toBe("x [REDACTED] [REDACTED]");
  });

  it("stop, start and console output", async () => {
    const { nova, seen } = await serve(action(), action(), action(200, { output: "login:\n" }));
    await nova.servers.stop("srv-1");
    await nova.servers.start("srv-1");
    expect(await nova.servers.consoleOutput("srv-1", 50)).toBe("login:\n");
    expect(seen.map((r) => r.body)).toEqual([{ "os-stop": null }, { "os-start": null }, { "os-getConsoleOutput": { length: 50 } }]);
  });

  it("createImage returns the new image's id from Location", async () => {
    const id = "0b7a6c2e-58f4-4d59-9d56-0f4c3e4f1a2b";
    const { nova, seen } = await serve({ method: "POST", path: `/servers/${id}/action`, status: 202, headers: { location: "http://nova/v2/123456/images/img-77" } });
    expect(await nova.servers.createImage(id, "nightly", { kind: "backup" })).toBe("img-77");
    expect(seen[0]!.body).toEqual({ createImage: { name: "nightly", metadata: { kind: "backup" } } });
  });

  it("createImage accepts the server's name, as pyrax's cs.servers.create_image(\"my_server\", …)", async () => {
    const { nova, seen } = await serve(
      { method: "GET", path: "/servers/detail", status: 200, body: { servers: [wireServer({ id: "srv-1", name: "my_awesome_server" })] } },
      action(202, undefined, { location: "http://nova/v2/123456/images/img-78" }),
    );
    expect(await nova.servers.createImage("my_awesome_server", "my_image_name")).toBe("img-78");
    expect(seen.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /servers/detail", "POST /servers/srv-1/action"]);
  });

  it("rebuild returns the server and its new password", async () => {
    const { nova, seen } = await serve(action(202, { server: wireServer({ status: "REBUILD", adminPass: "rebuilt-pw-99" }) }));
    const s = await nova.servers.rebuild("srv-1", "img-2", { name: "web9", meta: { a: "b" } });
    expect(s.status).toBe("REBUILD");
    expect(s.adminPass).toBe("rebuilt-pw-99");
    expect(JSON.stringify(s)).not.toContain("rebuilt-pw-99");
    expect(seen[0]!.body).toEqual({ rebuild: { imageRef: "img-2", name: "web9", metadata: { a: "b" } } });
  });

  it("rebuild writes files as create does (pyrax rebuild(…, files=); Nova personality), checked before any request", async () => {
    const { nova, seen } = await serve(action(202, { server: wireServer({ status: "REBUILD" }) }));
    await nova.servers.rebuild("srv-1", "img-2", { files: { "/etc/motd": "hello" } });
    expect(seen[0]!.body).toEqual({ rebuild: { imageRef: "img-2", personality: [{ path: "/etc/motd", contents: Buffer.from("hello").toString("base64") }] } });
    await expect(nova.servers.rebuild("srv-1", "img-2", { files: { "etc/motd": "x" } })).rejects.toMatchObject({ field: "options.files.etc/motd" });
    expect(seen).toHaveLength(1);
  });

  it("bad action arguments are ValidationErrors naming the argument", async () => {
    const { nova, seen } = await serve();
    await expect(nova.servers.reboot("srv-1", "WARM" as never)).rejects.toMatchObject({ field: "type" });
    await expect(nova.servers.resetState("srv-1", "BUILD" as never)).rejects.toMatchObject({ field: "state" });
    await expect(nova.servers.resize("srv-1", "")).rejects.toMatchObject({ field: "flavor" });
    await expect(nova.servers.createImage("srv-1", "")).rejects.toMatchObject({ field: "name" });
    expect(seen).toHaveLength(0);
  });

  it("a Conflict (wrong state) keeps Nova's message", async () => {
    const { nova } = await serve(action(409, { conflictingRequest: { code: 409, message: "Cannot 'resize' instance srv-1 while it is in vm_state building" } }));
    await expect(nova.servers.resize("srv-1", "3")).rejects.toMatchObject({ status: 409, message: expect.stringContaining("vm_state building") });
  });
});
