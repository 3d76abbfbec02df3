import { assignData, type CallOptions, type Paginated, type ServiceClient } from "@rax/core";
import type { Ref } from "../ref";
import type { CreateNotificationInput, ListNotificationsInput, NotificationData, NotificationTestResult, TestNotificationInput, UpdateNotificationInput } from "./models";
import * as api from "./requests";

/** `monitoring.notifications`: where alarms reach you (an email address, a webhook, PagerDuty…). */
export class Notifications {
  constructor(readonly client: ServiceClient) {}

  list(options?: ListNotificationsInput, o?: CallOptions): Paginated<Notification> {
    return api.listNotifications(this.client, options, o).map((d) => new Notification(this, d));
  }
  async get(notification: Ref, o?: CallOptions): Promise<Notification> {
    return new Notification(this, await api.getNotification(this.client, notification, o));
  }
  /**
   * pyrax `create_notification("email", label=…, details={"address": …})`: the details each
   * built-in type needs (`address`, `url`, `service_key`, `phone_number`) are checked before sending.
   */
  async create(input: CreateNotificationInput, o?: CallOptions): Promise<Notification> {
    return new Notification(this, await api.createNotification(this.client, input, o));
  }
  update(notification: Ref, changes: UpdateNotificationInput, o?: CallOptions): Promise<void> {
    return api.updateNotification(this.client, notification, changes, o);
  }
  delete(notification: Ref, o?: CallOptions): Promise<void> {
    return api.deleteNotification(this.client, notification, o);
  }
  /** Sends an existing notification now (pyrax `test_notification(notification)`). */
  test(notification: Ref, o?: CallOptions): Promise<NotificationTestResult> {
    return api.testNotification(this.client, notification, o);
  }
  /** Tries a type + details without creating anything (pyrax `test_notification(notification_type=…, details=…)`). */
  testNew(input: TestNotificationInput, o?: CallOptions): Promise<NotificationTestResult> {
    return api.testNewNotification(this.client, input, o);
  }
}

export interface Notification extends NotificationData {}
/** pyrax's `CloudMonitorNotification`. */
export class Notification {
  readonly #notifications: Notifications;
  constructor(notifications: Notifications, data: NotificationData) {
    this.#notifications = notifications;
    assignData(this, data);
  }
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getNotification(this.#notifications.client, this, o));
    return this;
  }
  /** pyrax `notification.update(details)`; reloads this object. */
  async update(changes: UpdateNotificationInput, o?: CallOptions): Promise<this> {
    await this.#notifications.update(this, changes, o);
    return this.reload(o);
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#notifications.delete(this, o);
  }
  test(o?: CallOptions): Promise<NotificationTestResult> {
    return this.#notifications.test(this, o);
  }
}
