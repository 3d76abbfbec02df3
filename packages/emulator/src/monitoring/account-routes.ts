import { randomBytes } from "node:crypto";
import { jsonResponse } from "../respond";
import { created, noContent } from "./created";
import { metadata, stringList, text } from "./field-rules";
import { invalid, MaasFault, notFound } from "./maas-errors";
import { intParam, isObject, jsonBody, type MaasRequest, page } from "./maas-request";
import { newId, type NotificationRecord, type PlanRecord } from "./model";
import { CHECK_TYPES, NOTIFICATION_TYPES, ZONES } from "./service-data";

// Account-wide resources: notifications, plans, types, zones, agent tokens, and the views
// (changelogs, overview) — monitoring.md Operations.

const bad = () => new MaasFault(405, "methodNotAllowed", "Method not allowed");

/** GET a read-only catalogue: the list or one row. */
function catalogue<T extends { id: string }>(r: MaasRequest, rows: readonly T[], what: string, id: string | undefined, view: (t: T) => unknown): Response {
  if (r.request.method !== "GET") throw bad();
  if (id === undefined) return jsonResponse(200, page(r, rows.map(view) as { id: string }[], (x) => x.id));
  const row = rows.find((x) => x.id === id);
  if (!row) throw notFound(what, id);
  return jsonResponse(200, view(row));
}

export function checkTypeRoutes(r: MaasRequest, [id]: string[]): Response {
  return catalogue(r, CHECK_TYPES, "CheckType", id, (t) => ({ id: t.id, type: t.type, fields: t.fields, ...(t.type === "agent" ? { supported_platforms: ["Linux", "Windows"] } : {}) }));
}
export function notificationTypeRoutes(r: MaasRequest, [id]: string[]): Response {
  return catalogue(r, NOTIFICATION_TYPES, "NotificationType", id, (t) => t);
}

export async function zoneRoutes(r: MaasRequest, [id, sub]: string[]): Promise<Response> {
  if (sub === undefined) return catalogue(r, ZONES, "MonitoringZone", id, (z) => z);
  const zone = ZONES.find((z) => z.id === id);
  if (!zone || sub !== "traceroute") throw notFound("MonitoringZone", id ?? "");
  if (r.request.method !== "POST") throw bad();
  const body = await jsonBody(r);
  const target = text(body, "target", { required: true })!;
  // A made-up but stable route: three hops inside the zone, then the target (docs' traceroute shape).
  const octets = [...target].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const last = /^\d+\.\d+\.\d+\.\d+$/.test(target) ? target : `192.0.2.${octets % 250}`;
  const hops = [1, 2, 3].map((n) => ({ number: n, ip: `10.${n}.${octets % 200}.1`, hostname: null, rtts: [n * 0.4, n * 0.5, n * 0.45] }));
  hops.push({ number: 4, ip: last, hostname: last === target ? null : target, rtts: [12.1, 12.4, 11.9] } as never);
  return jsonResponse(200, { result: hops });
}

