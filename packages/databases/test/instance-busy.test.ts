import { HttpError, UnprocessableEntity } from "@rax/core";
import { describe, expect, it } from "vitest";
import { InstanceNotAvailable, NoSuchInstance } from "../src/index";
import { FLAVORS, notFoundBody, serve, wireInstance } from "./fixture";

// Trove's 422 body (trove/common/wsgi.py wraps UnprocessableEntity as `unprocessableEntity`), with
// Trove 18's wording for an action on an instance that is not ACTIVE.
const busy = (message: string) => ({ unprocessableEntity: { code: 422, message } });
const rebooting = "Instance i is not currently available for an action to be performed (task status was REBOOTING).";

describe("a request on a busy instance (Trove's 422)", () => {
  it("restart while it reboots → InstanceNotAvailable with the id, Trove's message and status; wait for ACTIVE and the retry goes through", async () => {
    const { cdb, seen } = await serve(
      { method: "GET", path: "/instances/i", status: 200, body: { instance: wireInstance({ id: "i", status: "REBOOT" }) } },
      { method: "POST", path: "/instances/i/action", status: 422, body: busy(rebooting) },
      { method: "GET", path: "/instances/i", status: 200, body: { instance: wireInstance({ id: "i", status: "ACTIVE" }) } },
      { method: "POST", path: "/instances/i/action", status: 202 },
    );
    const inst = await cdb.instances.get("i");
    const e = await inst.restart().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InstanceNotAvailable);
    expect(e).toBeInstanceOf(UnprocessableEntity);
    expect(e).toBeInstanceOf(HttpError);
    expect(e).toMatchObject({ name: "InstanceNotAvailable", instanceId: "i", instanceStatus: "REBOOTING", status: 422, serverMessage: rebooting });
    expect((e as Error).message).toContain(rebooting);

    await inst.waitFor("ACTIVE", { interval: 1 });
    await inst.restart();
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(["GET /instances/i", "POST /instances/i/action", "GET /instances/i", "POST /instances/i/action"]);
  });

  it("resize, resizeVolume, delete, backup: Trove's status is read from each wording it has used", async () => {
    const { cdb } = await serve(
      { method: "POST", path: "/instances/b/action", status: 422, body: busy("Instance b is not currently available for an action to be performed (instance status was BUILD).") },
      { method: "GET", path: "/flavors", status: 200, body: FLAVORS },
      { method: "POST", path: "/instances/r/action", status: 422, body: busy("Instance is not currently available for an action to be performed (status was RESIZE).") },
      { method: "DELETE", path: "/instances/s", status: 422, body: busy("Instance s is not currently available for an action to be performed (instance status was SHUTDOWN).") },
      { method: "POST", path: "/backups", status: 422, body: busy("Instance k is not currently available for an action to be performed (task status was BACKUP).") },
    );
    await expect(cdb.instances.resizeVolume("b", 5)).rejects.toMatchObject({ name: "InstanceNotAvailable", instanceId: "b", instanceStatus: "BUILD" });
    await expect(cdb.instances.resize("r", 2)).rejects.toMatchObject({ instanceId: "r", instanceStatus: "RESIZE" });
    await expect(cdb.instances.delete("s")).rejects.toMatchObject({ instanceId: "s", instanceStatus: "SHUTDOWN" });
    const e = await cdb.backups.create("k", { name: "nightly" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InstanceNotAvailable);
    expect(e).toMatchObject({ instanceId: "k", instanceStatus: "BACKUP" });
  });

  it("databases, users and root while the guest is not ready → InstanceNotAvailable (no status named); a 404 stays NoSuchInstance", async () => {
    const notReady = busy("Instance g is not ready.");
    const { cdb } = await serve(
      { method: "POST", path: "/instances/g/databases", status: 422, body: notReady },
      { method: "POST", path: "/instances/g/users", status: 422, body: notReady },
      { method: "POST", path: "/instances/g/root", status: 422, body: notReady },
      { method: "POST", path: "/instances/gone/databases", status: 404, body: notFoundBody("Resource gone cannot be found.") },
    );
    for (const call of [
      () => cdb.databases.create("g", "shop"),
      () => cdb.users.create("g", { name: "app", password: "Pw-4d2f-not-logged" }),
      () => cdb.instances.enableRoot("g"),
    ]) {
      const e = await call().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InstanceNotAvailable);
      expect(e).toMatchObject({ instanceId: "g", serverMessage: "Instance g is not ready." });
      expect((e as InstanceNotAvailable).instanceStatus).toBeUndefined();
    }
    const gone = await cdb.databases.create("gone", "shop").catch((x: unknown) => x);
    expect(gone).toBeInstanceOf(NoSuchInstance);
    expect(gone).not.toBeInstanceOf(InstanceNotAvailable);
  });

  it("a backup still running refuses deletion with a plain UnprocessableEntity: it is about the backup, not an instance", async () => {
    const { cdb } = await serve({ method: "DELETE", path: "/backups/bk-1", status: 422, body: busy("Backup bk-1 cannot be deleted because it is running.") });
    const e = await cdb.backups.delete("bk-1").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnprocessableEntity);
    expect(e).not.toBeInstanceOf(InstanceNotAvailable);
  });
});
