import { describe, expect, it } from "vitest";
import { serve } from "./fixture";

async function refusal(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to be refused");
}

// zod/mini loads no locale: a schema parsed directly (schema.safeParse) says only "Invalid input".
// Users read these messages, so every parse goes through core and each refusal names its rule in English.
describe("what a refusal says", () => {
  it.each([
    [{ from: -1, to: 10, points: 5 }, "range.from: Too small: expected number to be >=0"],
    [{ from: 10, to: 5, points: 5 }, "range.to: must be after from"],
    [{ from: 0, to: 10, points: 1441 }, "range.points: must be at most 1440 (the service's maximum per request)"],
    [{ from: 0, to: 10 }, "range.points: give exactly one of points or resolution"],
  ])("data points %j → %s", async (range, message) => {
    const { cm, seen } = await serve();
    expect(await refusal(() => cm.metrics.dataPoints("en1", "ch1", "mzdfw.average", range as never))).toMatchObject({ name: "ValidationError", message });
    expect(seen).toHaveLength(0);
  });

  it("paging options and a check's period, worded by the rule they break", async () => {
    const { cm, seen } = await serve();
    expect(await refusal(() => cm.entities.list({ pageSize: 1001 }))).toMatchObject({ message: "options.pageSize: Too big: expected number to be <=1000" });
    expect(await refusal(() => cm.entities.list({ limit: 2.5 }))).toMatchObject({ message: "options.limit: Invalid input: expected int, received number" });
    expect(await refusal(() => cm.checks.create("en1", { type: "agent.cpu", label: "c", period: 10 }))).toMatchObject({
      message: expect.stringMatching(/\.period: must be at least 30 seconds \(the service's minimum\)$/),
    });
    expect(seen).toHaveLength(0);
  });

  it("a field that takes one thing or a list says which (a failed union alone reads \"Invalid input\")", async () => {
    const { cm, seen } = await serve();
    expect(await refusal(() => cm.checks.create("en1", { type: "remote.ping", label: "c", monitoringZonesPoll: 5 as never, targetAlias: "a" }))).toMatchObject({
      message: "check.monitoringZonesPoll: must be a monitoring zone (id or object) or a non-empty list of them",
    });
    expect(await refusal(() => cm.notificationPlans.create({ label: "p", criticalState: 5 as never }))).toMatchObject({
      message: "plan.criticalState: must be a notification (id or object) or a list of them",
    });
    expect(await refusal(() => cm.overview.get({ entity: 5 as never }))).toMatchObject({ message: "options.entity: must be an entity (id or object) or a non-empty list of them" });
    expect(seen).toHaveLength(0);
  });

  it("a body that does not fit names the path and what was expected", async () => {
    const { cm } = await serve({ method: "GET", path: "/entities/en1", status: 200, body: { id: 5, label: "e" } });
    expect(await refusal(() => cm.entities.get("en1"))).toMatchObject({ name: "InvalidResponse", message: expect.stringContaining("id: Invalid input: expected string, received number") });
  });
});
