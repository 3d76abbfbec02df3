import { assignData, type CallOptions, type Paginated, type ServiceClient } from "@rax/core";
import { type Alarm, Alarms } from "../alarms/alarms";
import type { CreateAlarmInput } from "../alarms/models";
import { Metrics } from "../metrics/metrics";
import type { DataPoint, DataPointsInput, ListMetricsInput, MetricData } from "../metrics/models";
import type { Ref } from "../ref";
import type { CheckData, CheckResult, CreateCheckInput, ListChecksInput, UpdateCheckInput } from "./models";
import * as api from "./requests";

/** `create` input with `test: true`: a dry run that creates nothing. */
export type TestCheckInput = CreateCheckInput & { test: true };

/** `monitoring.checks`: what to probe on an entity, how often and from where. */
export class Checks {
  #alarms?: Alarms;
  #metrics?: Metrics;
  constructor(readonly client: ServiceClient) {}

  /** The entity's checks (pyrax `list_checks`). */
  list(entity: Ref, options?: ListChecksInput, o?: CallOptions): Paginated<Check> {
    return api.listChecks(this.client, entity, options, o).map((d) => new Check(this, d));
  }
  /** One check (pyrax `get_check`). `NoSuchCheck` / `NoSuchEntity` if either does not exist. */
  async get(entity: Ref, check: Ref, o?: CallOptions): Promise<Check> {
    return new Check(this, await api.getCheck(this.client, entity, check, o));
  }
  /**
   * Creates a check (pyrax `create_check`). Refused before sending: a period under 30 s or over
   * 1800 s, a timeout not under the period, a remote check without `monitoringZonesPoll` or without
   * exactly one of `targetAlias` / `targetHostname`. With `test: true` nothing is created: the
   * service runs the check once and returns its results (pyrax `test_only`).
   */
  create(entity: Ref, input: TestCheckInput, o?: CallOptions): Promise<CheckResult[]>;
  create(entity: Ref, input: CreateCheckInput, o?: CallOptions): Promise<Check>;
  async create(entity: Ref, input: CreateCheckInput, o?: CallOptions): Promise<Check | CheckResult[]> {
    if (input?.test) return api.testNewCheck(this.client, entity, input, o);
    return new Check(this, await api.createCheck(this.client, entity, input, o));
  }
  /** Runs a check once without creating it (`create` with `test: true`); `debug` adds the service's debug output. */
  testNew(entity: Ref, input: Omit<CreateCheckInput, "test">, o?: CallOptions): Promise<CheckResult[]> {
    return api.testNewCheck(this.client, entity, input, o);
  }
  /** Runs an existing check once now. */
  test(entity: Ref, check: Ref, o?: CallOptions & { debug?: boolean }): Promise<CheckResult[]> {
    return api.testCheck(this.client, entity, check, o);
  }
  /** Changes the check (pyrax `update_check`); a value the service refuses → `MonitoringValidationError`. */
  update(entity: Ref, check: Ref, changes: UpdateCheckInput, o?: CallOptions): Promise<void> {
    return api.updateCheck(this.client, entity, check, changes, o);
  }
  delete(entity: Ref, check: Ref, o?: CallOptions): Promise<void> {
    return api.deleteCheck(this.client, entity, check, o);
  }

  /** @internal the namespaces a `Check`'s verbs reach. */
  get alarms(): Alarms {
    return (this.#alarms ??= new Alarms(this.client));
  }
  /** @internal */
  get metrics(): Metrics {
    return (this.#metrics ??= new Metrics(this.client));
  }
}

export interface Check extends CheckData {}
/** pyrax's `CloudMonitorCheck`; verbs delegate to `monitoring.checks` (and metrics, alarms). */
export class Check {
  readonly #checks: Checks;
  constructor(checks: Checks, data: CheckData) {
    this.#checks = checks;
    assignData(this, data);
  }
  /** Reloads this object in place (pyrax `check.get()` / `reload()`). */
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getCheck(this.#checks.client, this.entityId, this, o));
    return this;
  }
  /** Updates the check, then reloads this object. */
  async update(changes: UpdateCheckInput, o?: CallOptions): Promise<this> {
    await this.#checks.update(this.entityId, this, changes, o);
    return this.reload(o);
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#checks.delete(this.entityId, this, o);
  }
  /** Runs this check once now. */
  test(o?: CallOptions & { debug?: boolean }): Promise<CheckResult[]> {
    return this.#checks.test(this.entityId, this, o);
  }
  /** pyrax `check.list_metrics()`. */
  listMetrics(options?: ListMetricsInput, o?: CallOptions): Paginated<MetricData> {
    return this.#checks.metrics.list(this.entityId, this, options, o);
  }
  /** pyrax `check.get_metric_data_points(metric, start, end, …)`. */
  getDataPoints(metric: string | { name: string }, range: DataPointsInput, o?: CallOptions): Promise<DataPoint[]> {
    return this.#checks.metrics.dataPoints(this.entityId, this, metric, range, o);
  }
  /** pyrax `check.create_alarm(notification_plan, criteria, …)`. */
  createAlarm(input: Omit<CreateAlarmInput, "check">, o?: CallOptions): Promise<Alarm> {
    return this.#checks.alarms.create(this.entityId, { ...input, check: this.id }, o);
  }
}
