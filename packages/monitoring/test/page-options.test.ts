import { ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { collection, serve } from "./fixture";

// checkTypes, zones and notificationTypes hand their page options straight to the shared list code:
// call options given there instead (`zones.list({ signal })`) must be refused before any request, as
// entities.list refuses them, not ignored while the listing runs with no signal to stop it.
describe("page options of the plain lists", () => {
  it("checkTypes, zones and notificationTypes refuse unknown or bad page options before any request", async () => {
    const { cm, seen } = await serve();
    const signal = AbortSignal.abort();
    for (const list of [() => cm.checkTypes.list({ signal } as never), () => cm.zones.list({ signal } as never), () => cm.notificationTypes.list({ signal } as never), () => cm.zones.list({ pageSize: 0 })]) {
      let err: unknown;
      try {
        await list().toArray();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).field).toMatch(/^options/);
    }
    expect(seen).toHaveLength(0);
  });

  it("valid page options still page: pageSize is sent as the service's limit, marker as its marker", async () => {
    const { cm, seen } = await serve({ method: "GET", path: "/monitoring_zones", status: 200, body: collection([{ id: "mzdfw", label: "dfw", country_code: "US", source_ips: [] }]) });
    expect((await cm.zones.list({ pageSize: 5, marker: "mzdfw" }).toArray()).map((z) => z.id)).toEqual(["mzdfw"]);
    expect(Object.fromEntries(seen[0]!.query)).toMatchObject({ limit: "5", marker: "mzdfw" });
  });

  it("call options in their own slot are honoured: an aborted signal stops the listing", async () => {
    const { cm } = await serve();
    await expect(cm.checkTypes.list({}, { signal: AbortSignal.abort() }).toArray()).rejects.toMatchObject({ name: "AbortError" });
  });
});
