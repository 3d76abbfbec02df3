import { inspect } from "node:util";
import { InvalidResponse, ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { ChildrenExist, Entity, MonitoringValidationError, NoSuchEntity } from "../src/index";
import { collection, created, maasError, serve } from "./fixture";

const wire = (over: Record<string, unknown> = {}) => ({ id: "enAAAA0001", label: "web1", ip_addresses: { default: "192.0.2.4" }, metadata: { role: "web" }, agent_id: null, managed: false, created_at: 1700000000000, updated_at: 1700000000000, ...over });

describe("entities", () => {
  it("create sends only the fields given, reads X-Object-ID from the 201 and GETs the entity", async () => {
    const { cm, seen } = await serve(created("/entities", "enAAAA0001"), { method: "GET", path: "/entities/enAAAA0001", status: 200, body: wire() });
    const e = await cm.entities.create({ name: "web1", ipAddresses: { default: "192.0.2.4" }, metadata: { role: "web" } });
    expect(seen[0]!.body).toEqual({ label: "web1", ip_addresses: { default: "192.0.2.4" }, metadata: { role: "web" } });
    expect(e).toBeInstanceOf(Entity);
    expect(e).toMatchObject({ id: "enAAAA0001", label: "web1", name: "web1", ipAddresses: { default: "192.0.2.4" }, metadata: { role: "web" }, created: 1700000000000 });
    expect(inspect(e)).not.toContain("ip_addresses");
  });

  it("falls back to Location's last segment; a 201 naming no id, or a 200, is InvalidResponse", async () => {
    const { cm } = await serve(
      { method: "POST", path: "/entities", status: 201, headers: { location: "http://x/v1.0/123456/entities/enLOC00001" } },
      { method: "GET", path: "/entities/enLOC00001", status: 200, body: wire({ id: "enLOC00001" }) },
      { method: "POST", path: "/entities", status: 201 },
      { method: "POST", path: "/entities", status: 200, body: wire() },
    );
    expect((await cm.entities.create({ label: "x" })).id).toBe("enLOC00001");
    await expect(cm.entities.create({ label: "x" })).rejects.toBeInstanceOf(InvalidResponse);
    await expect(cm.entities.create({ label: "x" })).rejects.toBeInstanceOf(InvalidResponse);
  });

  it.each([
    [{}, "entity.label"],
    [{ label: "" }, "entity.label"],
    [{ label: "x", ipAddresses: { a: "1.2.34" } }, "entity.ipAddresses.a"],
    [{ label: "x", metadata: { n: 1 } }, "entity.metadata.n"],
    [{ label: "x", agent: "a" }, "entity.agent"],
  ])("refuses %j before any request (%s)", async (input, field) => {
    const { cm, seen } = await serve();
    const e = await cm.entities.create(input as never).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).field).toBe(field);
    expect(seen).toHaveLength(0);
  });

  it("list follows metadata.next_marker (the first id of the next page), not the last row's id", async () => {
    const { cm, seen } = await serve(
      { method: "GET", path: "/entities", status: 200, body: collection([wire({ id: "en1" }), wire({ id: "en2" })], "en3") },
      { method: "GET", path: "/entities", status: 200, body: collection([wire({ id: "en3" })]) },
    );
    const ids = (await cm.entities.list({ pageSize: 2 }).toArray()).map((e) => e.id);
    expect(ids).toEqual(["en1", "en2", "en3"]);
    expect(seen.map((s) => [s.query.get("limit"), s.query.get("marker")])).toEqual([["2", null], ["2", "en3"]]);
  });

  it("get 404 is NoSuchEntity; update sends snake_case and wants 204; delete with checks is ChildrenExist", async () => {
    const { cm, seen } = await serve(
      { method: "GET", path: "/entities/enNONE", status: 404, body: maasError(404, "notFoundError", "Object does not exist") },
      { method: "PUT", path: "/entities/en1", status: 204 },
      { method: "DELETE", path: "/entities/en1", status: 400, body: maasError(400, "childrenExistError", "Entity has children") },
      { method: "PUT", path: "/entities/en1", status: 400, body: maasError(400, "badRequest", "Validation error for key 'label'", "too long") },
    );
    await expect(cm.entities.get("enNONE")).rejects.toBeInstanceOf(NoSuchEntity);
    await cm.entities.update("en1", { agentId: "agent-1", metadata: { a: "b" } });
    expect(seen[1]!.body).toEqual({ agent_id: "agent-1", metadata: { a: "b" } });
    await expect(cm.entities.delete({ id: "en1" })).rejects.toBeInstanceOf(ChildrenExist);
    const e = await cm.entities.update("en1", { label: "x" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MonitoringValidationError);
    expect((e as MonitoringValidationError).key).toBe("label");
  });

  it("reads Rackspace's mock (mimic) leniently: metadata \"\", null plan states, a check without entity_id", async () => {
    const { cm } = await serve(
      { method: "GET", path: "/entities/enM", status: 200, body: { id: "enM", label: "m", metadata: "", ip_addresses: {}, agent_id: "a1b2", uri: null, managed: false, created_at: 1, updated_at: 1 } },
      { method: "GET", path: "/notification_plans/npM", status: 200, body: { id: "npM", label: "p", critical_state: null, warning_state: null, ok_state: null, metadata: null } },
      { method: "GET", path: "/entities/enM/checks/chM", status: 200, body: { id: "chM", type: "remote.ping", details: "", monitoring_zones_poll: ["mzord"], target_alias: null, metadata: null } },
      { method: "GET", path: "/entities/enGone/checks", status: 404, body: maasError(404, "notFoundError", "Object does not exist") },
    );
    expect(await cm.entities.get("enM")).toMatchObject({ id: "enM", metadata: {}, agentId: "a1b2" });
    expect(await cm.notificationPlans.get("npM")).toMatchObject({ criticalState: [], warningState: [], okState: [] });
    expect(await cm.checks.get("enM", "chM")).toMatchObject({ entityId: "enM", details: {}, metadata: {} });
    await expect(cm.checks.list("enGone").toArray()).rejects.toBeInstanceOf(NoSuchEntity);
  });
});
