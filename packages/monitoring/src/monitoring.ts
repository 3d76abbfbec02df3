import { type RaxResponse, type ServiceCall, ServiceClient } from "@rax/core";
import { AccountNamespace } from "./account/account";
import { AgentTokens } from "./agent-tokens/agent-tokens";
import { Alarms } from "./alarms/alarms";
import { Changelogs } from "./changelogs/changelogs";
import { CheckTypes } from "./check-types/check-types";
import { Checks } from "./checks/checks";
import { Entities } from "./entities/entities";
import { refineMonitoringError } from "./errors";
import { Metrics } from "./metrics/metrics";
import { NotificationPlans } from "./notification-plans/notification-plans";
import { NotificationTypes } from "./notification-types/notification-types";
import { Notifications } from "./notifications/notifications";
import { Overview } from "./overview/overview";
import { MonitoringZones } from "./zones/zones";

/**
 * Rackspace Cloud Monitoring (global: no region). Build it from a context (`ctx.client(Monitoring)`)
 * or from any `AuthSession`; the endpoint comes from the catalog (type `rax:monitor`, name
 * `cloudMonitoring`). Each resource is a namespace: `monitoring.entities.create(…)`,
 * `monitoring.checks.create(entity, …)`, `monitoring.alarms.create(entity, …)`.
 */
export class Monitoring extends ServiceClient {
  static override readonly serviceType = "rax:monitor";
  static override readonly serviceName = "cloudMonitoring";

  #entities?: Entities;
  #checks?: Checks;
  #checkTypes?: CheckTypes;
  #zones?: MonitoringZones;
  #metrics?: Metrics;
  #alarms?: Alarms;
  #notifications?: Notifications;
  #notificationTypes?: NotificationTypes;
  #notificationPlans?: NotificationPlans;
  #changelogs?: Changelogs;
  #overview?: Overview;
  #agentTokens?: AgentTokens;
  #account?: AccountNamespace;

  /** The service's 400s by type (`Validation error for key '…'`, alarmParseError, childrenExistError…) become their own classes here, once for every call. */
  override async send(call: ServiceCall): Promise<RaxResponse> {
    try {
      return await super.send(call);
    } catch (e) {
      throw refineMonitoringError(e);
    }
  }

  /** Entities (what you monitor): list, get, create, update, delete. */
  get entities(): Entities {
    return (this.#entities ??= new Entities(this));
  }
  /** Checks on an entity: list, get, create (or test), update, delete. */
  get checks(): Checks {
    return (this.#checks ??= new Checks(this));
  }
  /** Check types and the `details` fields each takes. */
  get checkTypes(): CheckTypes {
    return (this.#checkTypes ??= new CheckTypes(this));
  }
  /** Monitoring zones (where remote checks run from) and traceroute. */
  get zones(): MonitoringZones {
    return (this.#zones ??= new MonitoringZones(this));
  }
  /** A check's metrics and their data points. */
  get metrics(): Metrics {
    return (this.#metrics ??= new Metrics(this));
  }
  /** Alarms on an entity's checks: list, get, create, test, update, delete. */
  get alarms(): Alarms {
    return (this.#alarms ??= new Alarms(this));
  }
  /** Notifications (email, webhook, pagerduty…): create, test, update, delete. */
  get notifications(): Notifications {
    return (this.#notifications ??= new Notifications(this));
  }
  /** Notification types and their `details` fields. */
  get notificationTypes(): NotificationTypes {
    return (this.#notificationTypes ??= new NotificationTypes(this));
  }
  /** Notification plans: notifications per alarm state. */
  get notificationPlans(): NotificationPlans {
    return (this.#notificationPlans ??= new NotificationPlans(this));
  }
  /** Alarm changelogs (state changes). */
  get changelogs(): Changelogs {
    return (this.#changelogs ??= new Changelogs(this));
  }
  /** The overview view: entities with checks, alarms and latest states. */
  get overview(): Overview {
    return (this.#overview ??= new Overview(this));
  }
  /** Agent tokens (secrets). */
  get agentTokens(): AgentTokens {
    return (this.#agentTokens ??= new AgentTokens(this));
  }
  /** The account (webhook token, metadata), its audit trail and its limits. */
  get account(): AccountNamespace {
    return (this.#account ??= new AccountNamespace(this));
  }
}
