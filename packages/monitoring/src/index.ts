export { Monitoring } from "./monitoring";
export { PyraxMonitoring } from "./compat";
export {
  AlarmParseError,
  ChildrenExist,
  MonitoringLimitReached,
  type MonitoringResourceKind,
  MonitoringValidationError,
  NoSuchAlarm,
  NoSuchCheck,
  NoSuchEntity,
  NoSuchMonitoringResource,
  NoSuchNotification,
  NoSuchNotificationPlan,
} from "./errors";
export type { Ref } from "./ref";
export type { PageOptions } from "./collection";
export { Entities, Entity } from "./entities/entities";
export type { CreateEntityInput, EntityData, ListEntitiesInput, UpdateEntityInput } from "./entities/models";
export { Check, Checks, type TestCheckInput } from "./checks/checks";
export { type CheckData, type CheckMetricValue, type CheckResult, type CreateCheckInput, type ListChecksInput, PERIOD_MAX, PERIOD_MIN, TIMEOUT_MIN, type UpdateCheckInput } from "./checks/models";
export { CheckType, CheckTypes } from "./check-types/check-types";
export type { CheckTypeData, TypeField } from "./check-types/models";
export { MonitoringZone, MonitoringZones } from "./zones/zones";
export type { MonitoringZoneData, TracerouteHop, TracerouteInput } from "./zones/models";
export { Metrics } from "./metrics/metrics";
export { type DataPoint, type DataPointsInput, type ListMetricsInput, MAX_POINTS, type MetricData, RESOLUTIONS, STATS } from "./metrics/models";
export { Alarm, Alarms } from "./alarms/alarms";
export type { AlarmData, AlarmTestResult, CreateAlarmInput, ListAlarmsInput, TestAlarmInput, UpdateAlarmInput } from "./alarms/models";
export { Notification, Notifications } from "./notifications/notifications";
export type { CreateNotificationInput, ListNotificationsInput, NotificationData, NotificationTestResult, TestNotificationInput, UpdateNotificationInput } from "./notifications/models";
export { NotificationType, NotificationTypes } from "./notification-types/notification-types";
export type { NotificationTypeData } from "./notification-types/models";
export { NotificationPlan, NotificationPlans } from "./notification-plans/notification-plans";
export type { CreateNotificationPlanInput, ListNotificationPlansInput, NotificationPlanData, UpdateNotificationPlanInput } from "./notification-plans/models";
export { Changelogs } from "./changelogs/changelogs";
export type { AlarmChangelog, ChangelogsInput } from "./changelogs/models";
export { Overview } from "./overview/overview";
export type { LatestAlarmState, OverviewInput, OverviewRow } from "./overview/models";
export { AgentToken, AgentTokens } from "./agent-tokens/agent-tokens";
export type { AgentTokenData, CreateAgentTokenInput, ListAgentTokensInput } from "./agent-tokens/models";
export { Account, AccountNamespace } from "./account/account";
export type { AccountData, Audit, AuditsInput, MonitoringLimits, UpdateAccountInput } from "./account/models";
