import { type CallOptions, encodeSegment, type NotFound, notFoundAs, type Paginated, sendFor, type ServiceClient, validate } from "@rax/core";
import { listValues } from "../collection";
import { NoSuchNotificationPlan } from "../errors";
import { createdId } from "../object-id";
import { type Ref, ref } from "../ref";
import {
  type CreateNotificationPlanInput,
  createPlanInput,
  type ListNotificationPlansInput,
  listPlansInput,
  type NotificationPlanData,
  planBody,
  toPlan,
  type UpdateNotificationPlanInput,
  updatePlanInput,
  wirePlan,
} from "./models";

const path = (id: string) => `notification_plans/${encodeSegment(id)}`;
const missing = (id: string) => (e: NotFound) => new NoSuchNotificationPlan(id, e);

/** GET /notification_plans, page after page. */
export function listNotificationPlans(client: ServiceClient, options?: ListNotificationPlansInput, o: CallOptions = {}): Paginated<NotificationPlanData> {
  const p = validate(listPlansInput(), options, "options") ?? {};
  return listValues(client, "notification_plans", wirePlan(), toPlan, p, {}, o);
}

/** GET /notification_plans/{id}. */
export async function getNotificationPlan(client: ServiceClient, plan: Ref, o: CallOptions = {}): Promise<NotificationPlanData> {
  const id = validate(ref(), plan, "plan");
  return toPlan(await notFoundAs(client.json({ method: "GET", path: path(id), ...o }, wirePlan()), missing(id)));
}

/** POST /notification_plans → 201 + X-Object-ID, then GET it. */
export async function createNotificationPlan(client: ServiceClient, input: CreateNotificationPlanInput, o: CallOptions = {}): Promise<NotificationPlanData> {
  const i = validate(createPlanInput(), input, "plan");
  return getNotificationPlan(client, await createdId(await sendFor(client, { method: "POST", path: "notification_plans", json: planBody(i), ...o }, [201])), o);
}

/** PUT /notification_plans/{id} → 204. */
export async function updateNotificationPlan(client: ServiceClient, plan: Ref, changes: UpdateNotificationPlanInput, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), plan, "plan");
  const c = validate(updatePlanInput(), changes, "changes");
  await (await notFoundAs(sendFor(client, { method: "PUT", path: path(id), json: planBody(c), ...o }, [204]), missing(id))).dump();
}

/** DELETE /notification_plans/{id} → 204 (the docs also list 200). */
export async function deleteNotificationPlan(client: ServiceClient, plan: Ref, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), plan, "plan");
  await (await notFoundAs(sendFor(client, { method: "DELETE", path: path(id), ...o }, [200, 204]), missing(id))).dump();
}
