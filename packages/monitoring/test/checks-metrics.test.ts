import { inspect } from "node:util";
import { redact, ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { Check, MonitoringValidationError, NoSuchCheck, NoSuchEntity, NoSuchMonitoringResource } from "../src/index";
import { collection, created, maasError, serve } from "./fixture";

const wire = (over: Record<string, unknown> = {}) => ({
  id: "chAAAA0001",
  label: "sample_check",
  type: "remote.http",
  details: { url: "http://example.com/some_page" },
  disabled: false,
  monitoring_zones_poll: ["mzdfw", "mzlon", "mzsyd"],
  timeout: 20,
  period: 900,
  target_alias: "",
  target_hostname: "example.com",
  target_resolver: "",
  ...over,
});
const seed = { label: "sample_check", type: "remote.http", details: { url: "http://example.com/some_page" }, period: 900, timeout: 20, monitoringZonesPoll: ["mzdfw", "mzlon", "mzsyd"], targetHostname: "example.com" };

describe("checks", () => {
  it("create (the seed's call) sends the wire names and returns the stored check", async () => {
    const { cm, seen } = await serve(created("/entities/en1/checks", "chAAAA0001"), { method: "GET", path: "/entities/en1/checks/chAAAA0001", status: 200, body: wire() });
    const chk = await cm.checks.create("en1", { ...seed, monitoringZonesPoll: [{ id: "mzdfw" }, "mzlon", "mzsyd"] });
    expect(seen[0]!.body).toEqual({ label: "sample_check", type: "remote.http", details: { url: "http://example.com/some_page" }, period: 900, timeout: 20, monitoring_zones_poll: ["mzdfw", "mzlon", "mzsyd"], target_hostname: "example.com" });
    expect(chk).toBeInstanceOf(Check);
    // "" targets are the service's "not used": absent here.
    expect(chk).toMatchObject({ id: "chAAAA0001", entityId: "en1", type: "remote.http", period: 900, timeout: 20, targetHostname: "example.com" });
    expect(chk.targetAlias).toBeUndefined();
  });

  it.each([
    [{ period: 29 }, "check.period"],
    [{ period: 1801 }, "check.period"],
    [{ timeout: 900 }, "check.timeout"],
    [{ timeout: 1 }, "check.timeout"],
    [{ monitoringZonesPoll: undefined }, "check.monitoringZonesPoll"],
    [{ monitoringZonesPoll: [] }, "check.monitoringZonesPoll"],
    [{ targetHostname: undefined }, "check.targetAlias"],
    [{ targetAlias: "web" }, "check.targetHostname"],
    [{ type: "" }, "check.type"],
    [{ debug: true }, "check.debug"],
    [{ nope: 1 }, "check.nope"],
  ])("refuses %j before any request (%s)", async (over, field) => {
    const { cm, seen } = await serve();
    const e = await cm.checks.create("en1", { ...seed, ...over } as never).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).field).toBe(field);
    expect(seen).toHaveLength(0);
  });

  it("agent checks need no zones or target", async () => {
    const { cm, seen } = await serve(created("/entities/en1/checks", "ch2"), { method: "GET", path: "/entities/en1/checks/ch2", status: 200, body: wire({ id: "ch2", type: "agent.cpu" }) });
    await cm.checks.create("en1", { type: "agent.cpu", period: 60 });
    expect(seen[0]!.body).toEqual({ type: "agent.cpu", period: 60 });
  });

  it("test: true POSTs test-check (200, nothing created) and returns the runs; debug adds ?debug=true", async () => {
    const run = { timestamp: 1, monitoring_zone_id: "mzdfw", available: true, status: "code=200", metrics: { duration: { type: "I", data: 120 } } };
    const { cm, seen } = await serve({ method: "POST", path: "/entities/en1/test-check", status: 200, body: [run] }, { method: "POST", path: "/entities/en1/test-check", status: 200, body: [{ ...run, debug_info: { x: 1 } }] });
    const results = await cm.checks.create("en1", { ...seed, test: true });
    expect(results).toEqual([{ timestamp: 1, monitoringZoneId: "mzdfw", available: true, status: "code=200", metrics: { duration: { type: "I", data: 120 } }, raw: run }]);
    expect(seen[0]!.body).not.toHaveProperty("test");
    const debug = await cm.checks.testNew("en1", { ...seed, debug: true });
    expect(seen[1]!.query.get("debug")).toBe("true");
    expect(debug[0]!.debugInfo).toEqual({ x: 1 });
  });

  it("the service's 'Validation error for key' is MonitoringValidationError naming the key; 404s name entity or check", async () => {
    const { cm } = await serve(
      { method: "POST", path: "/entities/en1/checks", status: 400, body: maasError(400, "badRequest", "Validation error for key 'details.url'", "Missing required key") },
      { method: "GET", path: "/entities/en1/checks/chX", status: 404, body: maasError(404, "notFoundError", "Object does not exist") },
      { method: "GET", path: "/entities/enX/checks/ch1", status: 404, body: maasError(404, "parentNotFoundError", "Parent does not exist") },
    );
    const e = await cm.checks.create("en1", seed).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MonitoringValidationError);
    expect(e).toMatchObject({ key: "details.url", status: 400, details: "Missing required key" });
    await expect(cm.checks.get("en1", "chX")).rejects.toBeInstanceOf(NoSuchCheck);
    await expect(cm.checks.get("enX", "ch1")).rejects.toBeInstanceOf(NoSuchEntity);
  });

  it("update sends only the changes (timeout < period when both given); check.update reloads", async () => {
    const { cm, seen } = await serve(
      { method: "GET", path: "/entities/en1/checks/chAAAA0001", status: 200, body: wire() },
      { method: "PUT", path: "/entities/en1/checks/chAAAA0001", status: 204 },
      { method: "GET", path: "/entities/en1/checks/chAAAA0001", status: 200, body: wire({ period: 300, label: "renamed" }) },
    );
    await expect(cm.checks.update("en1", "c", { period: 60, timeout: 60 })).rejects.toMatchObject({ field: "changes.timeout" });
    const chk = await cm.checks.get("en1", "chAAAA0001");
    await chk.update({ period: 300, label: "renamed" });
    expect(seen[1]!.body).toEqual({ label: "renamed", period: 300 });
    expect(chk).toMatchObject({ period: 300, label: "renamed" });
  });

  it("update takes pyrax's name for label (update_check(check, name=…)); a differing label and name is refused", async () => {
    const { cm, seen } = await serve({ method: "PUT", path: "/entities/en1/checks/ch1", status: 204 });
    await cm.checks.update("en1", "ch1", { name: "renamed" });
    expect(seen[0]!.body).toEqual({ label: "renamed" });
    await expect(cm.checks.update("en1", "ch1", { label: "a", name: "b" })).rejects.toMatchObject({ field: "changes.name" });
    expect(seen).toHaveLength(1);
  });
});

