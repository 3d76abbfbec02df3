import { assignData, type CallOptions, type Paginated, type ServiceClient } from "@rax/core";
import type { Alarm } from "../alarms/alarms";
import type { CreateAlarmInput, ListAlarmsInput, UpdateAlarmInput } from "../alarms/models";
import { type Check, Checks, type TestCheckInput } from "../checks/checks";
import type { CheckResult, CreateCheckInput, ListChecksInput, UpdateCheckInput } from "../checks/models";
import type { DataPoint, DataPointsInput, MetricData } from "../metrics/models";
import type { Ref } from "../ref";
import type { CreateEntityInput, EntityData, ListEntitiesInput, UpdateEntityInput } from "./models";
import * as api from "./requests";

/** `monitoring.entities`: the things you monitor (a server, a site), with their IP address aliases. */
export class Entities {
  #checks?: Checks;
  constructor(readonly client: ServiceClient) {}

  /** Every entity, page after page (pyrax `list_entities`; `marker` / `pageSize` as its `marker` / `limit`). */
  list(options?: ListEntitiesInput, o?: CallOptions): Paginated<Entity> {
    return api.listEntities(this.client, options, o).map((d) => new Entity(this, d));
  }
  /** One entity (pyrax `get_entity`). `NoSuchEntity` if it does not exist. */
  async get(entity: Ref, o?: CallOptions): Promise<Entity> {
    return new Entity(this, await api.getEntity(this.client, entity, o));
  }
  /**
   * Creates an entity (pyrax `create_entity(label=…, ip_addresses=…, agent=…, metadata=…)`) and
   * returns it as the service stores it.
   */
  async create(input: CreateEntityInput, o?: CallOptions): Promise<Entity> {
    return new Entity(this, await api.createEntity(this.client, input, o));
  }
  /** Changes label, IP addresses, agent id or metadata (pyrax `update_entity`). */
  update(entity: Ref, changes: UpdateEntityInput, o?: CallOptions): Promise<void> {
    return api.updateEntity(this.client, entity, changes, o);
  }
  /** Deletes the entity, and with it its checks and alarms (`ChildrenExist` if the service refuses instead). */
  delete(entity: Ref, o?: CallOptions): Promise<void> {
    return api.deleteEntity(this.client, entity, o);
  }

  /** @internal the namespace an `Entity`'s check, metric and alarm verbs reach. */
  get checks(): Checks {
    return (this.#checks ??= new Checks(this.client));
  }
}

export interface Entity extends EntityData {}
/** pyrax's `CloudMonitorEntity`: the entity's data and its checks, metrics and alarms as verbs. */
export class Entity {
  readonly #entities: Entities;
  constructor(entities: Entities, data: EntityData) {
    this.#entities = entities;
    assignData(this, data);
  }
  /** pyrax's `entity.name`: the label. */
  get name(): string {
    return this.label;
  }
  /** Reloads this object in place. */
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getEntity(this.#entities.client, this, o));
    return this;
  }
  /** Updates the entity, then reloads this object (pyrax `entity.update(agent, metadata)`). */
  async update(changes: UpdateEntityInput, o?: CallOptions): Promise<this> {
    await this.#entities.update(this, changes, o);
    return this.reload(o);
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#entities.delete(this, o);
  }

  listChecks(options?: ListChecksInput, o?: CallOptions): Paginated<Check> {
    return this.#entities.checks.list(this, options, o);
  }
  getCheck(check: Ref, o?: CallOptions): Promise<Check> {
    return this.#entities.checks.get(this, check, o);
  }
  createCheck(input: TestCheckInput, o?: CallOptions): Promise<CheckResult[]>;
  createCheck(input: CreateCheckInput, o?: CallOptions): Promise<Check>;
  createCheck(input: CreateCheckInput, o?: CallOptions): Promise<Check | CheckResult[]> {
    return this.#entities.checks.create(this, input as TestCheckInput, o);
  }
  updateCheck(check: Ref, changes: UpdateCheckInput, o?: CallOptions): Promise<void> {
    return this.#entities.checks.update(this, check, changes, o);
  }
  deleteCheck(check: Ref, o?: CallOptions): Promise<void> {
    return this.#entities.checks.delete(this, check, o);
  }
  listMetrics(check: Ref, o?: CallOptions): Paginated<MetricData> {
    return this.#entities.checks.metrics.list(this, check, undefined, o);
  }
  getMetricDataPoints(check: Ref, metric: string | { name: string }, range: DataPointsInput, o?: CallOptions): Promise<DataPoint[]> {
    return this.#entities.checks.metrics.dataPoints(this, check, metric, range, o);
  }
  listAlarms(options?: ListAlarmsInput, o?: CallOptions): Paginated<Alarm> {
    return this.#entities.checks.alarms.list(this, options, o);
  }
  getAlarm(alarm: Ref, o?: CallOptions): Promise<Alarm> {
    return this.#entities.checks.alarms.get(this, alarm, o);
  }
  createAlarm(input: CreateAlarmInput, o?: CallOptions): Promise<Alarm> {
    return this.#entities.checks.alarms.create(this, input, o);
  }
  updateAlarm(alarm: Ref, changes: UpdateAlarmInput, o?: CallOptions): Promise<void> {
    return this.#entities.checks.alarms.update(this, alarm, changes, o);
  }
  deleteAlarm(alarm: Ref, o?: CallOptions): Promise<void> {
    return this.#entities.checks.alarms.delete(this, alarm, o);
  }
}
