import { type CallOptions, encodeSegment, notFoundAs, type Paginated, type ServiceClient, validate } from "@rax/core";
import { listValues, type PageOptions } from "../collection";
import { NoSuchMonitoringResource } from "../errors";
import { type Ref, ref } from "../ref";
import { type NotificationTypeData, toNotificationType, wireNotificationType } from "./models";

/** GET /notification_types. */
export function listNotificationTypes(client: ServiceClient, p: PageOptions = {}, o: CallOptions = {}): Paginated<NotificationTypeData> {
  return listValues(client, "notification_types", wireNotificationType(), toNotificationType, p, {}, o);
}

/** GET /notification_types/{id}. */
export async function getNotificationType(client: ServiceClient, type: Ref, o: CallOptions = {}): Promise<NotificationTypeData> {
  const id = validate(ref(), type, "notificationType");
  return toNotificationType(
    await notFoundAs(client.json({ method: "GET", path: `notification_types/${encodeSegment(id)}`, ...o }, wireNotificationType()), (e) => new NoSuchMonitoringResource("notification type", id, e)),
  );
}