describe("metrics", () => {
  it("data points of a metric the check lacks: the 404 names the metric, not the (existing) check", async () => {
    const { cm } = await serve(
      { method: "GET", path: "/entities/en1/checks/ch1/metrics/mzlon.average/plot", status: 404, body: maasError(404, "notFoundError", "Object does not exist", 'Object "Metric" with key "mzlon.average" does not exist') },
      { method: "GET", path: "/entities/en1/checks/ch2/metrics/mzdfw.average/plot", status: 404, body: maasError(404, "notFoundError", "Object does not exist", 'Object "Check" with key "ch2" does not exist') },
    );
    const range = { from: 1335744000000, to: 1335747600000, points: 10 };
    const e = await cm.metrics.dataPoints("en1", "ch1", "mzlon.average", range).catch((x: unknown) => x);
    expect(e).not.toBeInstanceOf(NoSuchCheck);
    expect(e).toBeInstanceOf(NoSuchMonitoringResource);
    expect(e).toMatchObject({ kind: "metric", id: "mzlon.average", status: 404 });
    await expect(cm.metrics.dataPoints("en1", "ch2", "mzdfw.average", range)).rejects.toBeInstanceOf(NoSuchCheck);
  });

  it("list per check; data points send from/to/resolution and repeat select", async () => {
    const { cm, seen } = await serve(
      { method: "GET", path: "/entities/en1/checks/ch1/metrics", status: 200, body: collection([{ name: "mzdfw.available" }, { name: "mzdfw.average" }]) },
      { method: "GET", path: "/entities/en1/checks/ch1/metrics/mzdfw.average/plot", status: 200, body: collection([{ numPoints: 1, average: 4, max: 5, timestamp: 1335744000000 }]) },
    );
    expect((await cm.metrics.list("en1", "ch1").toArray()).map((m) => m.name)).toEqual(["mzdfw.available", "mzdfw.average"]);
    const points = await cm.metrics.dataPoints("en1", "ch1", "mzdfw.average", { from: new Date(1335744000000), to: 1335830400000, resolution: "MIN60", select: ["average", "max"] });
    expect(points).toEqual([{ timestamp: 1335744000000, numPoints: 1, average: 4, max: 5, raw: expect.any(Object) }]);
    expect(seen[1]!.query.toString()).toBe("from=1335744000000&to=1335830400000&resolution=MIN60&select=average&select=max");
  });

  it.each([
    [{ from: 2, to: 1, points: 10 }, "range.to"],
    [{ from: 1, to: 2 }, "range.points"],
    [{ from: 1, to: 2, points: 10, resolution: "FULL" }, "range.points"],
    [{ from: 1, to: 2, points: 1441 }, "range.points"],
    [{ from: 1.5, to: 2, points: 1 }, "range.from"],
    [{ from: 1, to: 2, resolution: "MIN1" }, "range.resolution"],
    [{ from: 1, to: 2, points: 1, select: ["median"] }, "range.select.0"],
  ])("refuses the range %j before any request (%s)", async (range, field) => {
    const { cm, seen } = await serve();
    await expect(cm.metrics.dataPoints("en1", "ch1", "m", range as never)).rejects.toMatchObject({ field });
    expect(seen).toHaveLength(0);
  });
});

