import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cinderState } from "../src/block-storage/model";
import { computeState } from "../src/compute/model";
import { type Session, session } from "./helpers";

// Cinder (v1 and v3) and Nova's os-volume_attachments as the emulator serves them, over plain HTTP (no SDK).
let s: Session;
let cinder: string;
let nova: string;
const UBUNTU = "5cc098a5-7286-4b96-b3a2-49f4c4f82537";

beforeAll(async () => {
  s = await session();
  cinder = s.catalog.find((c) => c.type === "volume")!.endpoints.find((e) => e.region === "DFW")!.publicURL!;
  nova = s.catalog.find((c) => c.type === "compute")!.endpoints.find((e) => e.region === "DFW")!.publicURL!;
  computeState(s.emu.state).timings.build = 0;
});
afterAll(async () => {
  await s?.emu.stop();
});

const send = (base: string, method: string, path: string, body?: unknown) =>
  fetch(`${base}${path}`, { method, headers: { "x-auth-token": s.token, "content-type": "application/json", accept: "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const c = (method: string, path: string, body?: unknown) => send(cinder, method, path, body);
const v3 = (method: string, path: string, body?: unknown) => send(cinder.replace("/v1/", "/v3/"), method, path, body);
const clock = () => s.emu.state.clock;
const settle = () => clock().advance(5000);
const volume = async (body: Record<string, unknown>) => ((await (await c("POST", "/volumes", { volume: body })).json()) as { volume: Record<string, any> }).volume;

describe("Cinder in the emulator", () => {
  it("is in the catalog as volume / cloudBlockStorage at /v1/<tenant>, and needs a token", async () => {
    expect(cinder).toMatch(/\/v1\/[^/]+$/);
    expect((await fetch(`${cinder}/volumes`)).status).toBe(401);
  });

  it("lists the SATA and SSD types (numeric ids on v1)", async () => {
    expect(await (await c("GET", "/types")).json()).toEqual({ volume_types: [{ id: 1, name: "SATA", extra_specs: {} }, { id: 2, name: "SSD", extra_specs: {} }] });
    expect((await (await c("GET", "/types/2")).json()) as object).toMatchObject({ volume_type: { name: "SSD" } });
    const missing = await c("GET", "/types/9");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ itemNotFound: { code: 404, message: "Volume type 9 could not be found." } });
  });

  it("creates a volume (v1: 200, display_name) creating → available; size limits per type as badRequest", async () => {
    const res = await c("POST", "/volumes", { volume: { size: 500, display_name: "fast", volume_type: "SSD" } });
    expect(res.status).toBe(200);
    const vol = ((await res.json()) as { volume: Record<string, unknown> }).volume;
    expect(vol).toMatchObject({ display_name: "fast", size: 500, volume_type: "SSD", status: "creating", availability_zone: "nova", attachments: [] });
    settle();
    expect(((await (await c("GET", `/volumes/${vol.id}`)).json()) as { volume: { status: string } }).volume.status).toBe("available");
    for (const [size, type] of [[74, "SATA"], [49, "SSD"], [1025, "SSD"], [0, "SATA"]] as const) {
      const bad = await c("POST", "/volumes", { volume: { size, volume_type: type } });
      expect(bad.status).toBe(400);
      expect(Object.keys((await bad.json()) as object)).toEqual(["badRequest"]);
    }
    expect((await c("POST", "/volumes", { volume: { size: 100, volume_type: "NVMe" } })).status).toBe(404);
  });

  it("v3 speaks name/description, answers 202 and pages with volumes_links", async () => {
    const res = await v3("POST", "/volumes", { volume: { size: 100, name: "three", description: "d" } });
    expect(res.status).toBe(202);
    expect(((await res.json()) as { volume: object }).volume).toMatchObject({ name: "three", description: "d", bootable: "false" });
    const first = (await (await v3("GET", "/volumes/detail?limit=1")).json()) as { volumes: Array<{ id: string }>; volumes_links: Array<{ rel: string; href: string }> };
    expect(first.volumes).toHaveLength(1);
    expect(first.volumes_links[0]!.rel).toBe("next");
    expect(first.volumes_links[0]!.href).toContain(`marker=${first.volumes[0]!.id}`);
  });

  it("attach through Nova: available → attaching → in-use; then no delete, no snapshot without force; detach → available", async () => {
    const srv = ((await (await send(nova, "POST", "/servers", { server: { name: "web", imageRef: UBUNTU, flavorRef: "general1-1" } })).json()) as { server: { id: string } }).server;
    settle();
    const vol = await volume({ size: 100, display_name: "data" });
    settle();
    const a = await send(nova, "POST", `/servers/${srv.id}/os-volume_attachments`, { volumeAttachment: { volumeId: vol.id, device: "/dev/xvdb" } });
    expect(a.status).toBe(200);
    expect(await a.json()).toEqual({ volumeAttachment: { id: vol.id, volumeId: vol.id, serverId: srv.id, device: "/dev/xvdb" } });
    expect(((await (await c("GET", `/volumes/${vol.id}`)).json()) as { volume: { status: string } }).volume.status).toBe("attaching");
    settle();
    const attached = ((await (await c("GET", `/volumes/${vol.id}`)).json()) as { volume: { status: string; attachments: object[] } }).volume;
    expect(attached.status).toBe("in-use");
    expect(attached.attachments).toEqual([{ id: vol.id, volume_id: vol.id, server_id: srv.id, device: "/dev/xvdb" }]);
    expect((await send(nova, "POST", `/servers/${srv.id}/os-volume_attachments`, { volumeAttachment: { volumeId: vol.id } })).status).toBe(400);
    expect((await send(nova, "POST", `/servers/nope/os-volume_attachments`, { volumeAttachment: { volumeId: vol.id } })).status).toBe(404);
    const del = await c("DELETE", `/volumes/${vol.id}`);
    expect(del.status).toBe(400);
    expect(((await del.json()) as { badRequest: { message: string } }).badRequest.message).toContain("attached");
    expect((await c("POST", "/snapshots", { snapshot: { volume_id: vol.id, force: false } })).status).toBe(400);
    const forced = await c("POST", "/snapshots", { snapshot: { volume_id: vol.id, force: "true", display_name: "f" } });
    expect(forced.status).toBe(200);
    const listed = (await (await send(nova, "GET", `/servers/${srv.id}/os-volume_attachments`)).json()) as { volumeAttachments: object[] };
    expect(listed.volumeAttachments).toHaveLength(1);
    expect((await send(nova, "DELETE", `/servers/${srv.id}/os-volume_attachments/${vol.id}`)).status).toBe(202);
    expect(((await (await c("GET", `/volumes/${vol.id}`)).json()) as { volume: { status: string } }).volume.status).toBe("detaching");
    settle();
    expect(((await (await c("GET", `/volumes/${vol.id}`)).json()) as { volume: { status: string; attachments: object[] } }).volume).toMatchObject({ status: "available", attachments: [] });
  });

  it("with timings.reserve above 0 (a modern Nova's attach): available → reserved → attaching → in-use, no attachment listed before in-use; detach refused meanwhile", async () => {
    const t = cinderState(s.emu.state).timings;
    t.reserve = 1000;
    try {
      const srv = ((await (await send(nova, "POST", "/servers", { server: { name: "web-v3", imageRef: UBUNTU, flavorRef: "general1-1" } })).json()) as { server: { id: string } }).server;
      settle();
      const vol = await volume({ size: 100 });
      settle();
      const get = async () => ((await (await c("GET", `/volumes/${vol.id}`)).json()) as { volume: { status: string; attachments: object[] } }).volume;
      expect((await send(nova, "POST", `/servers/${srv.id}/os-volume_attachments`, { volumeAttachment: { volumeId: vol.id } })).status).toBe(200);
      expect(await get()).toMatchObject({ status: "reserved", attachments: [] });
      const early = await send(nova, "DELETE", `/servers/${srv.id}/os-volume_attachments/${vol.id}`);
      expect(early.status).toBe(400);
      expect(((await early.json()) as { badRequest: { message: string } }).badRequest.message).toContain("must be 'in-use'");
      clock().advance(t.reserve);
      expect(await get()).toMatchObject({ status: "attaching", attachments: [] });
      clock().advance(t.attach);
      expect((await get()).status).toBe("in-use");
      // One clock jump over both steps lands both (the second counted from when the first landed).
      await send(nova, "DELETE", `/servers/${srv.id}/os-volume_attachments/${vol.id}`);
      settle();
      expect((await send(nova, "POST", `/servers/${srv.id}/os-volume_attachments`, { volumeAttachment: { volumeId: vol.id } })).status).toBe(200);
      clock().advance(t.reserve + t.attach);
      expect((await get()).status).toBe("in-use");
      // Leave the project's volume quota as it was for the tests after this one.
      await send(nova, "DELETE", `/servers/${srv.id}/os-volume_attachments/${vol.id}`);
      settle();
      expect((await c("DELETE", `/volumes/${vol.id}`)).status).toBe(202);
      await send(nova, "DELETE", `/servers/${srv.id}`);
      settle();
    } finally {
      t.reserve = 0;
    }
  });

  it("a volume with snapshots cannot be deleted; snapshots delete when available, then the volume goes deleting → 404", async () => {
    const vol = await volume({ size: 100 });
    settle();
    const snap = ((await (await c("POST", "/snapshots", { snapshot: { volume_id: vol.id, display_name: "s" } })).json()) as { snapshot: { id: string; status: string } }).snapshot;
    expect(snap.status).toBe("creating");
    expect((await c("DELETE", `/snapshots/${snap.id}`)).status).toBe(400);
    const blocked = await c("DELETE", `/volumes/${vol.id}`);
    expect(await blocked.json()).toEqual({ badRequest: { code: 400, message: "Invalid volume: Volume still has 1 dependent snapshots." } });
    settle();
    const only = (await (await c("GET", `/snapshots/detail?volume_id=${vol.id}`)).json()) as { snapshots: Array<{ id: string; status: string }> };
    expect(only.snapshots.map((x) => [x.id, x.status])).toEqual([[snap.id, "available"]]);
    const fromSnap = await c("POST", "/volumes", { volume: { snapshot_id: snap.id } });
    expect(((await fromSnap.json()) as { volume: { size: number; snapshot_id: string } }).volume).toMatchObject({ size: 100, snapshot_id: snap.id });
    expect((await c("DELETE", `/snapshots/${snap.id}`)).status).toBe(202);
    settle();
    expect((await c("GET", `/snapshots/${snap.id}`)).status).toBe(404);
    expect((await c("DELETE", `/volumes/${vol.id}`)).status).toBe(202);
    expect(((await (await c("GET", `/volumes/${vol.id}`)).json()) as { volume: { status: string } }).volume.status).toBe("deleting");
    settle();
    expect(await (await c("GET", `/volumes/${vol.id}`)).json()).toEqual({ itemNotFound: { code: 404, message: `Volume ${vol.id} could not be found.` } });
  });

  it("clones must be at least the source's size; metadata merges, replaces and deletes; quotas report usage", async () => {
    const src = await volume({ size: 200 });
    settle();
    const small = await c("POST", "/volumes", { volume: { size: 100, source_volid: src.id } });
    expect(((await small.json()) as { badRequest: { message: string } }).badRequest.message).toContain("Clones currently must be >= original volume size");
    expect((await c("POST", `/volumes/${src.id}/metadata`, { metadata: { a: "1" } })).status).toBe(200);
    expect(await (await c("POST", `/volumes/${src.id}/metadata`, { metadata: { b: "2" } })).json()).toEqual({ metadata: { a: "1", b: "2" } });
    expect(await (await c("PUT", `/volumes/${src.id}/metadata`, { metadata: { c: "3" } })).json()).toEqual({ metadata: { c: "3" } });
    expect((await c("DELETE", `/volumes/${src.id}/metadata/c`)).status).toBe(200);
    expect(await (await c("GET", `/volumes/${src.id}/metadata`)).json()).toEqual({ metadata: {} });
    const tenant = cinder.split("/").pop()!;
    const q = (await (await c("GET", `/os-quota-sets/${tenant}?usage=true`)).json()) as { quota_set: { volumes: { limit: number; in_use: number } } };
    expect(q.quota_set.volumes.limit).toBe(10);
    expect(q.quota_set.volumes.in_use).toBe(cinderState(s.emu.state).region("DFW").tenantVolumes(tenant).length);
  });
});
