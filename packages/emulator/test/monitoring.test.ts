import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Session, session } from "./helpers";

// Cloud Monitoring v1.0 as the emulator serves it, over plain HTTP (no SDK): monitoring.md's wire.
let s: Session;
let maas: string;

beforeAll(async () => {
  s = await session();
  const entry = s.catalog.find((c) => c.type === "rax:monitor")!;
  maas = entry.endpoints[0]!.publicURL!;
});
afterAll(async () => {
  await s?.emu.stop();
});

const call = (method: string, path: string, body?: unknown) =>
  fetch(`${maas}${path}`, { method, headers: { "x-auth-token": s.token, "content-type": "application/json", accept: "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const json = async (method: string, path: string, body?: unknown) => (await (await call(method, path, body)).json()) as any;
const create = async (path: string, body: unknown) => {
  const res = await call("POST", path, body);
  expect(res.status).toBe(201);
  expect(await res.text()).toBe("");
  return res.headers.get("x-object-id")!;
};
const clock = () => s.emu.state.clock;
const r404 = (res: Response) => res.status;

describe("Cloud Monitoring in the emulator", () => {
  it("is one global catalog entry rax:monitor / cloudMonitoring at /v1.0/<tenant>, and needs a token", async () => {
    const entry = s.catalog.find((c) => c.type === "rax:monitor")!;
    expect(entry.name).toBe("cloudMonitoring");
    expect(entry.endpoints).toHaveLength(1);
    expect(maas).toMatch(/\/v1\.0\/[^/]+$/);
    const res = await fetch(`${maas}/entities`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ type: "unauthorizedError", code: 401 });
  });

  it("creates an entity: 201, empty body, X-Object-ID and Location; GET returns it with ms timestamps", async () => {
    const res = await call("POST", "/entities", { label: "web1", ip_addresses: { default: "127.0.0.4" }, metadata: { role: "web" } });
    expect(res.status).toBe(201);
    const id = res.headers.get("x-object-id")!;
    expect(id).toMatch(/^en[A-Za-z0-9]{8}$/);
    expect(res.headers.get("location")).toBe(`${maas}/entities/${id}`);
    expect(await json("GET", `/entities/${id}`)).toMatchObject({ id, label: "web1", ip_addresses: { default: "127.0.0.4" }, metadata: { role: "web" }, created_at: expect.any(Number) });
  });

  it("pages {values, metadata}: marker is the first id of the next page; bad limits are 400 invalidLimit", async () => {
    for (let i = 0; i < 4; i++) await create("/entities", { label: `page-${i}` });
    const all = (await json("GET", "/entities")).values.map((e: { id: string }) => e.id);
    expect([...all].sort()).toEqual(all);
    const first = await json("GET", "/entities?limit=2");
    expect(first.values.map((e: { id: string }) => e.id)).toEqual(all.slice(0, 2));
    expect(first.metadata).toMatchObject({ count: 2, limit: 2, marker: null, next_marker: all[2] });
    expect(first.metadata.next_href).toBe(`${maas}/entities?limit=2&marker=${all[2]}`);
    const second = await json("GET", `/entities?limit=2&marker=${first.metadata.next_marker}`);
    expect(second.values[0].id).toBe(all[2]);
    for (const bad of ["0", "1001", "x"]) {
      const res = await call("GET", `/entities?limit=${bad}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ type: "invalidLimit", code: 400 });
    }
  });

  it("validates as the service does: 400 'Validation error for key …' naming the key", async () => {
    const en = await create("/entities", { label: "checks", ip_addresses: { default: "192.0.2.10" } });
    const base = { type: "remote.http", details: { url: "http://example.com/" }, monitoring_zones_poll: ["mzdfw"], target_alias: "default" };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, period: 29 }, "period"],
      [{ ...base, period: 60, timeout: 60 }, "timeout"],
      [{ ...base, type: "remote.nope" }, "type"],
      [{ ...base, monitoring_zones_poll: [] }, "monitoring_zones_poll"],
      [{ ...base, monitoring_zones_poll: ["mzmars"] }, "monitoring_zones_poll"],
      [{ ...base, target_alias: undefined }, "target_alias"],
      [{ ...base, target_hostname: "example.com" }, "target_alias"],
      [{ ...base, target_alias: "other" }, "target_alias"],
      [{ ...base, details: {} }, "details.url"],
    ];
    for (const [body, key] of cases) {
      const res = await call("POST", `/entities/${en}/checks`, body);
      expect(res.status, key).toBe(400);
      expect(await res.json()).toMatchObject({ type: "badRequest", code: 400, message: `Validation error for key '${key}'` });
    }
    await create(`/entities/${en}/checks`, { ...base, label: "ok" });
    await create(`/entities/${en}/checks`, { type: "agent.cpu", label: "agent" });
  });

  it("lists check types with the seed's remote.http fields, zones and notification types; 404 is notFoundError", async () => {
    const http = await json("GET", "/check_types/remote.http");
    expect(http.fields[0]).toEqual({ name: "url", description: "Target URL", optional: false });
    expect((await json("GET", "/monitoring_zones")).values.map((z: { id: string }) => z.id)).toEqual(["mzdfw", "mzhkg", "mziad", "mzlon", "mzord", "mzsyd"]);
    expect((await json("GET", "/notification_types")).values.map((t: { id: string }) => t.id).sort()).toEqual(["email", "pagerduty", "sms", "webhook"]);
    const res = await call("GET", "/check_types/remote.nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ type: "notFoundError", code: 404 });
    const trace = await json("POST", "/monitoring_zones/mzdfw/traceroute", { target: "192.0.2.1" });
    expect(trace.result.at(-1)).toMatchObject({ ip: "192.0.2.1" });
  });

  it("test-check runs once per zone without creating; metrics appear after one period; plot rolls them up", async () => {
    const en = await create("/entities", { label: "metrics", ip_addresses: { default: "192.0.2.20" } });
    const body = { type: "remote.ping", monitoring_zones_poll: ["mzdfw", "mzlon"], target_alias: "default", period: 60, timeout: 30 };
    const test = await call("POST", `/entities/${en}/test-check`, body);
    expect(test.status).toBe(200);
    const runs = (await test.json()) as any[];
    expect(runs.map((x) => x.monitoring_zone_id)).toEqual(["mzdfw", "mzlon"]);
    expect(runs[0].metrics.average).toMatchObject({ type: "n" });
    expect((await json("GET", `/entities/${en}/checks`)).values).toEqual([]);
    const ch = await create(`/entities/${en}/checks`, body);
    expect((await json("GET", `/entities/${en}/checks/${ch}/metrics`)).values).toEqual([]);
    const t0 = clock().now();
    clock().advance(10 * 60_000);
    const names = (await json("GET", `/entities/${en}/checks/${ch}/metrics`)).values.map((m: { name: string }) => m.name);
    expect(names).toContain("mzdfw.average");
    expect(names).toContain("mzlon.available");
    const plot = await json("GET", `/entities/${en}/checks/${ch}/metrics/mzdfw.average/plot?from=${t0}&to=${clock().now()}&resolution=FULL&select=average&select=max`);
    expect(plot.values).toHaveLength(10);
    expect(plot.values[0]).toEqual({ numPoints: 1, timestamp: expect.any(Number), average: expect.any(Number), max: expect.any(Number) });
    const again = await json("GET", `/entities/${en}/checks/${ch}/metrics/mzdfw.average/plot?from=${t0}&to=${clock().now()}&resolution=FULL&select=average&select=max`);
    expect(again).toEqual(plot);
    expect((await call("GET", `/entities/${en}/checks/${ch}/metrics/mzdfw.average/plot?from=${t0}&to=${clock().now()}`)).status).toBe(400);
    expect((await call("GET", `/entities/${en}/checks/${ch}/metrics/mzdfw.average/plot?from=${t0}&to=${clock().now()}&points=1441`)).status).toBe(400);
  });

  it("alarms: criteria are parsed (400 alarmParseError), test-alarm evaluates them, changelogs follow the clock", async () => {
    const en = await create("/entities", { label: "alarms", ip_addresses: { default: "192.0.2.30" } });
    const ch = await create(`/entities/${en}/checks`, { type: "remote.http", details: { url: "http://192.0.2.30/" }, monitoring_zones_poll: ["mzdfw"], target_alias: "default", period: 30, timeout: 10 });
    const nt = await create("/notifications", { label: "me", type: "email", details: { address: "me@example.com" } });
    const np = await create("/notification_plans", { label: "plan", critical_state: [nt], warning_state: [nt], ok_state: [nt] });
    const bad = await call("POST", `/entities/${en}/alarms`, { check_id: ch, notification_plan_id: np, criteria: "if (metric['duration'] > ) { return CRITICAL }" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ type: "alarmParseError", code: 400, details: expect.stringContaining("position") });
    const criteria = "if (metric['duration'] > 500) { return new AlarmStatus(CRITICAL, 'slow: #{duration} ms'); } return new AlarmStatus(OK);";
    const tested = await json("POST", `/entities/${en}/test-alarm`, { criteria, check_data: [{ timestamp: 1, metrics: { duration: { type: "I", data: 900 } } }, { timestamp: 2, metrics: { duration: { type: "I", data: 100 } } }] });
    expect(tested).toEqual([{ timestamp: 1, state: "CRITICAL", status: "slow: 900 ms" }, { timestamp: 2, state: "OK", status: "Everything is OK" }]);
    const al = await create(`/entities/${en}/alarms`, { check_id: ch, notification_plan_id: np, criteria, label: "slow" });
    expect(await json("GET", `/entities/${en}/alarms/${al}`)).toMatchObject({ id: al, check_id: ch, notification_plan_id: np, criteria, disabled: false });
    expect((await json("GET", `/changelogs/alarms?entityId=${en}`)).values).toEqual([]);
    clock().advance(30 * 30_000);
    const logs = (await json("GET", `/changelogs/alarms?entityId=${en}`)).values as any[];
    expect(logs.length).toBeGreaterThan(1);
    expect(logs[0]).toMatchObject({ entity_id: en, alarm_id: al, check_id: ch, analyzed_by_monitoring_zone_id: "mzdfw", previous_state: null });
    for (let i = 1; i < logs.length; i++) expect(logs[i].state).not.toBe(logs[i - 1].state);
    const view = await json("GET", `/views/overview?entityId=${en}`);
    expect(view.values).toHaveLength(1);
    expect(view.values[0].latest_alarm_states[0]).toMatchObject({ alarm_id: al, state: logs.at(-1).state });
    // A plan in use cannot go (mimic: 403 forbiddenError naming the alarms).
    const inUse = await call("DELETE", `/notification_plans/${np}`);
    expect(inUse.status).toBe(403);
    expect(await inUse.json()).toMatchObject({ type: "forbiddenError", message: expect.stringContaining(al) });
    // Deleting the entity takes its checks and alarms with it (as mimic does).
    expect((await call("DELETE", `/entities/${en}`)).status).toBe(204);
    expect(await json("GET", `/entities/${en}/checks`)).toMatchObject({ type: "parentNotFoundError" });
    expect(r404(await call("GET", `/views/overview?entityId=${en}`))).toBe(404);
    expect((await call("DELETE", `/notification_plans/${np}`)).status).toBe(204);
  });

  it("notifications test and update; agent tokens carry a token", async () => {
    const nt = await create("/notifications", { label: "hook", type: "webhook", details: { url: "https://example.com/hook" } });
    expect(await json("POST", `/notifications/${nt}/test`)).toMatchObject({ status: "success" });
    expect(await json("POST", "/test-notification", { type: "pagerduty", details: { service_key: "abc" } })).toMatchObject({ status: "success" });
    expect(await json("POST", "/notifications", { type: "webhook", details: {} })).toMatchObject({ message: "Validation error for key 'details.url'" });
    expect((await call("PUT", `/notifications/${nt}`, { details: { url: "https://example.com/other" } })).status).toBe(204);
    expect((await json("GET", `/notifications/${nt}`)).details).toEqual({ url: "https://example.com/other" });
    const at = await create("/agent_tokens", { label: "agent" });
    expect(await json("GET", `/agent_tokens/${at}`)).toMatchObject({ id: at, label: "agent", token: expect.any(String) });
  });

  it("account (webhook_token, metadata), audits of every change, limits counting test calls", async () => {
    const account = await json("GET", "/account");
    expect(account).toMatchObject({ id: expect.any(String), webhook_token: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect((await call("PUT", "/account", { metadata: { team: "ops" }, webhook_token: "rotated-token-000" })).status).toBe(204);
    expect(await json("GET", "/account")).toMatchObject({ webhook_token: "rotated-token-000", metadata: { team: "ops" } });
    const audits = (await json("GET", "/audits?limit=1000")).values as any[];
    expect(audits.at(-1)).toMatchObject({ method: "PUT", url: "/account", app: "account", statusCode: 204 });
    expect(audits.some((a) => a.method === "POST" && a.app === "entities" && a.statusCode === 201)).toBe(true);
    // Refused changes are not changes.
    expect(audits.every((a) => a.statusCode < 400)).toBe(true);
    const res = await call("GET", "/limits");
    expect(Object.fromEntries([...res.headers].filter(([k]) => k.startsWith("x-ratelimit-")))).toEqual({
      "x-ratelimit-type": "global",
      "x-ratelimit-limit": "50000",
      "x-ratelimit-used": expect.stringMatching(/^\d+$/),
      "x-ratelimit-window": "24.0 hours",
    });
    const limits = (await res.json()) as any;
    expect(limits.rate.global.used).toBe(Number(res.headers.get("x-ratelimit-used")));
    expect(limits.resource).toEqual({ checks: 1000, alarms: 10000 });
    expect(limits.rate.test_check).toMatchObject({ limit: 500, used: expect.any(Number) });
    expect(limits.rate.test_check.used).toBeGreaterThan(0);
  });
});
