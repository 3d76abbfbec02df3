import { inspect } from "node:util";
import { InvalidResponse, ValidationError, WaitTimeout, redact } from "@rax/core";
import { describe, expect, it } from "vitest";
import { Instance, InstanceFailed, InvalidVolumeResize, NoSuchFlavor, NoSuchInstance, NoUniqueMatch } from "../src/index";
import { badRequestBody, FLAVORS, flavorHref, notFoundBody, serve, wireInstance } from "./fixture";

describe("instances", () => {
  it("create (pyrax cdb.create(name, flavor=1, volume=2)) resolves the flavor to its URL and returns an Instance in BUILD", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "POST", path: "/instances", status: 200, body: { instance: wireInstance({ status: "BUILD", volume: { size: 2 } }) } },
    );
    const inst = await cdb.instances.create({ name: "first_instance", flavor: 1, volume: 2 });
    expect(seen[1]!.body).toEqual({ instance: { name: "first_instance", flavorRef: flavorHref(1), volume: { size: 2 } } });
    expect(inst).toBeInstanceOf(Instance);
    expect(inst).toMatchObject({ id: "inst-1", name: "first_instance", status: "BUILD", flavorId: "1", volume: { size: 2 }, datastore: { type: "mysql", version: "5.6" } });
    expect(inst.hostname).toMatch(/rackspaceclouddb\.com$/);
  });

  it("OpenStack Trove's addresses: `ip` and the typed `addresses`; only `addresses` (Trove deprecated `ip`) still gives `ip`", async () => {
    const addresses = [{ address: "10.0.0.5", type: "private" }, { address: "172.24.4.9", type: "public" }];
    const { cdb } = await serve(
      { method: "GET", path: "/instances/a", status: 200, body: { instance: wireInstance({ id: "a", hostname: undefined, ip: ["10.0.0.5", "172.24.4.9"], addresses }) } },
      { method: "GET", path: "/instances/b", status: 200, body: { instance: wireInstance({ id: "b", hostname: undefined, addresses }) } },
    );
    expect(await cdb.instances.get("a")).toMatchObject({ ip: ["10.0.0.5", "172.24.4.9"], addresses });
    const b = await cdb.instances.get("b");
    expect(b.hostname).toBeUndefined();
    expect(b).toMatchObject({ ip: ["10.0.0.5", "172.24.4.9"], addresses });
  });

  it("create sends databases (utf8 defaults left to the service), users with host and databases, and the datastore", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "POST", path: "/instances", status: 200, body: { instance: wireInstance({ status: "BUILD" }) } },
    );
    await cdb.instances.create({
      name: "x",
      flavor: "2GB Instance",
      volume: 4,
      databases: ["sales", { name: "hr", characterSet: "latin1", collate: "latin1_swedish_ci" }],
      users: [{ name: "groucho", password: "top secret", host: "%", databases: ["sales", { name: "hr" }] }],
      datastore: { type: "mysql", version: "5.6" },
    });
    expect(seen[1]!.body.instance).toEqual({
      name: "x",
      flavorRef: flavorHref(3),
      volume: { size: 4 },
      databases: [{ name: "sales" }, { name: "hr", character_set: "latin1", collate: "latin1_swedish_ci" }],
      users: [{ name: "groucho", password: "top secret", host: "%", databases: [{ name: "sales" }, { name: "hr" }] }],
      datastore: { type: "mysql", version: "5.6" },
    });
    // The user's password went over the wire, so it is now masked wherever rax prints.
    expect(redact("password top secret")).not.toContain("top secret");
  });

  it("a flavor is found by id, then name, then RAM (pyrax's order); a Flavor object needs no lookup", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "POST", path: "/instances/i/action", status: 202 },
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "POST", path: "/instances/i/action", status: 202 },
      { method: "POST", path: "/instances/i/action", status: 202 },
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
    );
    await cdb.instances.resize("i", 2048);
    await cdb.instances.resize("i", 3);
    const flavor = { id: 4, href: flavorHref(4) };
    await cdb.instances.resize("i", flavor);
    expect(seen.filter((s) => s.method === "POST").map((s) => s.body)).toEqual([
      { resize: { flavorRef: flavorHref(3) } },
      { resize: { flavorRef: flavorHref(3) } },
      { resize: { flavorRef: flavorHref(4) } },
    ]);
    await expect(cdb.instances.resize("i", "64GB Instance")).rejects.toBeInstanceOf(NoSuchFlavor);
    expect(seen).toHaveLength(6);
  });

  it.each([
    [{ name: "x", volume: 0 }, "instance.volume"],
    [{ name: "x", volume: 2.5 }, "instance.volume"],
    [{ volume: 2 }, "instance.name"],
    [{ name: "x", users: [{ name: "nopw" }] }, "instance.users.0.password"],
    [{ name: "x", databases: ["bad name!"] }, "instance.databases.0"],
    [{ name: "x", databases: ["mysql"] }, "instance.databases.0"],
    [{ name: "x", users: [{ name: "a-name-longer-than-16", password: "p" }] }, "instance.users.0.name"],
    [{ name: "x", datastore: { type: "mysql" } }, "instance.datastore.version"],
    [{ name: "x", colour: "red" }, "instance.colour"],
  ])("create refuses %j before any request (%s)", async (input, field) => {
    const { cdb, seen } = await serve();
    const e = await cdb.instances.create(input as never).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).field).toBe(field);
    expect(seen).toHaveLength(0);
  });

  // The messages a user reads: English (zod/mini loads no locale), and a volume that is not a number
  // is called that, not "a whole number" (the whole-number message is for fractions only).
  it.each([
    [{ name: "x", volume: "2" }, "instance.volume", "Invalid input: expected number, received string"],
    [{ name: "x", volume: 2.5 }, "instance.volume", "must be a whole number of GB"],
    [{ name: "x", volume: 0 }, "instance.volume", "must be at least 1 GB"],
    [{ name: "" }, "instance.name", "Too small: expected string to have >=1 characters"],
    [{ name: "x", flavor: -2 }, "instance.flavor", "Too small: expected number to be >0"],
    [{ name: "x", flavor: true }, "instance.flavor", "must be a flavor id, name (not blank, no '/'), RAM size (MB) or an object with an id"],
    [{ name: "x", users: [{ name: "u" }] }, "instance.users.0.password", "is required (a user must have a password)"],
    [{ name: "x", users: [{ name: "root", password: "p" }] }, "instance.users.0.name", "is reserved by the service"],
    [{ name: "x", datastore: { type: "mysql" } }, "instance.datastore.version", "Invalid input: expected string, received undefined"],
  ])("create's refusal of %j names %s and says %j", async (input, field, message) => {
    const { cdb } = await serve();
    const e = await cdb.instances.create(input as never).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({ field, message: expect.stringContaining(message) });
  });

  it("resize to the flavor an Instance already has (by RAM, name or id) → ValidationError on flavor, no action sent; a bare id goes to Trove", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/instances/i", status: 200, body: { instance: wireInstance({ id: "i" }) } },
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "POST", path: "/instances/i/action", status: 400, body: badRequestBody("The new flavor id must be different than the current flavor id of '1'.") },
    );
    const inst = await cdb.instances.get("i");
    expect(inst.flavorId).toBe("1");
    await expect(inst.resize(512)).rejects.toMatchObject({ field: "flavor", message: expect.stringContaining("is the instance's current flavor (1)") });
    await expect(inst.resize("512MB Instance")).rejects.toBeInstanceOf(ValidationError);
    await expect(inst.resize({ id: 1, href: flavorHref(1) } as never)).rejects.toBeInstanceOf(ValidationError);
    expect(seen.filter((x) => x.method === "POST")).toHaveLength(0);
    // With only an id the current flavor is unknown: Trove's 400 is what the caller gets.
    await expect(cdb.instances.resize("i", 1)).rejects.toMatchObject({ status: 400 });
  });

  it("resizeVolume's refusals read as create's", async () => {
    const { cdb, seen } = await serve();
    await expect(cdb.instances.resizeVolume("i", "3" as never)).rejects.toMatchObject({ field: "size", message: expect.stringContaining("Invalid input: expected number, received string") });
    await expect(cdb.instances.resizeVolume("i", 2.5)).rejects.toMatchObject({ field: "size", message: expect.stringContaining("must be a whole number of GB") });
    await expect(cdb.instances.resizeVolume("i", 0)).rejects.toMatchObject({ field: "size", message: expect.stringContaining("must be at least 1 GB") });
    expect(seen).toHaveLength(0);
  });

  it("create insists on 200 (another 2xx is InvalidResponse)", async () => {
    const { cdb } = await serve({ method: "POST", path: "/instances", status: 202, body: { instance: wireInstance() } });
    await expect(cdb.instances.create({ name: "x", flavor: { id: 1 } })).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("list walks pages by the next link with limit and marker; get maps a 404 to NoSuchInstance", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/instances", status: 200, body: { instances: [wireInstance({ id: "a" }), wireInstance({ id: "b" })], links: [{ rel: "next", href: "…?marker=b" }] } },
      { method: "GET", path: "/instances", status: 200, body: { instances: [wireInstance({ id: "c" })] } },
      { method: "GET", path: "/instances/nope", status: 404, body: notFoundBody("Resource nope cannot be found.") },
    );
    const ids: string[] = [];
    for await (const i of cdb.instances.list({ pageSize: 2 })) ids.push(i.id);
    expect(ids).toEqual(["a", "b", "c"]);
    expect(seen[1]!.query.get("marker")).toBe("b");
    expect(seen[1]!.query.get("limit")).toBe("2");
    const e = await cdb.instances.get("nope").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NoSuchInstance);
    expect((e as NoSuchInstance).status).toBe(404);
  });

  it("find matches the name exactly: none → NoSuchInstance, several → NoUniqueMatch", async () => {
    const rows = { instances: [wireInstance({ id: "a", name: "db" }), wireInstance({ id: "b", name: "db" }), wireInstance({ id: "c", name: "other" })] };
    const { cdb } = await serve(
      { method: "GET", path: "/instances", status: 200, body: rows },
      { method: "GET", path: "/instances", status: 200, body: rows },
      { method: "GET", path: "/instances", status: 200, body: rows },
    );
    expect((await cdb.instances.find("other")).id).toBe("c");
    await expect(cdb.instances.find("db")).rejects.toBeInstanceOf(NoUniqueMatch);
    await expect(cdb.instances.find("none")).rejects.toBeInstanceOf(NoSuchInstance);
  });

  it("delete, restart: 202 each; anything else is an error", async () => {
    const { cdb, seen } = await serve(
      { method: "DELETE", path: "/instances/i", status: 202 },
      { method: "POST", path: "/instances/i/action", status: 202 },
      { method: "DELETE", path: "/instances/j", status: 200 },
    );
    await cdb.instances.delete({ id: "i" });
    await cdb.instances.restart("i");
    expect(seen[1]!.body).toEqual({ restart: {} });
    await expect(cdb.instances.delete("j")).rejects.toBeInstanceOf(InvalidResponse);
  });

  it("resizeVolume: smaller or equal to an Instance's size → InvalidVolumeResize before any request; the service's 400 → the same", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/instances/inst-1", status: 200, body: { instance: wireInstance({ volume: { size: 4 } }) } },
      { method: "POST", path: "/instances/inst-1/action", status: 202 },
      { method: "POST", path: "/instances/other/action", status: 400, body: badRequestBody("The new volume 'size' must be larger than the current volume size of '10'.") },
    );
    const inst = await cdb.instances.get("inst-1");
    for (const size of [4, 3]) {
      const e = await inst.resizeVolume(size).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InvalidVolumeResize);
      expect(e).toBeInstanceOf(ValidationError);
      expect(e).toMatchObject({ field: "size", currentSize: 4, requestedSize: size });
    }
    expect(seen).toHaveLength(1);
    await inst.resizeVolume(8);
    expect(seen[1]!.body).toEqual({ resize: { volume: { size: 8 } } });
    await expect(cdb.instances.resizeVolume("other", 5)).rejects.toMatchObject({ currentSize: 10, requestedSize: 5 });
    await expect(cdb.instances.resizeVolume("other", 0)).rejects.toMatchObject({ field: "size" });
  });

  it("enableRoot returns root's password without ever printing it; isRootEnabled reads rootEnabled", async () => {
    const secret = "Xy9-root-pw-7f3e";
    const { cdb, seen } = await serve(
      { method: "POST", path: "/instances/i/root", status: 200, body: { user: { name: "root", password: secret } } },
      { method: "GET", path: "/instances/i/root", status: 200, body: { rootEnabled: true } },
      { method: "GET", path: "/instances/j/root", status: 404, body: notFoundBody("Resource j cannot be found.") },
    );
    const root = await cdb.instances.enableRoot("i");
    expect(root.name).toBe("root");
    expect(root.password).toBe(secret);
    expect(inspect(root)).not.toContain(secret);
    expect(JSON.stringify(root)).not.toContain(secret);
    expect(`${String(root)} ${Object.values(root).join(" ")}`).not.toContain(secret);
    expect(redact(`password=${secret}`)).not.toContain(secret);
    expect(seen[0]!.text).toBe("");
    expect(await cdb.instances.isRootEnabled("i")).toBe(true);
    await expect(cdb.instances.isRootEnabled("j")).rejects.toBeInstanceOf(NoSuchInstance);
  });

  it("waitFor polls until ACTIVE; ERROR rejects with InstanceFailed carrying the fault; attempts run out → WaitTimeout", async () => {
    const { cdb } = await serve(
      { method: "GET", path: "/instances/i", status: 200, body: { instance: wireInstance({ id: "i", status: "BUILD" }) } },
      { method: "GET", path: "/instances/i", status: 200, body: { instance: wireInstance({ id: "i", status: "ACTIVE" }) } },
      { method: "GET", path: "/instances/e", status: 200, body: { instance: wireInstance({ id: "e", status: "ERROR", fault: { message: "No valid host was found." } }) } },
      { method: "GET", path: "/instances/b", status: 200, body: { instance: wireInstance({ id: "b", status: "BUILD" }) } },
      { method: "GET", path: "/instances/b", status: 200, body: { instance: wireInstance({ id: "b", status: "BUILD" }) } },
    );
    expect((await cdb.instances.waitFor("i", "ACTIVE", { interval: 1 })).status).toBe("ACTIVE");
    const e = await cdb.instances.waitFor("e", "ACTIVE", { interval: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InstanceFailed);
    expect((e as InstanceFailed).message).toContain("No valid host was found.");
    await expect(cdb.instances.waitFor("b", "ACTIVE", { interval: 1, attempts: 2 })).rejects.toBeInstanceOf(WaitTimeout);
  });

  it("inst.waitFor refreshes the instance object itself, also when it ends in ERROR", async () => {
    const { cdb } = await serve(
      { method: "GET", path: "/instances/i", status: 200, body: { instance: wireInstance({ id: "i", status: "BUILD" }) } },
      { method: "GET", path: "/instances/i", status: 200, body: { instance: wireInstance({ id: "i", status: "BUILD" }) } },
      { method: "GET", path: "/instances/i", status: 200, body: { instance: wireInstance({ id: "i", status: "ACTIVE", hostname: "db.example" }) } },
      { method: "GET", path: "/instances/i", status: 200, body: { instance: wireInstance({ id: "i", status: "ERROR" }) } },
    );
    const inst = await cdb.instances.get("i");
    expect(inst.status).toBe("BUILD");
    expect(await inst.waitFor("ACTIVE", { interval: 1 })).toBe(inst);
    expect(inst).toMatchObject({ status: "ACTIVE", hostname: "db.example" });
    await expect(inst.waitFor("RESIZE", { interval: 1 })).rejects.toBeInstanceOf(InstanceFailed);
    expect(inst.status).toBe("ERROR");
  });

  it("waitFor 'deleted' resolves when the instance is gone (an ERROR instance on its way out included)", async () => {
    const { cdb } = await serve(
      { method: "GET", path: "/instances/i", status: 200, body: { instance: wireInstance({ id: "i", status: "ERROR" }) } },
      { method: "GET", path: "/instances/i", status: 200, body: { instance: wireInstance({ id: "i", status: "SHUTDOWN" }) } },
      { method: "GET", path: "/instances/i", status: 404, body: notFoundBody("Resource i cannot be found.") },
    );
    expect((await cdb.instances.waitFor("i", "deleted", { interval: 1 })).status).toBe("DELETED");
  });

  it("an Instance prints its data once (raw hidden) and reload refreshes it in place", async () => {
    const { cdb } = await serve(
      { method: "GET", path: "/instances/i", status: 200, body: { instance: wireInstance({ id: "i", status: "BUILD" }) } },
      { method: "GET", path: "/instances/i", status: 200, body: { instance: wireInstance({ id: "i", status: "ACTIVE" }) } },
    );
    const inst = await cdb.instances.get("i");
    expect(Object.keys(inst)).not.toContain("raw");
    expect(inst.raw.hostname).toBe(inst.hostname);
    await inst.reload();
    expect(inst.status).toBe("ACTIVE");
  });
});
