import type { CallOptions, ServiceClient } from "@rax/core";
import { type Change, changed } from "../change";
import { idOf, type Ref } from "../ref";
import type { ConnectionThrottleData, ConnectionThrottleInput, HealthMonitorData, HealthMonitorInput, PersistenceType } from "./models";
import * as api from "./requests";

// One small namespace per load-balancer setting (pyrax's sub-managers: `lb.session_persistence()`, …).

/** `clb.healthMonitor`: CONNECT, HTTP or HTTPS probes of the nodes. */
export class HealthMonitor {
  constructor(readonly client: ServiceClient) {}
  /** `{}` when none. */
  get(lb: Ref, o?: CallOptions): Promise<HealthMonitorData> {
    return api.getHealthMonitor(this.client, lb, o);
  }
  /** pyrax `add_health_monitor(type, delay, timeout, attemptsBeforeDeactivation, path, statusRegex, bodyRegex, hostHeader)`. */
  set(lb: Ref, monitor: HealthMonitorInput, o?: CallOptions): Change<void> {
    return changed(api.setHealthMonitor(this.client, lb, monitor, o), this.client, idOf(lb), o);
  }
  delete(lb: Ref, o?: CallOptions): Change<void> {
    return changed(api.deleteHealthMonitor(this.client, lb, o), this.client, idOf(lb), o);
  }
}

/** `clb.sessionPersistence`: HTTP_COOKIE or SOURCE_IP stickiness. */
export class SessionPersistence {
  constructor(readonly client: ServiceClient) {}
  /** HTTP_COOKIE, SOURCE_IP, or undefined when off. */
  get(lb: Ref, o?: CallOptions): Promise<PersistenceType | undefined> {
    return api.getSessionPersistence(this.client, lb, o);
  }
  set(lb: Ref, type: PersistenceType, o?: CallOptions): Change<void> {
    return changed(api.setSessionPersistence(this.client, lb, type, o), this.client, idOf(lb), o);
  }
  delete(lb: Ref, o?: CallOptions): Change<void> {
    return changed(api.deleteSessionPersistence(this.client, lb, o), this.client, idOf(lb), o);
  }
}

/** `clb.connectionLogging`: hourly connection logs delivered to Cloud Files. */
export class ConnectionLogging {
  constructor(readonly client: ServiceClient) {}
  get(lb: Ref, o?: CallOptions): Promise<boolean> {
    return api.getConnectionLogging(this.client, lb, o);
  }
  set(lb: Ref, enabled: boolean, o?: CallOptions): Change<void> {
    return changed(api.setConnectionLogging(this.client, lb, enabled, o), this.client, idOf(lb), o);
  }
  enable(lb: Ref, o?: CallOptions): Change<void> {
    return this.set(lb, true, o);
  }
  disable(lb: Ref, o?: CallOptions): Change<void> {
    return this.set(lb, false, o);
  }
}

/** `clb.connectionThrottle`: per-client connection limits. */
export class ConnectionThrottle {
  constructor(readonly client: ServiceClient) {}
  /** `{}` when none. */
  get(lb: Ref, o?: CallOptions): Promise<ConnectionThrottleData> {
    return api.getConnectionThrottle(this.client, lb, o);
  }
  set(lb: Ref, throttle: ConnectionThrottleInput, o?: CallOptions): Change<void> {
    return changed(api.setConnectionThrottle(this.client, lb, throttle, o), this.client, idOf(lb), o);
  }
  delete(lb: Ref, o?: CallOptions): Change<void> {
    return changed(api.deleteConnectionThrottle(this.client, lb, o), this.client, idOf(lb), o);
  }
}

/** `clb.errorPage`: the page shown when no node can answer. */
export class ErrorPage {
  constructor(readonly client: ServiceClient) {}
  /** The custom page, or CLB's default one. */
  get(lb: Ref, o?: CallOptions): Promise<string> {
    return api.getErrorPage(this.client, lb, o);
  }
  set(lb: Ref, html: string, o?: CallOptions): Change<void> {
    return changed(api.setErrorPage(this.client, lb, html, o), this.client, idOf(lb), o);
  }
  /** Back to the default page (pyrax `clear_error_page`). */
  delete(lb: Ref, o?: CallOptions): Change<void> {
    return changed(api.deleteErrorPage(this.client, lb, o), this.client, idOf(lb), o);
  }
}

/** `clb.contentCaching`: cache recently fetched content on the load balancer. */
export class ContentCaching {
  constructor(readonly client: ServiceClient) {}
  get(lb: Ref, o?: CallOptions): Promise<boolean> {
    return api.getContentCaching(this.client, lb, o);
  }
  set(lb: Ref, enabled: boolean, o?: CallOptions): Change<void> {
    return changed(api.setContentCaching(this.client, lb, enabled, o), this.client, idOf(lb), o);
  }
  enable(lb: Ref, o?: CallOptions): Change<void> {
    return this.set(lb, true, o);
  }
  disable(lb: Ref, o?: CallOptions): Change<void> {
    return this.set(lb, false, o);
  }
}
