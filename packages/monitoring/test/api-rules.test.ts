import { describe, expect, it } from "vitest";
import { PyraxMonitoring } from "../src/index";
import { created, serve } from "./fixture";

// Rules from Rackspace's Cloud Monitoring API reference (rackerlabs/docs-cloud-monitoring,
// api-docs/api-reference: the attribute tables of checks, entities and alarms, and the overview's
// filters) that the reference (monitoring.md) did not carry.

const refused = (p: Promise<unknown>) => p.then(() => "sent", (e: unknown) => e);
const remote = { label: "sample_check", type: "remote.http", details: { url: "http://example.com/some_page" }, period: 900, timeout: 20, monitoringZonesPoll: ["mzdfw", "mzlon", "mzsyd"] };

describe("checks: target_hostname is a hostname or an IP address", () => {
  it("the seed's call (target_hostname=\"http://example.com\") sends the URL's host, which is what the API takes", async () => {
    const { cm, seen } = await serve(created("/entities/en1/checks", "ch1"), { method: "GET", path: "/entities/en1/checks/ch1", status: 200, body: { id: "ch1", type: "remote.http", target_hostname: "example.com" } });
    await cm.checks.create("en1", { ...remote, targetHostname: "http://example.com" });
    expect((seen[0]!.body as Record<string, unknown>).target_hostname).toBe("example.com");
  });

  it.each([
    ["https://www.example.com:8443/some/page?x=1", "www.example.com"],
    ["http://[2001:db8::1]/", "2001:db8::1"],
    ["198.51.100.7", "198.51.100.7"],
    ["2001:db8::2", "2001:db8::2"],
    ["example.com.", "example.com."],
  ])("%s is sent as %s", async (given, sent) => {
    const { cm, seen } = await serve();
    await refused(cm.checks.create("en1", { ...remote, targetHostname: given }));
    expect((seen[0]!.body as Record<string, unknown>).target_hostname).toBe(sent);
  });

  it.each(["exa mple.com", "-bad.example.com", "under_score.example.com", "http://", `${"a".repeat(64)}.com`])("%j is refused before any request", async (given) => {
    const { cm, seen } = await serve();
    expect(await refused(cm.checks.create("en1", { ...remote, targetHostname: given }))).toMatchObject({ name: "ValidationError", field: "check.targetHostname" });
    expect(await refused(cm.checks.update("en1", "ch1", { targetHostname: given }))).toMatchObject({ field: "changes.targetHostname" });
    expect(seen).toEqual([]);
  });

  it("target_alias and the check type are at most 64 characters", async () => {
    const { cm, seen } = await serve();
    expect(await refused(cm.checks.create("en1", { ...remote, targetAlias: "a".repeat(65) }))).toMatchObject({ field: "check.targetAlias" });
    expect(await refused(cm.checks.create("en1", { ...remote, targetHostname: "example.com", type: `remote.${"x".repeat(60)}` }))).toMatchObject({ field: "check.type" });
    expect(seen).toEqual([]);
  });
});

describe("entities and metadata", () => {
  it("agent_id follows the API's /^[-.\\w]{1,255}$/; at most 64 IP addresses and 256 metadata keys", async () => {
    const { cm, seen } = await serve();
    expect(await refused(cm.entities.create({ label: "e", agentId: "my agent" }))).toMatchObject({ field: "entity.agentId" });
    expect(await refused(cm.entities.update("en1", { agentId: "a/b" }))).toMatchObject({ field: "changes.agentId" });
    const ips = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`ip${i}`, `192.0.2.${i}`]));
    expect(await refused(cm.entities.create({ label: "e", ipAddresses: ips }))).toMatchObject({ field: "entity.ipAddresses" });
    const meta = Object.fromEntries(Array.from({ length: 257 }, (_, i) => [`k${i}`, "v"]));
    expect(await refused(cm.entities.create({ label: "e", metadata: meta }))).toMatchObject({ field: "entity.metadata" });
    expect(seen).toEqual([]);
    // The bounds themselves are accepted (sent; no answer is left on the loopback server).
    await refused(cm.entities.create({ label: "e", agentId: "agent-1.web_2", ipAddresses: Object.fromEntries(Object.entries(ips).slice(0, 64)) }));
    expect(seen).toHaveLength(1);
  });
});

