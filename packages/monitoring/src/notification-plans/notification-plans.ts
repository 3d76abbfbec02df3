import { assignData, type CallOptions, type Paginated, type ServiceClient } from "@rax/core";
import type { Ref } from "../ref";
import type { CreateNotificationPlanInput, ListNotificationPlansInput, NotificationPlanData, UpdateNotificationPlanInput } from "./models";
import * as api from "./requests";

/** `monitoring.notificationPlans`: which notifications run for CRITICAL, WARNING and OK. */
export class NotificationPlans {
  constructor(readonly client: ServiceClient) {}

  list(options?: ListNotificationPlansInput, o?: CallOptions): Paginated<NotificationPlan> {
    return api.listNotificationPlans(this.client, options, o).map((d) => new NotificationPlan(this, d));
  }
  async get(plan: Ref, o?: CallOptions): Promise<NotificationPlan> {
    return new NotificationPlan(this, await api.getNotificationPlan(this.client, plan, o));
  }
  /** pyrax `create_notification_plan(label, ok_state=…, warning_state=…, critical_state=…)`: each one notification or a list. */
  async create(input: CreateNotificationPlanInput, o?: CallOptions): Promise<NotificationPlan> {
    return new NotificationPlan(this, await api.createNotificationPlan(this.client, input, o));
  }
  update(plan: Ref, changes: UpdateNotificationPlanInput, o?: CallOptions): Promise<void> {
    return api.updateNotificationPlan(this.client, plan, changes, o);
  }
  delete(plan: Ref, o?: CallOptions): Promise<void> {
    return api.deleteNotificationPlan(this.client, plan, o);
  }
}

export interface NotificationPlan extends NotificationPlanData {}
/** pyrax's `CloudMonitorNotificationPlan`. */
export class NotificationPlan {
  readonly #plans: NotificationPlans;
  constructor(plans: NotificationPlans, data: NotificationPlanData) {
    this.#plans = plans;
    assignData(this, data);
  }
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getNotificationPlan(this.#plans.client, this, o));
    return this;
  }
  async update(changes: UpdateNotificationPlanInput, o?: CallOptions): Promise<this> {
    await this.#plans.update(this, changes, o);
    return this.reload(o);
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#plans.delete(this, o);
  }
}
