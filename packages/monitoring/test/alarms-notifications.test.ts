import { inspect } from "node:util";
import { InvalidResponse, redact, ValidationError } from "@rax/core";
import { describe, expect, it } from "vitest";
import { AlarmParseError, NoSuchNotificationPlan, PyraxMonitoring } from "../src/index";
import { collection, created, maasError, serve } from "./fixture";

const alarm = { id: "alAAAA0001", check_id: "ch1", notification_plan_id: "np1", criteria: "if (metric['average'] > 10) { return new AlarmStatus(WARNING); } return new AlarmStatus(OK);", disabled: false, label: "avg" };

describe("alarms", () => {
  it("create sends check, plan, criteria and disabled=false; criteria the service cannot parse is AlarmParseError", async () => {
    const { cm, seen } = await serve(
      created("/entities/en1/alarms", "alAAAA0001"),
      { method: "GET", path: "/entities/en1/alarms/alAAAA0001", status: 200, body: alarm },
      { method: "POST", path: "/entities/en1/alarms", status: 400, body: maasError(400, "alarmParseError", "Failed to parse alarm criteria", "Expected a value at position 24") },
    );
    const a = await cm.alarms.create({ id: "en1" }, { check: { id: "ch1" }, notificationPlan: "np1", criteria: alarm.criteria, label: "avg" });
    expect(seen[0]!.body).toEqual({ check_id: "ch1", notification_plan_id: "np1", criteria: alarm.criteria, disabled: false, label: "avg" });
    expect(a).toMatchObject({ id: "alAAAA0001", entityId: "en1", checkId: "ch1", notificationPlanId: "np1", criteria: alarm.criteria });
    const e = await cm.alarms.create("en1", { check: "ch1", notificationPlan: "np1", criteria: "if (" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AlarmParseError);
    expect((e as AlarmParseError).details).toContain("position 24");
  });

  it.each(["", "   \n"])("refuses empty criteria %j before any request", async (criteria) => {
    const { cm, seen } = await serve();
    await expect(cm.alarms.create("en1", { check: "ch1", notificationPlan: "np1", criteria })).rejects.toMatchObject({ field: "alarm.criteria" });
    await expect(cm.alarms.update("en1", "al1", { criteria })).rejects.toMatchObject({ field: "changes.criteria" });
    expect(seen).toHaveLength(0);
  });

  it("test runs criteria over check results (their raw rows) and returns states", async () => {
    const row = { timestamp: 5, monitoring_zone_id: "mzdfw", available: true, status: "ok", metrics: { average: { type: "n", data: 12 } } };
    const { cm, seen } = await serve({ method: "POST", path: "/entities/en1/test-alarm", status: 200, body: [{ timestamp: 5, state: "WARNING", status: "Alarm is WARNING" }] });
    const out = await cm.alarms.test("en1", { criteria: alarm.criteria, checkData: [{ raw: row }] });
    expect(seen[0]!.body).toEqual({ criteria: alarm.criteria, check_data: [row] });
    expect(out).toEqual([{ timestamp: 5, state: "WARNING", status: "Alarm is WARNING", raw: expect.any(Object) }]);
  });

  it("changelogs and overview pass the entity filter as entityId", async () => {
    const { cm, seen } = await serve(
      { method: "GET", path: "/changelogs/alarms", status: 200, body: collection([{ id: "c1", timestamp: 1320890228991, entity_id: "en1", alarm_id: "al1", check_id: "ch1", state: "WARNING", analyzed_by_monitoring_zone_id: "DFW" }]) },
      { method: "GET", path: "/views/overview", status: 200, body: collection([{ entity: { id: "en1", label: "e", ip_addresses: { default: "127.0.0.1" }, metadata: null }, checks: [], alarms: [alarm], latest_alarm_states: [{ alarm_id: "alAAAA0001", check_id: "ch1", entity_id: "en1", state: "OK", timestamp: 1 }] }]) },
    );
    const logs = await cm.changelogs.list({ entity: { id: "en1" } }).toArray();
    expect(logs[0]).toMatchObject({ id: "c1", entityId: "en1", alarmId: "al1", state: "WARNING", analyzedByMonitoringZoneId: "DFW" });
    const view = await cm.overview.get({ entity: ["en1", "en2"] }).toArray();
    expect(view[0]!.alarms[0]).toMatchObject({ id: "alAAAA0001", entityId: "en1" });
    expect(view[0]!.latestAlarmStates).toEqual([{ alarmId: "alAAAA0001", checkId: "ch1", entityId: "en1", state: "OK", timestamp: 1 }]);
    expect(seen[0]!.query.getAll("entityId")).toEqual(["en1"]);
    expect(seen[1]!.query.getAll("entityId")).toEqual(["en1", "en2"]);
  });
});

describe("notifications and plans", () => {
  it.each([
    [{ type: "webhook", details: {} }, "notification.details.url"],
    [{ type: "webhook", details: { url: "ftp://x" } }, "notification.details.url"],
    [{ type: "email", details: { address: "nobody" } }, "notification.details.address"],
    [{ type: "pagerduty", details: {} }, "notification.details.service_key"],
  ])("refuses %j before any request", async (input, field) => {
    const { cm, seen } = await serve();
    await expect(cm.notifications.create(input)).rejects.toMatchObject({ field });
    expect(seen).toHaveLength(0);
  });

  it("pyrax's create_notification('email', …) and a plan from notification objects", async () => {
    const nt = { id: "ntAAAA0001", label: "my_email_notification", type: "email", details: { address: "me@example.com" } };
    const { seen, cm } = await serve(
      created("/notifications", "ntAAAA0001"),
      { method: "GET", path: "/notifications/ntAAAA0001", status: 200, body: nt },
      created("/notification_plans", "npAAAA0001"),
      { method: "GET", path: "/notification_plans/npAAAA0001", status: 200, body: { id: "npAAAA0001", label: "default", critical_state: ["ntAAAA0001"], warning_state: ["ntAAAA0001"], ok_state: [] } },
      { method: "POST", path: "/notifications/ntAAAA0001/test", status: 200, body: { status: "success", message: "Success: Email successfully executed" } },
      { method: "DELETE", path: "/notification_plans/npNONE", status: 404, body: maasError(404, "notFoundError", "Object does not exist") },
    );
    const pyrax = new PyraxMonitoring(cm.session, { endpoint: cm.endpoint });
    const email = await pyrax.createNotification("email", { label: "my_email_notification", details: { address: "me@example.com" } });
    expect(seen[0]!.body).toEqual({ type: "email", details: { address: "me@example.com" }, label: "my_email_notification" });
    const plan = await pyrax.createNotificationPlan({ label: "default", criticalState: email, warningState: [email] });
    expect(seen[2]!.body).toEqual({ label: "default", critical_state: ["ntAAAA0001"], warning_state: ["ntAAAA0001"] });
    expect(plan).toMatchObject({ criticalState: ["ntAAAA0001"], okState: [] });
    expect(await email.test()).toMatchObject({ status: "success" });
    await expect(pyrax.deleteNotificationPlan("npNONE")).rejects.toBeInstanceOf(NoSuchNotificationPlan);
  });
});

describe("agent tokens", () => {
  it("the token is a secret: readable, never printed, serialised or in rax's redaction gaps", async () => {
    const secret = "f00dfeedcafe0123456789abcdef0123456789abcdef.abc";
    const { cm } = await serve(created("/agent_tokens", "at1"), { method: "GET", path: "/agent_tokens/at1", status: 200, body: { id: "at1", label: "agent", token: secret } });
    const t = await cm.agentTokens.create({ label: "agent" });
    expect(t.token).toBe(secret);
    for (const printed of [inspect(t, { showHidden: true, depth: 5 }), JSON.stringify(t), JSON.stringify(t.raw)]) expect(printed).not.toContain(secret);
    expect(redact(`token ${secret}`)).not.toContain(secret);
  });

  it("a token body that does not fit never shows the token in the error; another 2xx is an error", async () => {
    const secret = "0badc0de0badc0de0badc0de0badc0de0badc0de.zzz";
    const { cm } = await serve(
      { method: "GET", path: "/agent_tokens/at1", status: 200, body: { id: 5, token: secret } },
      { method: "GET", path: "/agent_tokens", status: 203, body: collection([{ id: "at2", token: secret }]) },
    );
    for (const call of [() => cm.agentTokens.get("at1"), () => cm.agentTokens.list().toArray()]) {
      const e = await call().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InvalidResponse);
      expect(`${(e as Error).message} ${inspect(e, { depth: 5 })}`).not.toContain(secret);
    }
  });

  it("refuses a label that is not a string", async () => {
    const { cm } = await serve();
    await expect(cm.agentTokens.update("at1", 5 as never)).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("account, audits, limits", () => {
  it("the account's webhook token is readable and never printed; update sends webhook_token; audits and limits parse", async () => {
    const token = "webhook-token-5f5f5f5f5f5f5f5f";
    const { cm, seen } = await serve(
      { method: "GET", path: "/account", status: 200, body: { id: "acAAAA", webhook_token: token, metadata: { team: "ops" } } },
      { method: "PUT", path: "/account", status: 204 },
      { method: "GET", path: "/audits", status: 200, body: collection([{ id: "a1", timestamp: 5, method: "POST", url: "/entities", app: "entities", statusCode: 201 }]) },
      { method: "GET", path: "/limits", status: 200, body: { resource: { checks: 1000, alarms: 10000 }, rate: { global: { limit: 50000, used: 3, window: "24.0 hours" } } } },
    );
    const a = await cm.account.get();
    expect(a.webhookToken).toBe(token);
    expect(a.metadata).toEqual({ team: "ops" });
    // showHidden lists a class's prototype getters and getters:true calls them.
    const deep = inspect(a, { showHidden: true, getters: true, depth: Infinity });
    for (const printed of [inspect(a, { showHidden: true, depth: 5 }), deep, inspect(a, { showHidden: true, customInspect: false }), JSON.stringify(a), JSON.stringify(a.raw)]) expect(printed).not.toContain(token);
    expect(deep).toMatch(/^Account \{[\s\S]*team/);
    await a.update({ webhookToken: "new-webhook-token-000000" });
    expect(seen[1]!.body).toEqual({ webhook_token: "new-webhook-token-000000" });
    expect(redact("new-webhook-token-000000")).not.toContain("new-webhook-token-000000");
    expect((await cm.account.audits({ from: 1 }).toArray())[0]).toMatchObject({ id: "a1", method: "POST", app: "entities", statusCode: 201 });
    expect(seen[2]!.query.get("from")).toBe("1");
    expect(await cm.account.limits()).toMatchObject({ resource: { checks: 1000 }, rate: { global: { limit: 50000, used: 3, window: "24.0 hours" } } });
  });
});
