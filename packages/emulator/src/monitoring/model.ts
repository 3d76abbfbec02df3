import { randomBytes, randomInt } from "node:crypto";
import type { EmulatorState } from "../state";
import { type AlarmState, evaluate, type MetricValue, type Program, parseCriteria } from "./alarm-language";
import { sample } from "./metric-generator";
import { CHECK_TYPES, type CheckTypeDef } from "./service-data";
import { perEmulator } from "../per-emulator";
import { autoscaleState } from "../autoscale/model";

// State is kept in wire shape (snake_case, ms timestamps as mimic has them: monitoring.md
// list_entities), so views are the records minus private fields.

export interface EntityRecord {
  id: string;
  label: string;
  ip_addresses: Record<string, string> | null;
  metadata: Record<string, string> | null;
  agent_id: string | null;
  uri: string | null;
  managed: boolean;
  created_at: number;
  updated_at: number;
}

export interface CheckRecord {
  id: string;
  entity_id: string;
  label: string;
  type: string;
  details: Record<string, unknown>;
  disabled: boolean;
  monitoring_zones_poll: string[];
  timeout: number;
  period: number;
  target_alias: string | null;
  target_hostname: string | null;
  target_resolver: string | null;
  metadata: Record<string, string> | null;
  created_at: number;
  updated_at: number;
}

export interface AlarmRecord {
  id: string;
  entity_id: string;
  check_id: string;
  notification_plan_id: string;
  criteria: string | null;
  disabled: boolean;
  label: string | null;
  metadata: Record<string, string> | null;
  created_at: number;
  updated_at: number;
}

export interface NotificationRecord {
  id: string;
  label: string;
  type: string;
  details: Record<string, unknown>;
  metadata: Record<string, string> | null;
  created_at: number;
  updated_at: number;
}

export interface PlanRecord {
  id: string;
  label: string;
  critical_state: string[];
  warning_state: string[];
  ok_state: string[];
  metadata: Record<string, string> | null;
  created_at: number;
  updated_at: number;
}

export interface AgentTokenRecord {
  id: string;
  label: string | null;
  token: string;
}

/** One change to the account: the service's audit trail (no payload: it may hold credentials). */
export interface AuditRecord {
  id: string;
  timestamp: number;
  method: string;
  url: string;
  app: string;
  statusCode: number;
  txnId: string;
  account_id: string;
  who: string | null;
  why: string | null;
}

export interface ChangelogRecord {
  id: string;
  timestamp: number;
  entity_id: string;
  alarm_id: string;
  check_id: string;
  state: AlarmState;
  previous_state: AlarmState | null;
  status: string;
  analyzed_by_monitoring_zone_id: string | null;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** The service's ids: a two-letter kind prefix and eight letters/digits (`enAAAA…`, `chAAAA…`). */
export function newId(prefix: string): string {
  let s = prefix;
  for (let i = 0; i < 8; i++) s += ALNUM[randomInt(ALNUM.length)];
  return s;
}

/** How many runs back alarm evaluation looks after a long clock jump (older runs are skipped). */
const MAX_RUNS_PER_EVALUATION = 200;

/** One tenant's Cloud Monitoring account. */
export class TenantMonitoring {
  // The class refers to itself, so the build emits it as `class _TenantMonitoring`: this keeps its name
  // (non-enumerable, like a function's own; tests/packaging/export-names).
  static get name(): string {
    return "TenantMonitoring";
  }
  readonly entities = new Map<string, EntityRecord>();
  readonly checks = new Map<string, CheckRecord>();
  readonly alarms = new Map<string, AlarmRecord>();
  readonly notifications = new Map<string, NotificationRecord>();
  readonly plans = new Map<string, PlanRecord>();
  readonly agentTokens = new Map<string, AgentTokenRecord>();
  readonly changelogs: ChangelogRecord[] = [];
  readonly audits: AuditRecord[] = [];
  /** When each request of the last 24 h arrived (the X-RateLimit-Used count). */
  readonly requestTimes: number[] = [];
  /** What webhook notifications are signed with (GET /account's `webhook_token`). */
  webhookToken = randomBytes(16).toString("hex");
  accountMetadata: Record<string, string> | null = null;
  /** Latest state per alarm and zone (`alarmId|zone`). */
  readonly latest = new Map<string, ChangelogRecord>();
  /** Last run of each alarm's check evaluated for it. */
  readonly evaluated = new Map<string, number>();
  private changelogSeq = 0;

  constructor(
    readonly tenantId: string,
    readonly clock: () => number,
    /** Where a webhook notification's POST goes (the emulator's own Auto Scale, for a capability URL). */
    private readonly postWebhook: (url: string) => void = () => undefined,
  ) {}

  /**
   * Runs the notifications the alarm's plan lists for `state` (the seed's Auto Scale "Workflow": an
   * alarm calls a webhook that runs a scaling policy). Only webhooks are delivered; email, SMS and
   * PagerDuty leave the emulator. A first evaluation that finds OK notifies no one: nothing changed.
   */
  #notify(alarm: AlarmRecord, state: AlarmState, before: ChangelogRecord | undefined): void {
    if (!before && state === "OK") return;
    const plan = this.plans.get(alarm.notification_plan_id);
    const ids = plan ? { OK: plan.ok_state, WARNING: plan.warning_state, CRITICAL: plan.critical_state }[state] : [];
    for (const id of ids ?? []) {
      const n = this.notifications.get(id);
      if (n) this.deliver(n.type, n.details);
    }
  }

  /** Sends one notification: a webhook's POST (a test's too); other types leave the emulator. */
  deliver(type: string, details: Record<string, unknown>): void {
    if (type === "webhook" && typeof details.url === "string") this.postWebhook(details.url);
  }