describe("alarms: criteria are optional (the check's availability decides)", () => {
  it("create without criteria sends none, as pyrax's create_alarm(entity, check, plan) does; blank criteria are refused", async () => {
    const got = { method: "GET", path: "/entities/en1/alarms/al1", status: 200, body: { id: "al1", check_id: "ch1", notification_plan_id: "np1" } };
    const { cm, seen } = await serve(created("/entities/en1/alarms", "al1"), got, created("/entities/en1/alarms", "al1"), got);
    const alarm = await cm.alarms.create("en1", { check: "ch1", notificationPlan: "np1" });
    expect(seen[0]!.body).toEqual({ check_id: "ch1", notification_plan_id: "np1", disabled: false });
    expect(alarm).toMatchObject({ id: "al1", criteria: "" });
    await new PyraxMonitoring(cm.session).createAlarm("en1", "ch1", "np1");
    expect(seen[2]!.body).toEqual({ check_id: "ch1", notification_plan_id: "np1", disabled: false });
    await expect(cm.alarms.create("en1", { check: "ch1", notificationPlan: "np1", criteria: "  " })).rejects.toMatchObject({ field: "alarm.criteria" });
    expect(seen).toHaveLength(4);
  });
});

describe("time series collections (changelogs, audits)", () => {
  it("reverse: true asks for newest first (the API's `reverse`); left out, nothing is sent", async () => {
    const page = { status: 200, body: { values: [], metadata: { next_marker: null } } };
    const { cm, seen } = await serve({ method: "GET", path: "/changelogs/alarms", ...page }, { method: "GET", path: "/audits", ...page }, { method: "GET", path: "/changelogs/alarms", ...page });
    await cm.changelogs.list({ entity: "en1", reverse: true }).toArray();
    await cm.account.audits({ reverse: true }).toArray();
    await cm.changelogs.list().toArray();
    expect(seen.map((x) => x.query.get("reverse"))).toEqual(["true", "true", null]);
    expect(seen[0]!.query.get("entityId")).toBe("en1");
  });
});

describe("notification updates send the type with new details (pyrax's update_notification, the API's example)", () => {
  it("an id is read first for its type; a Notification object carries it; the details are checked against it", async () => {
    const nt = { id: "nt1", label: "mail", type: "email", details: { address: "me@example.com" } };
    const { cm, seen } = await serve(
      { method: "GET", path: "/notifications/nt1", status: 200, body: nt },
      { method: "PUT", path: "/notifications/nt1", status: 204 },
      { method: "GET", path: "/notifications/nt1", status: 200, body: nt },
      { method: "PUT", path: "/notifications/nt1", status: 204 },
      { method: "GET", path: "/notifications/nt1", status: 200, body: nt },
      { method: "GET", path: "/notifications/nt1", status: 200, body: nt },
    );
    await cm.notifications.update("nt1", { details: { address: "you@example.com" } });
    expect(seen.slice(0, 2).map((x) => x.method)).toEqual(["GET", "PUT"]);
    expect(seen[1]!.body).toEqual({ type: "email", details: { address: "you@example.com" } });
    const n = await cm.notifications.get("nt1");
    await n.update({ details: { address: "them@example.com" } });
    expect(seen[3]!.body).toEqual({ type: "email", details: { address: "them@example.com" } });
    // Email details without an address are refused once the type is known, before the PUT.
    await expect(cm.notifications.update("nt1", { details: { url: "https://example.com/" } })).rejects.toMatchObject({ field: "changes.details.address" });
    expect(seen.map((x) => x.method)).toEqual(["GET", "PUT", "GET", "PUT", "GET", "GET"]);
  });
});

