import { NotFound, waitUntil } from "@rax/core";
import { describe, expect, it } from "vitest";
import { Compute, NoSuchFlavor, NoSuchImage, PyraxCompute } from "../src/index";
import { serve } from "./fixture";

const flavor = (id: string, ram: number, over: Record<string, unknown> = {}) => ({ id, name: `${ram} MB`, ram, disk: 20, vcpus: 1, swap: "", rxtx_factor: 2, "OS-FLV-EXT-DATA:ephemeral": 0, ...over });

describe("flavors", () => {
  it("list converts Nova's fields (swap \"\" is 0, ephemeral, extra specs)", async () => {
    const { nova } = await serve({ method: "GET", path: "/flavors/detail", status: 200, body: { flavors: [flavor("2", 512, { "OS-FLV-WITH-EXT-SPECS:extra_specs": { class: "standard1" } })] } });
    const [f] = (await nova.flavors.list()).items;
    expect(f).toMatchObject({ id: "2", ram: 512, disk: 20, vcpus: 1, swap: 0, ephemeral: 0, rxtxFactor: 2, extraSpecs: { class: "standard1" } });
  });

  it("find returns the first flavor matching every criterion, as the seed's [f for f in list() if f.ram == 1024][0]", async () => {
    const flavors = [flavor("2", 512), flavor("general1-1", 1024), flavor("performance1-1", 1024)];
    const { nova } = await serve(
      { method: "GET", path: "/flavors/detail", status: 200, body: { flavors } },
      { method: "GET", path: "/flavors/detail", status: 200, body: { flavors } },
      { method: "GET", path: "/flavors/detail", status: 200, body: { flavors } },
    );
    expect((await nova.flavors.find({ ram: 1024 })).id).toBe("general1-1");
    expect((await nova.flavors.findAll({ ram: 1024 })).map((f) => f.id)).toEqual(["general1-1", "performance1-1"]);
    await expect(nova.flavors.find({ ram: 3 })).rejects.toBeInstanceOf(NoSuchFlavor);
  });

  it("find needs a criterion; get 404 is NoSuchFlavor", async () => {
    const { nova, seen } = await serve({ method: "GET", path: "/flavors/x", status: 404, body: { itemNotFound: { code: 404, message: "Flavor x could not be found." } } });
    await expect(nova.flavors.find({})).rejects.toMatchObject({ field: "criteria" });
    await expect(nova.flavors.get("x")).rejects.toBeInstanceOf(NoSuchFlavor);
    expect(seen).toHaveLength(1);
  });
});

describe("images as compute sees them", () => {
  const base = { id: "base-1", name: "Ubuntu 14.04 LTS (Trusty Tahr)", status: "ACTIVE", minDisk: 20, minRam: 512, metadata: { image_type: "base" } };
  const snap = { id: "snap-1", name: "nightly", status: "SAVING", progress: 25, minDisk: 20, minRam: 1024, metadata: { image_type: "snapshot" }, server: { id: "srv-1", links: [] } };

  it("tells base images from snapshots (pyrax list_base_images / list_snapshots)", async () => {
    const page = { method: "GET", path: "/images/detail", status: 200, body: { images: [base, snap] } };
    const { nova } = await serve(page, page, page);
    const all = (await nova.images.list()).items;
    expect(all.map((i) => [i.id, i.snapshot])).toEqual([["base-1", false], ["snap-1", true]]);
    expect(all[1]).toMatchObject({ server: { id: "srv-1" }, progress: 25, minRam: 1024 });
    expect((await nova.images.listBase()).map((i) => i.id)).toEqual(["base-1"]);
    expect((await nova.images.listSnapshots()).map((i) => i.id)).toEqual(["snap-1"]);
  });

  it("type SNAPSHOT / BASE is decided row by row, never sent: Nova compares it with Glance's image_type, which stock Nova's base images lack", async () => {
    const other = { ...base, id: "base-2", metadata: {} };
    const { nova, seen } = await serve(
      // Page 1: no snapshot at all, yet more follow. Page 2: one. Page 3 (short): none.
      { method: "GET", path: "/images/detail", status: 200, body: { images: [base, other], images_links: [{ rel: "next", href: "x" }] } },
      { method: "GET", path: "/images/detail", status: 200, body: { images: [snap, { ...other, id: "base-3" }], images_links: [{ rel: "next", href: "x" }] } },
      { method: "GET", path: "/images/detail", status: 200, body: { images: [{ ...other, id: "base-4" }] } },
      { method: "GET", path: "/images/detail", status: 200, body: { images: [base, snap] } },
    );
    expect((await nova.images.list({ type: "SNAPSHOT", pageSize: 2 }).toArray()).map((i) => i.id)).toEqual(["snap-1"]);
    expect(seen.map((r) => [r.query.get("type"), r.query.get("marker")])).toEqual([[null, null], [null, "base-2"], [null, "base-3"]]);
    expect((await nova.images.list({ type: "BASE" }).toArray()).map((i) => i.id)).toEqual(["base-1"]);
    expect(seen[3]!.query.has("type")).toBe(false);
  });

  it("a metadata key Nova does not have is a NotFound in Nova's words, not NoSuchImage", async () => {
    const { nova } = await serve(
      { method: "DELETE", path: "/images/snap-1/metadata/nope", status: 404, body: { itemNotFound: { code: 404, message: "Invalid metadata key" } } },
      { method: "DELETE", path: "/images/gone/metadata/a", status: 404, body: { itemNotFound: { code: 404, message: "Image not found." } } },
    );
    const e = await nova.images.deleteMetadata("snap-1", "nope").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NotFound);
    expect(e).not.toBeInstanceOf(NoSuchImage);
    expect((e as NotFound).message).toContain("Invalid metadata key");
    await expect(nova.images.deleteMetadata("gone", "a")).rejects.toBeInstanceOf(NoSuchImage);
  });

  it("waits for a snapshot to become ACTIVE, deletes it, and a 404 is NoSuchImage", async () => {
    const { nova } = await serve(
      { method: "GET", path: "/images/snap-1", status: 200, body: { image: snap } },
      { method: "GET", path: "/images/snap-1", status: 200, body: { image: { ...snap, status: "ACTIVE", progress: 100 } } },
      { method: "DELETE", path: "/images/snap-1", status: 204 },
      { method: "GET", path: "/images/snap-1", status: 404, body: { itemNotFound: { code: 404, message: "Image not found." } } },
    );
    const ready = await nova.images.waitFor("snap-1", "ACTIVE", { interval: 1 });
    expect(ready.status).toBe("ACTIVE");
    await ready.delete();
    await expect(nova.images.get("snap-1")).rejects.toBeInstanceOf(NoSuchImage);
  });

  it("image.waitFor refreshes the image object itself (SAVING → ACTIVE)", async () => {
    const { nova } = await serve(
      { method: "GET", path: "/images/snap-1", status: 200, body: { image: snap } },
      { method: "GET", path: "/images/snap-1", status: 200, body: { image: snap } },
      { method: "GET", path: "/images/snap-1", status: 200, body: { image: { ...snap, status: "ACTIVE", progress: 100 } } },
    );
    const img = await nova.images.get("snap-1");
    expect(img.status).toBe("SAVING");
    expect(await img.waitFor("ACTIVE", { interval: 1 })).toBe(img);
    expect(img).toMatchObject({ status: "ACTIVE", progress: 100 });
  });

  it("the seed's image = cs.images.get(id); wait_until(image, \"status\", [\"ACTIVE\", \"ERROR\"]): core's waitUntil polls image.reload()", async () => {
    const { nova, seen } = await serve(
      { method: "GET", path: "/images/snap-1", status: 200, body: { image: snap } },
      { method: "GET", path: "/images/snap-1", status: 200, body: { image: snap } },
      { method: "GET", path: "/images/snap-1", status: 200, body: { image: { ...snap, status: "ACTIVE", progress: 100 } } },
    );
    const image = await nova.images.get("snap-1");
    const done = await waitUntil(image, "status", ["ACTIVE", "ERROR"], { interval: 1 });
    expect(done).toBe(image);
    expect(image).toMatchObject({ status: "ACTIVE", progress: 100 });
    expect(seen).toHaveLength(3);
  });
});

