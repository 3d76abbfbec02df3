import type { CallOptions, Paginated } from "@rax/core";
import type { Account } from "./account/account";
import type { AgentToken } from "./agent-tokens/agent-tokens";
import type { Audit } from "./account/models";
import type { Alarm } from "./alarms/alarms";
import type { CreateAlarmInput, UpdateAlarmInput } from "./alarms/models";
import type { AlarmChangelog } from "./changelogs/models";
import type { CheckType } from "./check-types/check-types";
import type { Check, TestCheckInput } from "./checks/checks";
import type { CheckResult, CreateCheckInput, UpdateCheckInput } from "./checks/models";
import type { Entity } from "./entities/entities";
import type { CreateEntityInput, UpdateEntityInput } from "./entities/models";
import type { DataPoint, DataPointsInput, MetricData } from "./metrics/models";
import { Monitoring } from "./monitoring";
import type { CreateNotificationPlanInput } from "./notification-plans/models";
import type { NotificationPlan } from "./notification-plans/notification-plans";
import type { NotificationType } from "./notification-types/notification-types";
import type { CreateNotificationInput, NotificationTestResult, TestNotificationInput, UpdateNotificationInput } from "./notifications/models";
import type { Notification } from "./notifications/notifications";
import type { OverviewRow } from "./overview/models";
import type { Ref } from "./ref";
import type { MonitoringZone } from "./zones/zones";

/**
 * `Monitoring` plus pyrax's flat `cloud_monitoring` calls, camelCased, for scripts being ported
 * (`cm.create_check(ent, …)` → `cm.createCheck(ent, …)`). Each is one line over the namespaces;
 * new code should call those (`cm.checks.create(ent, …)`).
 */
