import { type CallOptions, encodeSegment, jsonFor, type NotFound, notFoundAs, type Paginated, sendFor, type ServiceClient, validate } from "@rax/core";
import { getOrFindInList, listValues } from "../collection";
import { NoSuchNotification } from "../errors";
import { createdId } from "../object-id";
import { type Ref, ref } from "../ref";
import { registerSecretDetails } from "../secret-details";
import {
  type CreateNotificationInput,
  createNotificationInput,
  type ListNotificationsInput,
  listNotificationsInput,
  type NotificationData,
  type NotificationTestResult,
  type TestNotificationInput,
  testNotificationInput,
  toNotification,
  toTestResult,
  type UpdateNotificationInput,
  updateNotificationInput,
  wireNotification,
  wireTestResult,
} from "./models";

const path = (id: string, rest = "") => `notifications/${encodeSegment(id)}${rest}`;
const missing = (id: string) => (e: NotFound) => new NoSuchNotification(id, e);

/** GET /notifications, page after page. */
export function listNotifications(client: ServiceClient, options?: ListNotificationsInput, o: CallOptions = {}): Paginated<NotificationData> {
  const p = validate(listNotificationsInput(), options, "options") ?? {};
  return listValues(client, "notifications", wireNotification(), toNotification, p, {}, o);
}

/**
 * GET /notifications/{id}. Rackspace's mock routes that path for PUT and DELETE only (its GET is a
 * 405): there the notification is looked up in the list instead.
 */
export async function getNotification(client: ServiceClient, notification: Ref, o: CallOptions = {}): Promise<NotificationData> {
  const id = validate(ref(), notification, "notification");
  const get = async () => toNotification(await notFoundAs(client.json({ method: "GET", path: path(id), ...o }, wireNotification()), missing(id)));
  return getOrFindInList(client, get, () => listNotifications(client, undefined, o), id, [405], (e) => new NoSuchNotification(id, e));
}

/** POST /notifications → 201 + X-Object-ID, then GET it. */
export async function createNotification(client: ServiceClient, input: CreateNotificationInput, o: CallOptions = {}): Promise<NotificationData> {
  const i = validate(createNotificationInput(), input, "notification");
  registerSecretDetails(i.details, i.type);
  const json = { type: i.type, details: i.details, ...(i.label !== undefined ? { label: i.label } : {}), ...(i.metadata !== undefined ? { metadata: i.metadata } : {}) };
  return getNotification(client, await createdId(await sendFor(client, { method: "POST", path: "notifications", json, ...o }, [201])), o);
}

/**
 * PUT /notifications/{id} → 204. New `details` go with the notification's `type`, as pyrax's
 * `update_notification` sends them (and the API's example): the details are read by the type, so
 * without one given it is the object's, or the notification is read first (as pyrax does for an id).
 */
export async function updateNotification(client: ServiceClient, notification: Ref, changes: UpdateNotificationInput, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), notification, "notification");
  let c = validate(updateNotificationInput(), changes, "changes");
  if (c.details !== undefined && c.type === undefined) {
    const given = typeof notification === "object" ? (notification as { type?: unknown }).type : undefined;
    const known = typeof given === "string" ? given : undefined;
    // Checked against the type too (an email notification's new details need an address).
    c = validate(updateNotificationInput(), { ...changes, type: known ?? (await getNotification(client, id, o)).type }, "changes");
  }
  registerSecretDetails(c.details, c.type ?? "webhook");
  const json = {
    ...(c.type !== undefined ? { type: c.type } : {}),
    ...(c.label !== undefined ? { label: c.label } : {}),
    ...(c.details !== undefined ? { details: c.details } : {}),
    ...(c.metadata !== undefined ? { metadata: c.metadata } : {}),
  };
  await (await notFoundAs(sendFor(client, { method: "PUT", path: path(id), json, ...o }, [204]), missing(id))).dump();
}

/** DELETE /notifications/{id} → 204. */
export async function deleteNotification(client: ServiceClient, notification: Ref, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), notification, "notification");
  await (await notFoundAs(sendFor(client, { method: "DELETE", path: path(id), ...o }, [204]), missing(id))).dump();
}

/** POST /notifications/{id}/test → 200 `{status, message}`: sends an existing notification now. */
export async function testNotification(client: ServiceClient, notification: Ref, o: CallOptions = {}): Promise<NotificationTestResult> {
  const id = validate(ref(), notification, "notification");
  return toTestResult(await notFoundAs(jsonFor(client, { method: "POST", path: path(id, "/test"), ...o }, [200], wireTestResult()), missing(id)));
}

/** POST /test-notification → 200: tries a type + details without creating anything. */
export async function testNewNotification(client: ServiceClient, input: TestNotificationInput, o: CallOptions = {}): Promise<NotificationTestResult> {
  const i = validate(testNotificationInput(), input, "notification");
  registerSecretDetails(i.details, i.type);
  return toTestResult(await jsonFor(client, { method: "POST", path: "test-notification", json: { type: i.type, details: i.details }, ...o }, [200], wireTestResult()));
}
