import { Compute } from "@rax/compute";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emulatorTarget } from "../lib/target";
import * as createImage from "./create-image";
import * as createOptions from "./create-options";
import * as createServer from "./create-server";
import * as deleteServers from "./delete-servers";
import * as listFlavors from "./list-flavors";
import * as listImages from "./list-images";
import * as listServers from "./list-servers";
import * as resetState from "./reset-state";
import * as resizeServer from "./resize-server";
import * as sshKeys from "./ssh-keys";

// Every "Working with Cloud Servers" example, run against one emulator, checked for what it promises.
describe("compute examples (against @rax/emulator)", () => {
  let target: Awaited<ReturnType<typeof emulatorTarget>>;
  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    target = await emulatorTarget();
  });
  afterAll(async () => {
    await target?.stop();
    vi.restoreAllMocks();
  });

  it("list-servers shows the first page, every server, and filters by status", async () => {
    const r = await listServers.main(target);
    expect(r.all).toHaveLength(2);
    expect(r.firstPage).toEqual(r.all);
    expect(r.active).toEqual([]);
  });

  it("list-images lists names and tells base images from snapshots", async () => {
    const r = await listImages.main(target);
    expect(r.names).toContain("Ubuntu 14.04 LTS (Trusty Tahr) (PVHVM)");
    expect(r.base).toBe(r.names.length);
    expect(r.snapshots).toBe(0);
  });

  it("list-flavors prints sizes and finds the seed's image and 1 GB flavor", async () => {
    const r = await listFlavors.main(target);
    expect(r.count).toBeGreaterThan(5);
    expect(r.ubuImage).toBe("Ubuntu 14.04 LTS (Trusty Tahr) (PVHVM)");
    expect(r.flavor1GB).toBeDefined();
  });

  it("ssh-keys stores a public key and generates a pair whose private key is never printed", async () => {
    const r = await sshKeys.main(target);
    expect(r.names).toContain(r.name);
    expect(r.fingerprint).toMatch(/^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    expect(r.hasPrivateKey).toBe(true);
    expect(r.printed).not.toContain("PRIVATE KEY");
  });

  it("create-server builds to ACTIVE with progress, and wait_for_build agrees", async () => {
    const r = await createServer.main(target);
    expect(r.createdStatus).toBe("BUILD");
    expect(r.hadPassword).toBe(true);
    expect(r.built).toBe("ACTIVE");
    expect(r.again).toBe("ACTIVE");
    expect(r.progress.at(-1)).toBe(100);
    expect(r.networks.sort()).toEqual(["private", "public"]);
  });

  it("create-options keeps meta and key name, and refuses a number as metadata", async () => {
    const r = await createOptions.main(target);
    expect(r.metadata).toEqual({ test_key: "test_value", meaning_of_life: "42" });
    expect(r.keyName).toMatch(/^rax-example-key-/);
    expect(r.refused).toBe("server.meta.meaning_of_life");
  });

  it("delete-servers waits for the delete and deletes every server it listed", async () => {
    const r = await deleteServers.main(target);
    expect(r.goneIsNoSuchServer).toBe(true);
    expect(r.deleted).toBe(3);
  });

  it("create-image snapshots a server, waits for the image and clones from it", async () => {
    const r = await createImage.main(target);
    expect(r.status).toBe("ACTIVE");
    expect(r.fromServer).toBe(true);
    expect(r.cloneImage).toBe(r.imageId);
    expect(r.listed).toBe(true);
  });

  it("resize-server goes through VERIFY_RESIZE to the bigger flavor", async () => {
    const r = await resizeServer.main(target);
    expect(r.verifyFlavor).toBe(r.to);
    expect(r.finalFlavor).toBe(r.to);
    expect(r.finalStatus).toBe("ACTIVE");
  });

  it("reset-state puts the server back to ACTIVE", async () => {
    expect(await resetState.main(target)).toEqual({ broken: "ERROR", fixed: "ACTIVE" });
  });

  it("every example cleaned up its servers, keypairs and snapshots", async () => {
    const cs = target.ctx.client(Compute, { region: target.region });
    target.emulator.state.clock.advance(60_000); // deleted servers linger a moment, as on Nova
    expect((await cs.servers.list().toArray()).map((s) => s.name)).toEqual([]);
    expect(await cs.keypairs.list().toArray()).toEqual([]);
    expect(await cs.images.listSnapshots()).toEqual([]);
  });
});