export class PyraxMonitoring extends Monitoring {
  listEntities(o?: CallOptions): Paginated<Entity> {
    return this.entities.list(undefined, o);
  }
  getEntity(entity: Ref, o?: CallOptions): Promise<Entity> {
    return this.entities.get(entity, o);
  }
  createEntity(input: CreateEntityInput, o?: CallOptions): Promise<Entity> {
    return this.entities.create(input, o);
  }
  updateEntity(entity: Ref, changes: UpdateEntityInput, o?: CallOptions): Promise<void> {
    return this.entities.update(entity, changes, o);
  }
  deleteEntity(entity: Ref, o?: CallOptions): Promise<void> {
    return this.entities.delete(entity, o);
  }
  listCheckTypes(o?: CallOptions): Paginated<CheckType> {
    return this.checkTypes.list(undefined, o);
  }
  getCheckType(checkType: Ref, o?: CallOptions): Promise<CheckType> {
    return this.checkTypes.get(checkType, o);
  }
  listMonitoringZones(o?: CallOptions): Paginated<MonitoringZone> {
    return this.zones.list(undefined, o);
  }
  getMonitoringZone(zone: Ref, o?: CallOptions): Promise<MonitoringZone> {
    return this.zones.get(zone, o);
  }
  listChecks(entity: Ref, o?: CallOptions): Paginated<Check> {
    return this.checks.list(entity, undefined, o);
  }
  getCheck(entity: Ref, check: Ref, o?: CallOptions): Promise<Check> {
    return this.checks.get(entity, check, o);
  }
  /** pyrax `create_check(entity, …, test_only=True)` is `{ test: true }` here and returns the test results. */
  createCheck(entity: Ref, input: TestCheckInput, o?: CallOptions): Promise<CheckResult[]>;
  createCheck(entity: Ref, input: CreateCheckInput, o?: CallOptions): Promise<Check>;
  createCheck(entity: Ref, input: CreateCheckInput, o?: CallOptions): Promise<Check | CheckResult[]> {
    return this.checks.create(entity, input as TestCheckInput, o);
  }
  updateCheck(entity: Ref, check: Ref, changes: UpdateCheckInput, o?: CallOptions): Promise<void> {
    return this.checks.update(entity, check, changes, o);
  }
  deleteCheck(entity: Ref, check: Ref, o?: CallOptions): Promise<void> {
    return this.checks.delete(entity, check, o);
  }
  listMetrics(entity: Ref, check: Ref, o?: CallOptions): Paginated<MetricData> {
    return this.metrics.list(entity, check, undefined, o);
  }
  getMetricDataPoints(entity: Ref, check: Ref, metric: string, range: DataPointsInput, o?: CallOptions): Promise<DataPoint[]> {
    return this.metrics.dataPoints(entity, check, metric, range, o);
  }
  listNotificationTypes(o?: CallOptions): Paginated<NotificationType> {
    return this.notificationTypes.list(undefined, o);
  }
  getNotificationType(notificationType: Ref, o?: CallOptions): Promise<NotificationType> {
    return this.notificationTypes.get(notificationType, o);
  }
  listNotifications(o?: CallOptions): Paginated<Notification> {
    return this.notifications.list(undefined, o);
  }
  getNotification(notification: Ref, o?: CallOptions): Promise<Notification> {
    return this.notifications.get(notification, o);
  }
  /** pyrax `create_notification(notification_type, label=…, details=…)`. */
  createNotification(type: Ref, input: Omit<CreateNotificationInput, "type">, o?: CallOptions): Promise<Notification> {
    return this.notifications.create({ ...input, type }, o);
  }
  updateNotification(notification: Ref, changes: UpdateNotificationInput, o?: CallOptions): Promise<void> {
    return this.notifications.update(notification, changes, o);
  }
  deleteNotification(notification: Ref, o?: CallOptions): Promise<void> {
    return this.notifications.delete(notification, o);
  }
  /**
   * pyrax `test_notification(notification=n)` tests an existing notification; `test_notification(
   * notification_type=…, details=…)` one not yet created: here `{ type, details }`.
   */
  testNotification(notification: Ref | TestNotificationInput, o?: CallOptions): Promise<NotificationTestResult> {
    if (typeof notification === "object" && notification !== null && !("id" in notification)) return this.notifications.testNew(notification, o);
    return this.notifications.test(notification, o);
  }
  listNotificationPlans(o?: CallOptions): Paginated<NotificationPlan> {
    return this.notificationPlans.list(undefined, o);
  }
  getNotificationPlan(plan: Ref, o?: CallOptions): Promise<NotificationPlan> {
    return this.notificationPlans.get(plan, o);
  }
  createNotificationPlan(input: CreateNotificationPlanInput, o?: CallOptions): Promise<NotificationPlan> {
    return this.notificationPlans.create(input, o);
  }
  deleteNotificationPlan(plan: Ref, o?: CallOptions): Promise<void> {
    return this.notificationPlans.delete(plan, o);
  }
  listAlarms(entity: Ref, o?: CallOptions): Paginated<Alarm> {
    return this.alarms.list(entity, undefined, o);
  }
  getAlarm(entity: Ref, alarm: Ref, o?: CallOptions): Promise<Alarm> {
    return this.alarms.get(entity, alarm, o);
  }
  /** pyrax `create_alarm(entity, check, notification_plan, criteria=None, …)`: no criteria, the check's availability decides. */
  createAlarm(entity: Ref, check: Ref, notificationPlan: Ref, criteria?: string, more: Omit<CreateAlarmInput, "check" | "notificationPlan" | "criteria"> = {}, o?: CallOptions): Promise<Alarm> {
    return this.alarms.create(entity, { ...more, check, notificationPlan, ...(criteria !== undefined ? { criteria } : {}) }, o);
  }
  updateAlarm(entity: Ref, alarm: Ref, changes: UpdateAlarmInput, o?: CallOptions): Promise<void> {
    return this.alarms.update(entity, alarm, changes, o);
  }
  deleteAlarm(entity: Ref, alarm: Ref, o?: CallOptions): Promise<void> {
    return this.alarms.delete(entity, alarm, o);
  }
  /** pyrax `get_changelogs(entity=None)`. */
  getChangelogs(entity?: Ref, o?: CallOptions): Paginated<AlarmChangelog> {
    return this.changelogs.list(entity === undefined ? undefined : { entity }, o);
  }
  /** pyrax `get_overview(entity=None)`. */
  getOverview(entity?: Ref, o?: CallOptions): Paginated<OverviewRow> {
    return this.overview.get(entity === undefined ? undefined : { entity }, o);
  }
  /** pyrax `create_agent_token(label)`. */
  createAgentToken(label?: string, o?: CallOptions): Promise<AgentToken> {
    return this.agentTokens.create(label === undefined ? undefined : { label }, o);
  }
  listAgentTokens(o?: CallOptions): Paginated<AgentToken> {
    return this.agentTokens.list(undefined, o);
  }
  getAgentToken(agentToken: Ref, o?: CallOptions): Promise<AgentToken> {
    return this.agentTokens.get(agentToken, o);
  }
  updateAgentToken(agentToken: Ref, label: string, o?: CallOptions): Promise<void> {
    return this.agentTokens.update(agentToken, label, o);
  }
  deleteAgentToken(agentToken: Ref, o?: CallOptions): Promise<void> {
    return this.agentTokens.delete(agentToken, o);
  }
  /** pyrax `get_account()`. */
  getAccount(o?: CallOptions): Promise<Account> {
    return this.account.get(o);
  }
  /** pyrax `get_audits()`. */
  getAudits(o?: CallOptions): Paginated<Audit> {
    return this.account.audits(undefined, o);
  }
}