describe("credentials in details", () => {
  it("remote.http's auth_password and PagerDuty's service_key are readable but never printed", async () => {
    const password = "hunter2-check-password-0001";
    const key = "pd-service-key-0123456789abcdef";
    const { cm } = await serve(
      { method: "GET", path: "/entities/en1/checks/ch1", status: 200, body: wire({ id: "ch1", details: { url: "http://x/", auth_user: "me", auth_password: password } }) },
      { method: "GET", path: "/notifications/nt1", status: 200, body: { id: "nt1", type: "pagerduty", label: "pd", details: { service_key: key } } },
    );
    const chk = await cm.checks.get("en1", "ch1");
    const n = await cm.notifications.get("nt1");
    expect(chk.details.auth_password).toBe(password);
    expect(n.details.service_key).toBe(key);
    for (const [obj, secret] of [[chk, password], [n, key]] as const) {
      for (const printed of [inspect(obj, { depth: 10 }), JSON.stringify(obj), JSON.stringify(obj.raw), inspect(obj.raw, { depth: 10 })]) expect(printed).not.toContain(secret);
      expect(redact(`x ${secret} y`)).not.toContain(secret);
    }
    expect(JSON.stringify(chk.details)).toContain('"auth_user":"me"');
  });

  it("the overview's checks keep auth_password out of prints, the row's raw included", async () => {
    const password = "hunter2-overview-password-0002";
    const row = { entity: { id: "en1", label: "e", ip_addresses: { web: "192.0.2.4" }, metadata: null }, checks: [wire({ id: "ch1", details: { url: "http://x/", auth_user: "me", auth_password: password } })], alarms: [], latest_alarm_states: [] };
    const { cm } = await serve({ method: "GET", path: "/views/overview", status: 200, body: { values: [row], metadata: { count: 1, limit: 100, marker: null, next_marker: null, next_href: null } } });
    const [view] = await cm.overview.get({ entity: "en1" }).toArray();
    expect(view!.checks[0]!.details.auth_password).toBe(password);
    expect((view!.raw.checks as { details: Record<string, unknown> }[])[0]!.details.auth_password).toBe(password);
    for (const printed of [inspect(view, { depth: 10 }), JSON.stringify(view), JSON.stringify(view!.raw)]) expect(printed).not.toContain(password);
  });

  it("a webhook notification's url (often an Auto Scale capability URL) is readable but never printed; a check's url is printed", async () => {
    const hook = "https://ord.autoscale.example/v1.0/execute/1/capability-hash-0f0f0f0f/";
    const { cm, seen } = await serve(
      { method: "GET", path: "/notifications/nt2", status: 200, body: { id: "nt2", type: "webhook", label: "scale up", details: { url: hook } } },
      { method: "GET", path: "/entities/en1/checks/ch2", status: 200, body: wire({ id: "ch2", details: { url: "http://example.com/page" } }) },
      { method: "GET", path: "/notifications/nt3", status: 200, body: { id: "nt3", type: "webhook", label: "chat", details: { url: "https://hooks.example/services/old" } } },
      { method: "PUT", path: "/notifications/nt3", status: 204 },
    );
    const n = await cm.notifications.get("nt2");
    expect(n.details.url).toBe(hook);
    // showHidden prints non-enumerable values and getters:true calls accessors; the raw form (no custom inspect) shows only `[Getter/Setter]`.
    const deep = [inspect(n, { showHidden: true, getters: true, depth: Infinity }), inspect(n, { showHidden: true, customInspect: false, depth: Infinity })];
    for (const printed of [inspect(n, { depth: 10 }), ...deep, JSON.stringify(n), JSON.stringify(n.raw)]) expect(printed).not.toContain("capability-hash");
    expect(deep[0]).toContain("scale up");
    n.details.url = `${hook}rotated`;
    expect(n.details.url).toBe(`${hook}rotated`);
    expect(JSON.stringify(n.details)).toBe("{}");
    expect(redact(`POST ${hook}`)).not.toContain("capability-hash");
    expect(JSON.stringify((await cm.checks.get("en1", "ch2")).details)).toContain("http://example.com/page");
    // an update of the details alone (by id: the type is read first, as pyrax does) registers the url before the request is logged
    const other = "https://hooks.example/services/T000/B000/secret-path-1234";
    await cm.notifications.update("nt3", { details: { url: other } });
    expect(seen.at(-1)!.body).toEqual({ type: "webhook", details: { url: other } });
    expect(redact(other)).not.toContain("secret-path-1234");
  });
});
