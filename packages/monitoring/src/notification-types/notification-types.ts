import { assignData, type CallOptions, type Paginated, type ServiceClient } from "@rax/core";
import type { PageOptions } from "../collection";
import type { Ref } from "../ref";
import type { NotificationTypeData } from "./models";
import * as api from "./requests";

/** `monitoring.notificationTypes`: how notifications can reach you (email, webhook, pagerduty…), read-only. */
export class NotificationTypes {
  constructor(readonly client: ServiceClient) {}

  /** Every notification type (pyrax `list_notification_types`). */
  list(options?: PageOptions, o?: CallOptions): Paginated<NotificationType> {
    return api.listNotificationTypes(this.client, options, o).map((d) => new NotificationType(d));
  }
  /** One notification type (pyrax `get_notification_type`). */
  async get(notificationType: Ref, o?: CallOptions): Promise<NotificationType> {
    return new NotificationType(await api.getNotificationType(this.client, notificationType, o));
  }
}

export interface NotificationType extends NotificationTypeData {}
/** pyrax's `CloudMonitorNotificationType`. */
export class NotificationType {
  constructor(data: NotificationTypeData) {
    assignData(this, data);
  }
}
