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
  get(loadBalancer: Ref, o?: CallOptions): Promise<HealthMonitorData> {
    return api.getHealthMonitor(this.client, loadBalancer, o);
  }
  /** pyrax `add_health_monitor(type, delay, timeout, attemptsBeforeDeactivation, path, statusRegex, bodyRegex, hostHeader)`. */
  set(loadBalancer: Ref, monitor: HealthMonitorInput, o?: CallOptions): Change<void> {
    return changed(api.setHealthMonitor(this.client, loadBalancer, monitor, o), this.client, idOf(loadBalancer), o);
  }
  delete(loadBalancer: Ref, o?: CallOptions): Change<void> {
    return changed(api.deleteHealthMonitor(this.client, loadBalancer, o), this.client, idOf(loadBalancer), o);
  }
}

/** `clb.sessionPersistence`: HTTP_COOKIE or SOURCE_IP stickiness. */
export class SessionPersistence {
  constructor(readonly client: ServiceClient) {}
  /** HTTP_COOKIE, SOURCE_IP, or undefined when off. */
  get(loadBalancer: Ref, o?: CallOptions): Promise<PersistenceType | undefined> {
    return api.getSessionPersistence(this.client, loadBalancer, o);
  }
  set(loadBalancer: Ref, type: PersistenceType, o?: CallOptions): Change<void> {
    return changed(api.setSessionPersistence(this.client, loadBalancer, type, o), this.client, idOf(loadBalancer), o);
  }
  delete(loadBalancer: Ref, o?: CallOptions): Change<void> {
    return changed(api.deleteSessionPersistence(this.client, loadBalancer, o), this.client, idOf(loadBalancer), o);
  }
}

/** `clb.connectionLogging`: hourly connection logs delivered to Cloud Files. */
export class ConnectionLogging {
  constructor(readonly client: ServiceClient) {}
  get(loadBalancer: Ref, o?: CallOptions): Promise<boolean> {
    return api.getConnectionLogging(this.client, loadBalancer, o);
  }
  set(loadBalancer: Ref, enabled: boolean, o?: CallOptions): Change<void> {
    return changed(api.setConnectionLogging(this.client, loadBalancer, enabled, o), this.client, idOf(loadBalancer), o);
  }
  enable(loadBalancer: Ref, o?: CallOptions): Change<void> {
    return this.set(loadBalancer, true, o);
  }
  disable(loadBalancer: Ref, o?: CallOptions): Change<void> {
    return this.set(loadBalancer, false, o);
  }
}

/** `clb.connectionThrottle`: per-client connection limits. */
export class ConnectionThrottle {
  constructor(readonly client: ServiceClient) {}
  /** `{}` when none. */
  get(loadBalancer: Ref, o?: CallOptions): Promise<ConnectionThrottleData> {
    return api.getConnectionThrottle(this.client, loadBalancer, o);
  }
  set(loadBalancer: Ref, throttle: ConnectionThrottleInput, o?: CallOptions): Change<void> {
    return changed(api.setConnectionThrottle(this.client, loadBalancer, throttle, o), this.client, idOf(loadBalancer), o);
  }
  delete(loadBalancer: Ref, o?: CallOptions): Change<void> {
    return changed(api.deleteConnectionThrottle(this.client, loadBalancer, o), this.client, idOf(loadBalancer), o);
  }
}

/** `clb.errorPage`: the page shown when no node can answer. */
export class ErrorPage {
  constructor(readonly client: ServiceClient) {}
  /** The custom page, or CLB's default one. */
  get(loadBalancer: Ref, o?: CallOptions): Promise<string> {
    return api.getErrorPage(this.client, loadBalancer, o);
  }
  set(loadBalancer: Ref, html: string, o?: CallOptions): Change<void> {
    return changed(api.setErrorPage(this.client, loadBalancer, html, o), this.client, idOf(loadBalancer), o);
  }
  /** Back to the default page (pyrax `clear_error_page`). */
  delete(loadBalancer: Ref, o?: CallOptions): Change<void> {
    return changed(api.deleteErrorPage(this.client, loadBalancer, o), this.client, idOf(loadBalancer), o);
  }
}

/** `clb.contentCaching`: cache recently fetched content on the load balancer. */
export class ContentCaching {
  constructor(readonly client: ServiceClient) {}
  get(loadBalancer: Ref, o?: CallOptions): Promise<boolean> {
    return api.getContentCaching(this.client, loadBalancer, o);
  }
  set(loadBalancer: Ref, enabled: boolean, o?: CallOptions): Change<void> {
    return changed(api.setContentCaching(this.client, loadBalancer, enabled, o), this.client, idOf(loadBalancer), o);
  }
  enable(loadBalancer: Ref, o?: CallOptions): Change<void> {
    return this.set(loadBalancer, true, o);
  }
  disable(loadBalancer: Ref, o?: CallOptions): Change<void> {
    return this.set(loadBalancer, false, o);
  }
}
