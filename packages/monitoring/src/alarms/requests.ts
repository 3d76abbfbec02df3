import { type CallOptions, encodeSegment, jsonFor, type NotFound, notFoundAs, type Paginated, sendFor, type ServiceClient, validate } from "@rax/core";
import * as z from "zod/mini";
import { listValues } from "../collection";
import { entityPath } from "../entities/requests";
import { NoSuchAlarm, NoSuchEntity } from "../errors";
import { createdId } from "../object-id";
import { type Ref, ref } from "../ref";
import {
  type AlarmData,
  type AlarmTestResult,
  type CreateAlarmInput,
  createAlarmInput,
  type ListAlarmsInput,
  listAlarmsInput,
  type TestAlarmInput,
  testAlarmInput,
  toAlarm,
  toAlarmResult,
  type UpdateAlarmInput,
  updateAlarmInput,
  wireAlarm,
  wireAlarmResult,
} from "./models";

const alarmPath = (entityId: string, alarmId: string) => entityPath(entityId, `/alarms/${encodeSegment(alarmId)}`);
const missing = (entityId: string, alarmId: string) => (e: NotFound) => (e.code === "parentNotFoundError" ? new NoSuchEntity(entityId, e) : new NoSuchAlarm(alarmId, e));
const missingEntity = (entityId: string) => (e: NotFound) => new NoSuchEntity(entityId, e);

/** GET /entities/{e}/alarms, page after page. */
export function listAlarms(client: ServiceClient, entity: Ref, options?: ListAlarmsInput, o: CallOptions = {}): Paginated<AlarmData> {
  const entityId = validate(ref(), entity, "entity");
  const p = validate(listAlarmsInput(), options, "options") ?? {};
  return listValues(client, entityPath(entityId, "/alarms"), wireAlarm(), (w) => toAlarm(entityId, w), p, {}, o, missingEntity(entityId));
}

/** GET /entities/{e}/alarms/{a}. */
export async function getAlarm(client: ServiceClient, entity: Ref, alarm: Ref, o: CallOptions = {}): Promise<AlarmData> {
  const entityId = validate(ref(), entity, "entity");
  const alarmId = validate(ref(), alarm, "alarm");
  return toAlarm(entityId, await notFoundAs(client.json({ method: "GET", path: alarmPath(entityId, alarmId), ...o }, wireAlarm()), missing(entityId, alarmId)));
}

/** POST /entities/{e}/alarms → 201 + X-Object-ID, then GET it. Criteria the service cannot parse → `AlarmParseError`. */
export async function createAlarm(client: ServiceClient, entity: Ref, input: CreateAlarmInput, o: CallOptions = {}): Promise<AlarmData> {
  const entityId = validate(ref(), entity, "entity");
  const i = validate(createAlarmInput(), input, "alarm");
  const json = {
    check_id: i.check,
    notification_plan_id: i.notificationPlan,
    ...(i.criteria !== undefined ? { criteria: i.criteria } : {}),
    disabled: i.disabled ?? false,
    ...((i.label ?? i.name) !== undefined ? { label: i.label ?? i.name } : {}),
    ...(i.metadata !== undefined ? { metadata: i.metadata } : {}),
  };
  const res = await notFoundAs(sendFor(client, { method: "POST", path: entityPath(entityId, "/alarms"), json, ...o }, [201]), missingEntity(entityId));
  return getAlarm(client, entityId, await createdId(res), o);
}

/** POST /entities/{e}/test-alarm → 200: what the criteria decide for the given check data. */
export async function testAlarm(client: ServiceClient, entity: Ref, input: TestAlarmInput, o: CallOptions = {}): Promise<AlarmTestResult[]> {
  const entityId = validate(ref(), entity, "entity");
  const i = validate(testAlarmInput(), input, "test");
  const json = { criteria: i.criteria, check_data: i.checkData };
  const body = await notFoundAs(jsonFor(client, { method: "POST", path: entityPath(entityId, "/test-alarm"), json, ...o }, [200], z.array(wireAlarmResult())), missingEntity(entityId));
  return body.map(toAlarmResult);
}

/** PUT /entities/{e}/alarms/{a} → 204. */
export async function updateAlarm(client: ServiceClient, entity: Ref, alarm: Ref, changes: UpdateAlarmInput, o: CallOptions = {}): Promise<void> {
  const entityId = validate(ref(), entity, "entity");
  const alarmId = validate(ref(), alarm, "alarm");
  const c = validate(updateAlarmInput(), changes, "changes");
  const json = {
    ...(c.criteria !== undefined ? { criteria: c.criteria } : {}),
    ...(c.notificationPlan !== undefined ? { notification_plan_id: c.notificationPlan } : {}),
    ...(c.disabled !== undefined ? { disabled: c.disabled } : {}),
    ...((c.label ?? c.name) !== undefined ? { label: c.label ?? c.name } : {}),
    ...(c.metadata !== undefined ? { metadata: c.metadata } : {}),
  };
  await (await notFoundAs(sendFor(client, { method: "PUT", path: alarmPath(entityId, alarmId), json, ...o }, [204]), missing(entityId, alarmId))).dump();
}

/** DELETE /entities/{e}/alarms/{a} → 204 (the docs also list 200). */
export async function deleteAlarm(client: ServiceClient, entity: Ref, alarm: Ref, o: CallOptions = {}): Promise<void> {
  const entityId = validate(ref(), entity, "entity");
  const alarmId = validate(ref(), alarm, "alarm");
  await (await notFoundAs(sendFor(client, { method: "DELETE", path: alarmPath(entityId, alarmId), ...o }, [200, 204]), missing(entityId, alarmId))).dump();
}