describe("image metadata", () => {
  it("set merges with POST, delete goes key by key, get reads it", async () => {
    const { nova, seen } = await serve(
      { method: "POST", path: "/images/snap-1/metadata", status: 200, body: { metadata: { a: "1", b: "2" } } },
      { method: "DELETE", path: "/images/snap-1/metadata/a", status: 204 },
      { method: "GET", path: "/images/snap-1/metadata", status: 200, body: { metadata: { b: "2" } } },
    );
    expect(await nova.images.setMetadata("snap-1", { b: "2" })).toEqual({ a: "1", b: "2" });
    await nova.images.deleteMetadata("snap-1", "a");
    expect(await nova.images.getMetadata("snap-1")).toEqual({ b: "2" });
    expect(seen[0]!.body).toEqual({ metadata: { b: "2" } });
  });
});

describe("limits", () => {
  it("flattens rate limits and keeps absolute quotas", async () => {
    const { nova } = await serve({
      method: "GET",
      path: "/limits",
      status: 200,
      body: { limits: { rate: [{ uri: "/servers", regex: "^/servers", limit: [{ verb: "POST", value: 1000, remaining: 999, unit: "DAY", "next-available": "2026-12-01T00:00:00Z" }] }], absolute: { maxTotalInstances: 100, totalInstancesUsed: 3 } } },
    });
    expect(await nova.limits.get()).toEqual({
      rate: [{ uri: "/servers", regex: "^/servers", verb: "POST", value: 1000, remaining: 999, unit: "DAY", nextAvailable: "2026-12-01T00:00:00Z" }],
      absolute: { maxTotalInstances: 100, totalInstancesUsed: 3 },
    });
  });
});

describe("pyrax's flat names (PyraxCompute)", () => {
  it("listImages / listBaseImages / listSnapshots / listFlavors delegate to the namespaces", async () => {
    const images = { method: "GET", path: "/images/detail", status: 200, body: { images: [{ id: "b", name: "base", status: "ACTIVE" }, { id: "s", name: "snap", status: "ACTIVE", server: { id: "x" } }] } };
    const { nova } = await serve(images, images, images, { method: "GET", path: "/flavors/detail", status: 200, body: { flavors: [flavor("2", 512)] } });
    const cs = new PyraxCompute(nova.session);
    expect((await cs.listImages()).items.map((i) => i.id)).toEqual(["b", "s"]);
    expect((await cs.listBaseImages()).map((i) => i.id)).toEqual(["b"]);
    expect((await cs.listSnapshots()).map((i) => i.id)).toEqual(["s"]);
    expect((await cs.listFlavors()).items.map((f) => f.id)).toEqual(["2"]);
    expect(cs).toBeInstanceOf(Compute);
  });
});