function notificationDetails(type: string, details: Record<string, unknown>): void {
  const def = NOTIFICATION_TYPES.find((t) => t.id === type);
  if (!def) throw invalid("type", `Invalid notification type: ${type}`);
  for (const f of def.fields) if (!f.optional && (typeof details[f.name] !== "string" || details[f.name] === "")) throw invalid(`details.${f.name}`, `Missing required key '${f.name}' for ${type}`);
  if (type === "webhook" && !/^https?:\/\//.test(String(details.url))) throw invalid("details.url", "Value must be an http or https URL");
}

export async function notificationRoutes(r: MaasRequest, [id, sub, ...extra]: string[]): Promise<Response> {
  const m = r.request.method;
  if (id === undefined) {
    if (m === "GET") return jsonResponse(200, page(r, [...r.account.notifications.values()], (n) => n.id));
    if (m !== "POST") throw bad();
    const body = await jsonBody(r);
    const type = text(body, "type", { required: true })!;
    const details = isObject(body.details) ? body.details : {};
    notificationDetails(type, details);
    const n: NotificationRecord = { id: newId("nt"), label: text(body, "label") ?? "", type, details, metadata: metadata(body) ?? null, created_at: r.now, updated_at: r.now };
    r.account.notifications.set(n.id, n);
    return created(r, "notifications", n.id);
  }
  const n = r.account.notifications.get(id);
  if (!n || extra.length) throw notFound("Notification", id);
  if (sub === "test") {
    if (m !== "POST") throw bad();
    // A test sends the notification: a webhook's URL is POSTed (an Auto Scale capability URL runs its policy).
    r.account.deliver(n.type, n.details);
    return jsonResponse(200, testResult(n.type));
  }
  if (sub !== undefined) throw notFound("Resource", r.url.pathname);
  if (m === "GET") return jsonResponse(200, n);
  if (m === "PUT") {
    const body = await jsonBody(r);
    const type = text(body, "type") ?? n.type;
    const details = isObject(body.details) ? body.details : n.details;
    notificationDetails(type, details);
    const meta = metadata(body);
    r.account.notifications.set(n.id, { ...n, type, details, label: text(body, "label") ?? n.label, ...(meta !== undefined ? { metadata: meta } : {}), updated_at: r.now });
    return noContent();
  }
  if (m === "DELETE") {
    r.account.notifications.delete(n.id);
    return noContent();
  }
  throw bad();
}

/** The answer of a notification test (monitoring.md test_notification: `{"status":"success","message":…}`). */
function testResult(type: string): { status: string; message: string } {
  const what = type === "webhook" ? "Webhook" : type === "email" ? "Email" : type === "pagerduty" ? "PagerDuty" : "SMS";
  return { status: "success", message: `Success: ${what} successfully executed` };
}

export async function testNotification(r: MaasRequest): Promise<Response> {
  if (r.request.method !== "POST") throw bad();
  const body = await jsonBody(r);
  const type = text(body, "type", { required: true })!;
  const details = isObject(body.details) ? body.details : {};
  notificationDetails(type, details);
  r.account.deliver(type, details);
  return jsonResponse(200, testResult(type));
}

function planStates(r: MaasRequest, body: Record<string, unknown>, base?: PlanRecord): Pick<PlanRecord, "critical_state" | "warning_state" | "ok_state"> {
  const out = { critical_state: base?.critical_state ?? [], warning_state: base?.warning_state ?? [], ok_state: base?.ok_state ?? [] };
  for (const key of ["critical_state", "warning_state", "ok_state"] as const) {
    const ids = stringList(body, key);
    if (ids === undefined) continue;
    for (const id of ids) if (!r.account.notifications.has(id)) throw invalid(key, `Notification ${id} does not exist`);
    out[key] = ids;
  }
  return out;
}

export async function planRoutes(r: MaasRequest, [id, ...extra]: string[]): Promise<Response> {
  const m = r.request.method;
  if (id === undefined) {
    if (m === "GET") return jsonResponse(200, page(r, [...r.account.plans.values()], (p) => p.id));
    if (m !== "POST") throw bad();
    const body = await jsonBody(r);
    const p: PlanRecord = { id: newId("np"), label: text(body, "label", { required: true })!, ...planStates(r, body), metadata: metadata(body) ?? null, created_at: r.now, updated_at: r.now };
    r.account.plans.set(p.id, p);
    return created(r, "notification_plans", p.id);
  }
  const p = r.account.plans.get(id);
  if (!p || extra.length) throw notFound("NotificationPlan", id);
  if (m === "GET") return jsonResponse(200, p);
  if (m === "PUT") {
    const body = await jsonBody(r);
    const meta = metadata(body);
    r.account.plans.set(p.id, { ...p, label: text(body, "label") ?? p.label, ...planStates(r, body, p), ...(meta !== undefined ? { metadata: meta } : {}), updated_at: r.now });
    return noContent();
  }
  if (m === "DELETE") {
    // Rackspace's mock (mimic): 403 forbiddenError naming the alarms that still use the plan.
    const users = [...r.account.alarms.values()].filter((a) => a.notification_plan_id === p.id).map((a) => a.id);
    if (users.length) {
      const message = `Notification plans cannot be removed while alarms are using it: ${users.join(" ")}`;
      throw new MaasFault(403, "forbiddenError", message, message);
    }
    r.account.plans.delete(p.id);
    return noContent();
  }
  throw bad();
}

export async function agentTokenRoutes(r: MaasRequest, [id, ...extra]: string[]): Promise<Response> {
  const m = r.request.method;
  if (id === undefined) {
    if (m === "GET") return jsonResponse(200, page(r, [...r.account.agentTokens.values()], (t) => t.id));
    if (m !== "POST") throw bad();
    const body = await jsonBody(r);
    const t = { id: randomBytes(16).toString("hex"), label: text(body, "label") ?? null, token: `${randomBytes(24).toString("hex")}.${randomBytes(3).toString("hex")}` };
    r.account.agentTokens.set(t.id, t);
    return created(r, "agent_tokens", t.id);
  }
  const t = r.account.agentTokens.get(id);
  if (!t || extra.length) throw notFound("AgentToken", id);
  if (m === "GET") return jsonResponse(200, t);
  if (m === "PUT") {
    const body = await jsonBody(r);
    r.account.agentTokens.set(t.id, { ...t, label: text(body, "label") ?? t.label });
    return noContent();
  }
  if (m === "DELETE") {
    r.account.agentTokens.delete(t.id);
    return noContent();
  }
  throw bad();
}

const WEEK_MS = 7 * 86_400_000;

/** GET /changelogs/alarms[?entityId=&from=&to=]: by default the last 7 days (seed, "List Alarm Changelogs"). */
export function changelogRoutes(r: MaasRequest, parts: string[]): Response {
  if (parts.join("/") !== "alarms") throw notFound("Resource", r.url.pathname);
  if (r.request.method !== "GET") throw bad();
  r.account.evaluateAlarms();
  const entity = r.url.searchParams.get("entityId");
  const from = intParam(r, "from") ?? r.now - WEEK_MS;
  const to = intParam(r, "to") ?? r.now;
  const rows = r.account.changelogs.filter((c) => c.timestamp >= from && c.timestamp <= to && (!entity || c.entity_id === entity));
  return jsonResponse(200, page(r, rows, (c) => c.id, { reverse: reverseParam(r) }));
}

/** `?reverse=true|false` on a time series collection (changelogs, audits). */
function reverseParam(r: MaasRequest): boolean {
  const v = r.url.searchParams.get("reverse");
  if (v === null || v === "false") return false;
  if (v === "true") return true;
  throw invalid("reverse", "Value must be true or false");
}

/**
 * GET /views/overview[?entityId=…|uri=…]: entities with checks, alarms and latest states (seed "Get
 * Overview"). The API reference: filter by `uri` or `entityId`, not both; unknown uris are ignored
 * and a 404 comes only when none is known.
 */
export function viewRoutes(r: MaasRequest, parts: string[]): Response {
  if (parts.join("/") !== "overview") throw notFound("Resource", r.url.pathname);
  if (r.request.method !== "GET") throw bad();
  r.account.evaluateAlarms();
  const ids = r.url.searchParams.getAll("entityId");
  const uris = r.url.searchParams.getAll("uri");
  if (ids.length && uris.length) throw invalid("uri", "Filter by entityId or by uri, not both");
  const entities = [...r.account.entities.values()].filter((e) => (ids.length === 0 || ids.includes(e.id)) && (uris.length === 0 || (e.uri !== null && uris.includes(e.uri))));
  // Asking for entities none of which exist is a 404 (Rackspace's mock, mimic).
  if (ids.length && !entities.some((e) => ids.includes(e.id))) throw notFound("Entity", ids.join(","));
  if (uris.length && entities.length === 0) throw notFound("Entity", uris.join(","));
  const rows = entities.map((e) => {
    const alarms = r.account.alarmsOf(e.id);
    return {
      id: e.id,
      entity: e,
      checks: r.account.checksOf(e.id),
      alarms,
      latest_alarm_states: alarms.flatMap((a) =>
        [...r.account.latest.entries()].filter(([k]) => k.startsWith(`${a.id}|`)).map(([, c]) => ({ ...c, id: undefined })),
      ),
    };
  });
  const out = page(r, rows, (x) => x.id);
  return jsonResponse(200, { ...out, values: out.values.map(({ id: _id, ...v }) => v) });
}

/** GET /account `{id, webhook_token, metadata}`; PUT changes metadata / webhook_token (monitoring.md get_account). */
export async function accountRoutes(r: MaasRequest, parts: string[]): Promise<Response> {
  if (parts.length) throw notFound("Resource", r.url.pathname);
  const view = () => ({ id: `ac${r.account.tenantId}`, webhook_token: r.account.webhookToken, metadata: r.account.accountMetadata });
  if (r.request.method === "GET") return jsonResponse(200, view());
  if (r.request.method !== "PUT") throw bad();
  const body = await jsonBody(r);
  const meta = metadata(body);
  const token = text(body, "webhook_token");
  if (meta !== undefined) r.account.accountMetadata = meta;
  if (token !== undefined) r.account.webhookToken = token;
  return noContent();
}

/** GET /audits[?from=&to=]: what changed the account, oldest first. */
export function auditRoutes(r: MaasRequest, parts: string[]): Response {
  if (parts.length) throw notFound("Resource", r.url.pathname);
  if (r.request.method !== "GET") throw bad();
  const from = intParam(r, "from") ?? 0;
  const to = intParam(r, "to") ?? r.now;
  return jsonResponse(200, page(r, r.account.audits.filter((a) => a.timestamp >= from && a.timestamp <= to), (a) => a.id, { reverse: reverseParam(r) }));
}

/** GET /limits: monitoring.md "Limits" (1000 checks, 10 000 alarms; 50 000 requests, 500 test checks/alarms, 200 notification tests per 24 h). */
export function limitRoutes(r: MaasRequest, parts: string[]): Response {
  if (parts.length) throw notFound("Resource", r.url.pathname);
  if (r.request.method !== "GET") throw bad();
  const used = (app: string) => r.account.audits.filter((a) => a.app === app && a.timestamp > r.now - 86_400_000).length;
  return jsonResponse(200, {
    resource: { checks: 1000, alarms: 10_000 },
    rate: {
      global: { limit: 50_000, used: r.account.requestTimes.filter((t) => t > r.now - 86_400_000).length, window: "24.0 hours" },
      test_check: { limit: 500, used: used("test-check"), window: "24.0 hours" },
      test_alarm: { limit: 500, used: used("test-alarm"), window: "24.0 hours" },
      test_notification: { limit: 200, used: used("test-notification"), window: "24.0 hours" },
    },
  });
}
