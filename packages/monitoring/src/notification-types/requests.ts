import { type CallOptions, encodeSegment, type HttpError, type LookupMiss, notFoundAs, type Paginated, type ServiceClient, validate } from "@rax/core";
import { getOrFindInList, listValues, type PageOptions } from "../collection";
import { NoSuchMonitoringResource } from "../errors";
import { type Ref, ref } from "../ref";
import { type NotificationTypeData, toNotificationType, wireNotificationType } from "./models";

/** GET /notification_types. */
export function listNotificationTypes(client: ServiceClient, p: PageOptions = {}, o: CallOptions = {}): Paginated<NotificationTypeData> {
  return listValues(client, "notification_types", wireNotificationType(), toNotificationType, p, {}, o);
}

/** GET /notification_types/{id}; where that is not routed (Rackspace's mock: 404 or 405), the type from the list. */
export async function getNotificationType(client: ServiceClient, type: Ref, o: CallOptions = {}): Promise<NotificationTypeData> {
  const id = validate(ref(), type, "notificationType");
  const missing = (from: HttpError | LookupMiss) => new NoSuchMonitoringResource("notification type", id, from);
  const get = async () => toNotificationType(await notFoundAs(client.json({ method: "GET", path: `notification_types/${encodeSegment(id)}`, ...o }, wireNotificationType()), missing));
  return getOrFindInList(client, get, () => listNotificationTypes(client, {}, o), id, [404, 405], missing);
}
