import { jsonResponse } from "../respond";
import { checkRoutes, entityOr404, parsedCriteria, testAlarm, testCheck } from "./check-routes";
import { created, noContent } from "./created";
import { agentId, bool, ipAddresses, metadata, text } from "./field-rules";
import { invalid, MaasFault, notFound } from "./maas-errors";
import { jsonBody, type MaasRequest, page } from "./maas-request";
import { type AlarmRecord, type EntityRecord, newId } from "./model";

// /entities and everything below an entity (monitoring.md Operations: list/get/create/update/delete_entity, alarms).

export async function entityRoutes(r: MaasRequest, parts: string[]): Promise<Response> {
  const m = r.request.method;
  const [entityId, sub, ...rest] = parts;
  const bad = () => new MaasFault(405, "methodNotAllowed", "Method not allowed");
  if (entityId === undefined) {
    if (m === "GET") return jsonResponse(200, page(r, [...r.account.entities.values()], (e) => e.id));
    if (m !== "POST") throw bad();
    const body = await jsonBody(r);
    const e: EntityRecord = {
      id: newId("en"),
      label: text(body, "label", { required: true })!,
      ip_addresses: ipAddresses(body) ?? null,
      metadata: metadata(body) ?? null,
      agent_id: agentId(body) ?? null,
      uri: text(body, "uri") ?? null,
      managed: false,
      created_at: r.now,
      updated_at: r.now,
    };
    r.account.entities.set(e.id, e);
    return created(r, "entities", e.id);
  }
  if (sub === undefined) {
    const e = entityOr404(r, entityId);
    if (m === "GET") return jsonResponse(200, e);
    if (m === "PUT") {
      const body = await jsonBody(r);
      const ips = ipAddresses(body);
      // Checks aim at aliases: removing one still in use would orphan them.
      if (ips !== undefined) for (const c of r.account.checksOf(e.id)) if (c.target_alias && !(ips && c.target_alias in ips)) throw invalid("ip_addresses", `Alias '${c.target_alias}' is used by check ${c.id}`);
      const meta = metadata(body);
      const agent = body.agent_id === null ? null : agentId(body);
      r.account.entities.set(e.id, {
        ...e,
        label: text(body, "label") ?? e.label,
        ...(ips !== undefined ? { ip_addresses: ips } : {}),
        ...(meta !== undefined ? { metadata: meta } : {}),
        ...(agent !== undefined ? { agent_id: agent } : {}),
        updated_at: r.now,
      });
      return noContent();
    }
    if (m === "DELETE") {
      // Its checks and alarms go with it, as Rackspace's mock (mimic) deletes them — not
      // monitoring.md's inferred 400 childrenExistError.
      for (const a of r.account.alarmsOf(e.id)) r.account.dropAlarm(a.id);
      for (const c of r.account.checksOf(e.id)) r.account.checks.delete(c.id);
      r.account.entities.delete(e.id);
      return noContent();
    }
    throw bad();
  }
  const e = entityOr404(r, entityId, true);
  if (sub === "checks") return checkRoutes(r, e, rest);
  if (sub === "test-check" && rest.length === 0) {
    if (m !== "POST") throw bad();
    return testCheck(r, e);
  }
  if (sub === "test-alarm" && rest.length === 0) {
    if (m !== "POST") throw bad();
    return testAlarm(r);
  }
  if (sub === "alarms") return alarmRoutes(r, e, rest);
  throw notFound("Resource", r.url.pathname);
}

function alarmFromBody(r: MaasRequest, entity: EntityRecord, body: Record<string, unknown>, base?: AlarmRecord): AlarmRecord {
  const checkId = base ? base.check_id : text(body, "check_id", { required: true })!;
  if (base && body.check_id !== undefined && body.check_id !== base.check_id) throw invalid("check_id", "The check of an alarm cannot change");
  const check = r.account.checks.get(checkId);
  if (!check || check.entity_id !== entity.id) throw invalid("check_id", `Check ${checkId} does not exist on entity ${entity.id}`);
  const planId = text(body, "notification_plan_id", { required: !base }) ?? base!.notification_plan_id;
  if (!r.account.plans.has(planId)) throw invalid("notification_plan_id", `Notification plan ${planId} does not exist`);
  const criteria = body.criteria === undefined ? (base?.criteria ?? null) : (text(body, "criteria", { max: 16384 }) ?? null);
  if (criteria !== null) parsedCriteria(criteria);
  const meta = metadata(body);
  return {
    id: base?.id ?? newId("al"),
    entity_id: entity.id,
    check_id: checkId,
    notification_plan_id: planId,
    criteria,
    disabled: bool(body, "disabled") ?? base?.disabled ?? false,
    label: text(body, "label") ?? base?.label ?? null,
    metadata: meta === undefined ? (base?.metadata ?? null) : meta,
    created_at: base?.created_at ?? r.now,
    updated_at: r.now,
  };
}

async function alarmRoutes(r: MaasRequest, entity: EntityRecord, parts: string[]): Promise<Response> {
  const m = r.request.method;
  const [alarmId, ...extra] = parts;
  const bad = () => new MaasFault(405, "methodNotAllowed", "Method not allowed");
  if (alarmId === undefined) {
    if (m === "GET") return jsonResponse(200, page(r, r.account.alarmsOf(entity.id), (a) => a.id));
    if (m !== "POST") throw bad();
    const alarm = alarmFromBody(r, entity, await jsonBody(r));
    if (r.account.alarms.size >= 10_000) throw new MaasFault(400, "limitReached", "Limit has been reached", "Alarm limit of 10000 reached");
    r.account.alarms.set(alarm.id, alarm);
    return created(r, `entities/${entity.id}/alarms`, alarm.id);
  }
  const alarm = r.account.alarms.get(alarmId);
  if (!alarm || alarm.entity_id !== entity.id || extra.length) throw notFound("Alarm", alarmId);
  if (m === "GET") return jsonResponse(200, alarm);
  if (m === "PUT") {
    r.account.alarms.set(alarm.id, alarmFromBody(r, entity, await jsonBody(r), alarm));
    return noContent();
  }
  if (m === "DELETE") {
    r.account.dropAlarm(alarm.id);
    return noContent();
  }
  throw bad();
}
