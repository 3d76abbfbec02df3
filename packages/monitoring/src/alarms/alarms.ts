import { assignData, type CallOptions, type Paginated, type ServiceClient } from "@rax/core";
import type { Ref } from "../ref";
import type { AlarmData, AlarmTestResult, CreateAlarmInput, ListAlarmsInput, TestAlarmInput, UpdateAlarmInput } from "./models";
import * as api from "./requests";

/** `monitoring.alarms`: criteria over a check's metrics that run a notification plan. */
export class Alarms {
  constructor(readonly client: ServiceClient) {}

  /** The entity's alarms (pyrax `list_alarms`). */
  list(entity: Ref, options?: ListAlarmsInput, o?: CallOptions): Paginated<Alarm> {
    return api.listAlarms(this.client, entity, options, o).map((d) => new Alarm(this, d));
  }
  /** One alarm (pyrax `get_alarm`). `NoSuchAlarm` if it does not exist. */
  async get(entity: Ref, alarm: Ref, o?: CallOptions): Promise<Alarm> {
    return new Alarm(this, await api.getAlarm(this.client, entity, alarm, o));
  }
  /**
   * Creates an alarm (pyrax `create_alarm(entity, check, notification_plan, criteria)`). Without
   * criteria the check's availability decides the state (the API's default); blank criteria are
   * refused before sending; criteria the service cannot parse → `AlarmParseError`.
   */
  async create(entity: Ref, input: CreateAlarmInput, o?: CallOptions): Promise<Alarm> {
    return new Alarm(this, await api.createAlarm(this.client, entity, input, o));
  }
  /** What `criteria` would decide for `checkData` (results of `checks.test`), creating nothing. */
  test(entity: Ref, input: TestAlarmInput, o?: CallOptions): Promise<AlarmTestResult[]> {
    return api.testAlarm(this.client, entity, input, o);
  }
  /** Changes criteria, plan, label, disabled or metadata (pyrax `update_alarm`). */
  update(entity: Ref, alarm: Ref, changes: UpdateAlarmInput, o?: CallOptions): Promise<void> {
    return api.updateAlarm(this.client, entity, alarm, changes, o);
  }
  delete(entity: Ref, alarm: Ref, o?: CallOptions): Promise<void> {
    return api.deleteAlarm(this.client, entity, alarm, o);
  }
}

export interface Alarm extends AlarmData {}
/** pyrax's `CloudMonitorAlarm`; verbs delegate to `monitoring.alarms`. */
export class Alarm {
  readonly #alarms: Alarms;
  constructor(alarms: Alarms, data: AlarmData) {
    this.#alarms = alarms;
    assignData(this, data);
  }
  /** Reloads this object in place (pyrax `alarm.get()`). */
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getAlarm(this.#alarms.client, this.entityId, this, o));
    return this;
  }
  /** Updates the alarm, then reloads this object. */
  async update(changes: UpdateAlarmInput, o?: CallOptions): Promise<this> {
    await this.#alarms.update(this.entityId, this, changes, o);
    return this.reload(o);
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#alarms.delete(this.entityId, this, o);
  }
}