  checksOf(entityId: string): CheckRecord[] {
    return [...this.checks.values()].filter((c) => c.entity_id === entityId);
  }
  alarmsOf(entityId: string): AlarmRecord[] {
    return [...this.alarms.values()].filter((a) => a.entity_id === entityId);
  }

  /** Zones a check runs from: its poll list (remote), or one agent (undefined). */
  static zonesOf(check: CheckRecord): (string | undefined)[] {
    return check.type.startsWith("remote.") ? check.monitoring_zones_poll : [undefined];
  }

  /** Run `k` of a check happens `k` periods after it was created (the first after one period). */
  static runTime(check: CheckRecord, k: number): number {
    return check.created_at + k * check.period * 1000;
  }

  /** The last run of `check` at or before `now` (0 = none yet). */
  static lastRun(check: CheckRecord, now: number): number {
    return Math.max(0, Math.floor((now - check.created_at) / (check.period * 1000)));
  }

  /**
   * Evaluates every enabled alarm over its check's runs up to now, recording a changelog entry
   * whenever an alarm's state in a zone changes: the clock moving is what makes changelogs.
   */
  evaluateAlarms(): void {
    const now = this.clock();
    for (const alarm of this.alarms.values()) {
      const check = this.checks.get(alarm.check_id);
      if (!check || alarm.disabled || check.disabled) continue;
      const type = checkType(check.type);
      if (!type) continue;
      const program = programOf(alarm.criteria);
      const last = TenantMonitoring.lastRun(check, now);
      const firstForAlarm = Math.max(1, Math.ceil((alarm.created_at - check.created_at) / (check.period * 1000)));
      const from = Math.max(firstForAlarm, (this.evaluated.get(alarm.id) ?? 0) + 1, last - MAX_RUNS_PER_EVALUATION + 1);
      for (let k = from; k <= last; k++) {
        for (const zone of TenantMonitoring.zonesOf(check)) {
          const result = judge(program, type, check, zone, k);
          const key = `${alarm.id}|${zone ?? ""}`;
          const before = this.latest.get(key);
          if (before && before.state === result.state) continue;
          const at = TenantMonitoring.runTime(check, k);
          const entry: ChangelogRecord = {
            id: `${at.toString(16).padStart(12, "0")}-${(this.changelogSeq++).toString(16).padStart(4, "0")}-${randomBytes(4).toString("hex")}`,
            timestamp: at,
            entity_id: alarm.entity_id,
            alarm_id: alarm.id,
            check_id: check.id,
            state: result.state,
            previous_state: before?.state ?? null,
            status: result.status,
            analyzed_by_monitoring_zone_id: zone ?? null,
          };
          this.changelogs.push(entry);
          this.latest.set(key, entry);
          this.#notify(alarm, result.state, before);
        }
      }
      this.evaluated.set(alarm.id, Math.max(last, this.evaluated.get(alarm.id) ?? 0));
    }
  }

  /** Forgets what belonged to a deleted alarm (its changelogs stay: they are history). */
  dropAlarm(id: string): void {
    this.alarms.delete(id);
    this.evaluated.delete(id);
    for (const k of [...this.latest.keys()]) if (k.startsWith(`${id}|`)) this.latest.delete(k);
  }
}

export function checkType(id: string): CheckTypeDef | undefined {
  return CHECK_TYPES.find((t) => t.id === id);
}

const programs = new Map<string, Program>();
function programOf(criteria: string | null): Program | undefined {
  if (!criteria || criteria.trim() === "") return undefined;
  let p = programs.get(criteria);
  if (!p) {
    p = parseCriteria(criteria);
    programs.set(criteria, p);
  }
  return p;
}

/** One run judged by an alarm: its criteria, or (none given) the check's availability. */
export function judge(program: Program | undefined, type: CheckTypeDef, check: CheckRecord, zone: string | undefined, k: number): { state: AlarmState; status: string } {
  const now: Record<string, MetricValue> = sample(type, check.id, zone, k);
  if (!program) return now.available === 0 ? { state: "CRITICAL", status: "Check is unavailable" } : { state: "OK", status: "Check is available" };
  return evaluate(program, now, sample(type, check.id, zone, k - 1), check.period);
}

export class MonitoringState {
  private readonly tenants = new Map<string, TenantMonitoring>();
  constructor(readonly state: EmulatorState) {
    // Alarms are judged when read (changelogs, overview); Auto Scale's reads judge them too, so a
    // webhook notification has run its policy by the time the group's state is read.
    autoscaleState(state).beforeRequest.push(() => {
      for (const t of this.tenants.values()) t.evaluateAlarms();
    });
  }

  tenant(id: string): TenantMonitoring {
    let t = this.tenants.get(id);
    if (!t) {
      t = new TenantMonitoring(id, () => this.state.clock.now(), (url) => postWebhook(this.state, url));
      this.tenants.set(id, t);
    }
    return t;
  }
}

/**
 * A webhook notification's POST: an Auto Scale capability URL (`…/v1.0/execute/1/<hash>/`) runs its
 * policy in this emulator, as Otter's anonymous execute does; any other URL is outside the emulator.
 */
function postWebhook(state: EmulatorState, url: string): void {
  const hash = /\/v1\.0\/execute\/1\/([^/?#]+)\/?$/.exec(URL.canParse(url) ? new URL(url).pathname : "")?.[1];
  if (hash) autoscaleState(state).executeCapability(hash);
}

/** The Cloud Monitoring state of an emulator (created on first use). */
export const monitoringState = perEmulator((state): MonitoringState => new MonitoringState(state));