describe("alarm updates send only what is given", () => {
  it("renaming a disabled alarm leaves it disabled (pyrax's update_alarm sent disabled=false every time)", async () => {
    const { cm, seen } = await serve({ method: "PUT", path: "/entities/en1/alarms/al1", status: 204 });
    await cm.alarms.update("en1", "al1", { label: "renamed" });
    expect(seen[0]!.body).toEqual({ label: "renamed" });
  });

  it("create and update take pyrax's name for label (create_alarm / update_alarm(…, name=…)); a differing label and name is refused", async () => {
    const { cm, seen } = await serve(
      created("/entities/en1/alarms", "al2"),
      { method: "GET", path: "/entities/en1/alarms/al2", status: 200, body: { id: "al2", check_id: "ch1", notification_plan_id: "np1", criteria: "", disabled: false, label: "byname" } },
      { method: "PUT", path: "/entities/en1/alarms/al2", status: 204 },
    );
    expect((await cm.alarms.create("en1", { check: "ch1", notificationPlan: "np1", name: "byname" })).label).toBe("byname");
    expect(seen[0]!.body).toEqual({ check_id: "ch1", notification_plan_id: "np1", disabled: false, label: "byname" });
    await cm.alarms.update("en1", "al2", { name: "renamed" });
    expect(seen.at(-1)!.body).toEqual({ label: "renamed" });
    await expect(cm.alarms.create("en1", { check: "ch1", notificationPlan: "np1", label: "a", name: "b" })).rejects.toMatchObject({ field: "alarm.name" });
    await expect(cm.alarms.update("en1", "al2", { label: "a", name: "b" })).rejects.toMatchObject({ field: "changes.name" });
    expect(seen).toHaveLength(3);
  });
});

describe("pyrax's flat calls the seed's client has", () => {
  it("test_notification(notification_type=…, details=…) and the agent-token calls", async () => {
    const { cm, seen } = await serve(
      { method: "POST", path: "/test-notification", status: 200, body: { status: "success", message: "ok" } },
      { method: "POST", path: "/notifications/nt1/test", status: 200, body: { status: "success", message: "ok" } },
      { method: "POST", path: "/agent_tokens", status: 201, headers: { "x-object-id": "tok1", location: "http://x/v1.0/123456/agent_tokens/tok1" } },
      { method: "GET", path: "/agent_tokens/tok1", status: 200, body: { id: "tok1", label: "web", token: "tok1" } },
      { method: "DELETE", path: "/agent_tokens/tok1", status: 204 },
    );
    const py = new PyraxMonitoring(cm.session);
    expect(await py.testNotification({ type: "webhook", details: { url: "https://example.com/hook" } })).toMatchObject({ status: "success" });
    await py.testNotification({ id: "nt1" });
    const t = await py.createAgentToken("web");
    await py.deleteAgentToken(t);
    expect(seen.map((x) => `${x.method} ${x.path}`)).toEqual(["POST /test-notification", "POST /notifications/nt1/test", "POST /agent_tokens", "GET /agent_tokens/tok1", "DELETE /agent_tokens/tok1"]);
    expect(seen[0]!.body).toEqual({ type: "webhook", details: { url: "https://example.com/hook" } });
    expect(seen[2]!.body).toEqual({ label: "web" });
  });
});

describe("overview filters", () => {
  it("entity or uri, not both (the API refuses both); several uris repeat the key", async () => {
    const { cm, seen } = await serve({ method: "GET", path: "/views/overview", status: 200, body: { values: [], metadata: { next_marker: null } } });
    expect(() => cm.overview.get({ entity: "en1", uri: "https://ord.servers.api.rackspacecloud.com/1/servers/abc" })).toThrow(expect.objectContaining({ field: "options.uri" }));
    await cm.overview.get({ uri: ["u1", "u2"] }).toArray();
    expect(seen[0]!.query.getAll("uri")).toEqual(["u1", "u2"]);
  });
});
