import { randomBytes, randomUUID } from "node:crypto";
import type { EmulatorState } from "../state";
import { cronMatches, parseCron } from "./cron";
import { launchServer, novaRegion, removeServer, type ServerArgs } from "./fleet";
import { addToLoadBalancers, type LbNode, removeFromLoadBalancers } from "./lb-nodes";
import { cannotExecute, noSuchGroup, noSuchPolicy, noSuchWebhook, OtterFault } from "./otter-errors";
import { perEmulator } from "../per-emulator";

export interface GroupConfig {
  name: string;
  cooldown: number;
  minEntities: number;
  maxEntities: number;
  metadata: Record<string, string>;
}

/** `launchConfiguration` as stored: Otter hands back what it was given. */
export interface LaunchConfig {
  type: "launch_server";
  args: { server: ServerArgs; loadBalancers?: Array<{ loadBalancerId: number | string; port?: number; type?: string }>; [k: string]: unknown };
}

export interface PolicyRecord {
  id: string;
  name: string;
  type: "webhook" | "schedule";
  cooldown: number;
  change?: number;
  changePercent?: number;
  desiredCapacity?: number;
  args?: { cron?: string; at?: string };
  /** When it last ran (its cooldown starts then). */
  executedAt?: number;
  /** A schedule `at` policy runs once. */
  fired?: boolean;
  /** A cron policy: the last minute (epoch ms) already considered. */
  cronFrom?: number;
  webhooks: Map<string, WebhookRecord>;
}

export interface WebhookRecord {
  id: string;
  name: string;
  metadata: Record<string, string>;
  /** The secret in the capability URL (`/v1.0/execute/1/<hash>/`). */
  hash: string;
}

export interface GroupRecord {
  id: string;
  tenantId: string;
  /** Whose servers Nova builds (the user who created the group). */
  userId: string;
  config: GroupConfig;
  launch: LaunchConfig;
  policies: Map<string, PolicyRecord>;
  paused: boolean;
  desired: number;
  /** Server ids in the group, oldest first (scale-down removes the oldest: the seed's "Workflow"). */
  servers: string[];
  /** When a policy last ran on the group (the group cooldown starts then). */
  executedAt?: number;
  created: number;
  /** Load balancer nodes added for each server (server id → nodes). */
  lbNodes: Map<string, LbNode[]>;
  /**
   * The ACTIVE servers the last convergence saw. A paused group's state shows these: Otter's state
   * comes from its servers cache, which only a convergence refreshes (otter's test_pause.py
   * test_pause_stops_convergence: a server that finishes building while paused still reads pending).
   */
  seenActive?: string[];
  /**
   * Why the last convergence failed: the group's status is ERROR while set (Otter's
   * convergence_failed stores the reasons; a convergence that succeeds clears them).
   */
  errors?: string[];
}

/** Where a webhook's capability hash leads. */
interface Capability {
  region: string;
  group: string;
  policy: string;
}

/** One region's Otter: every tenant's groups. */
export class RegionAutoscale {
  readonly groups = new Map<string, GroupRecord>();

  constructor(
    readonly autoscale: AutoscaleState,
    readonly region: string,
  ) {}

  get now(): number {
    return this.autoscale.state.clock.now();
  }

  get nova() {
    return novaRegion(this.autoscale.state, this.region);
  }

  /** The tenant's group, converged as of now; 404 `NoSuchScalingGroupError` otherwise. */
  group(tenantId: string, id: string): GroupRecord {
    const g = this.groups.get(id);
    if (!g || g.tenantId !== tenantId) throw noSuchGroup(tenantId, id);
    this.converge(g);
    return g;
  }

  /** The tenant's groups sorted by id (Otter pages by id: `marker` is the last id seen), converged. */
  tenantGroups(tenantId: string): GroupRecord[] {
    const out = [...this.groups.values()].filter((g) => g.tenantId === tenantId).sort(byId);
    for (const g of out) this.converge(g);
    return out;
  }

  policy(g: GroupRecord, id: string): PolicyRecord {
    const p = g.policies.get(id);
    if (!p) throw noSuchPolicy(g.id, id);
    return p;
  }

  webhook(p: PolicyRecord, id: string): WebhookRecord {
    const w = p.webhooks.get(id);
    if (!w) throw noSuchWebhook(p.id, id);
    return w;
  }

  create(tenantId: string, userId: string, config: GroupConfig, launch: LaunchConfig, policies: Array<Omit<PolicyRecord, "id" | "webhooks">>): GroupRecord {
    if ([...this.groups.values()].filter((x) => x.tenantId === tenantId).length >= LIMITS.groups) throw overLimit("Groups", `Tenant ${tenantId} already has ${LIMITS.groups} scaling groups`);
    if (policies.length > LIMITS.policies) throw overLimit("Policies", `A group holds at most ${LIMITS.policies} policies`);
    const g: GroupRecord = { id: randomUUID(), tenantId, userId, config, launch, policies: new Map(), paused: false, desired: config.minEntities, servers: [], created: this.now, lbNodes: new Map() };
    for (const p of policies) this.addPolicy(g, p);
    this.groups.set(g.id, g);
    this.converge(g);
    return g;
  }

  addPolicy(g: GroupRecord, p: Omit<PolicyRecord, "id" | "webhooks">): PolicyRecord {
    if (g.policies.size >= LIMITS.policies) throw overLimit("Policies", `Group ${g.id} already has ${LIMITS.policies} policies`);
    const rec: PolicyRecord = { ...p, id: randomUUID(), webhooks: new Map(), ...(p.args?.cron ? { cronFrom: minuteOf(this.now) } : {}) };
    g.policies.set(rec.id, rec);
    return rec;
  }

  addWebhook(g: GroupRecord, p: PolicyRecord, name: string, metadata: Record<string, string>): WebhookRecord {
    if (p.webhooks.size >= LIMITS.webhooks) throw overLimit("Webhooks", `Policy ${p.id} already has ${LIMITS.webhooks} webhooks`);
    const w: WebhookRecord = { id: randomUUID(), name, metadata, hash: randomBytes(32).toString("hex") };
    p.webhooks.set(w.id, w);
    this.autoscale.capabilities.set(w.hash, { region: this.region, group: g.id, policy: p.id });
    return w;
  }

  dropWebhook(p: PolicyRecord, w: WebhookRecord): void {
    p.webhooks.delete(w.id);
    this.autoscale.capabilities.delete(w.hash);
  }

  dropPolicy(g: GroupRecord, p: PolicyRecord): void {
    for (const w of [...p.webhooks.values()]) this.dropWebhook(p, w);
    g.policies.delete(p.id);
  }

  /** A new configuration: the desired capacity is held within the new bounds, then the group converges. */
  setConfig(g: GroupRecord, config: GroupConfig): void {
    g.config = config;
    g.desired = clamp(g.desired, config);
    // Otter's config PUT triggers a convergence even on a paused group (controller.py modify_and_trigger).
    this.converge(g, true);
  }

  /**
   * Deletes the group. Without `force`, a desired capacity above 0 → 403 `GroupNotEmptyError` (the
   * codes table of reference autoscale.md; its prose says 409): Otter's convergence tenants check the
   * desired capacity, not the servers (controller.py delete_group), so a group in ERROR with no server
   * built is refused too, and one scaled to 0 whose servers are still deleting is not. `force`
   * deletes the servers too. Otter marks the group DELETING and its reads answer 404 from then on
   * (cass.py _check_deleting), so the emulator drops it at once while its servers go on deleting in Nova.
   */
  delete(g: GroupRecord, force: boolean): void {
    this.converge(g);
    if (g.desired > 0 && !force) throw new OtterFault(403, "GroupNotEmptyError", `Group ${g.id} for tenant ${g.tenantId} still has entities.`);
    const nova = this.nova;
    for (const id of g.servers) {
      const s = nova.servers.get(id);
      if (s) removeServer(nova, s);
    }
    g.servers = [];
    this.#syncLoadBalancers(g);
    for (const p of [...g.policies.values()]) this.dropPolicy(g, p);
    this.groups.delete(g.id);
  }

  /**
   * Runs a policy: paused → 403 `GroupPausedError`; inside the group's or the policy's cooldown, or
   * with no change to the desired capacity once held within min/max → 403 `CannotExecutePolicyError`.
   */
  execute(g: GroupRecord, p: PolicyRecord, now = this.now): void {
    // Otter's words (otter/controller.py): GroupPausedError's "Cannot {operation} for group … because
    // group is paused". CannotExecutePolicyError's reasons are Otter's ("Cooldowns not met.", "No
    // change in servers") with the emulator's own tests' wording kept: which cooldown, lower case.
    if (g.paused) throw new OtterFault(403, "GroupPausedError", `Cannot execute policy ${p.id} for group ${g.id} for tenant ${g.tenantId} because group is paused`);
    if (g.executedAt !== undefined && now < g.executedAt + g.config.cooldown * 1000) throw cannotExecute(g.tenantId, g.id, p.id, "Cooldowns not met (group cooldown).");
    if (p.executedAt !== undefined && now < p.executedAt + p.cooldown * 1000) throw cannotExecute(g.tenantId, g.id, p.id, "Cooldowns not met (policy cooldown).");
    const wanted = clamp(target(g.desired, p), g.config);
    if (wanted === g.desired) throw cannotExecute(g.tenantId, g.id, p.id, "no change in servers");
    g.desired = wanted;
    g.executedAt = now;
    p.executedAt = now;
    this.converge(g, true);
  }

  /**
   * Brings the group to its desired capacity on the emulator's clock: due `at` schedules run,
   * servers Nova lost or put in ERROR leave the group (ERROR ones are deleted), missing servers are
   * launched, surplus ones deleted oldest first. A paused group only lets its due schedules be
   * refused: Otter's pause stops the convergence cycle (controller.py conv_pause_group_eff drops the
   * divergent flag; selfheal.py skips paused groups), so lost servers are not replaced and new
   * servers do not join load balancers until resume, a config change, or a server delete
   * (`triggered`) runs one.
   */
  converge(g: GroupRecord, triggered = false): void {
    for (const p of g.policies.values()) {
      if (p.type !== "schedule") continue;
      for (const at of this.#due(p)) {
        // A run refused (paused, cooldown, no change) is skipped, as Otter's scheduler skips it.
        try {
          this.execute(g, p, at);
        } catch (e) {
          if (!(e instanceof OtterFault)) throw e;
        }
      }
    }
    if (g.paused && !triggered) return;
    const nova = this.nova;
    g.servers = g.servers.filter((id) => {
      const s = nova.server(g.tenantId, id);
      if (!s || s.deletedAt !== undefined) return false;
      if (s.status === "ERROR") {
        removeServer(nova, s);
        return false;
      }
      return true;
    });
    if (g.servers.length < g.desired) {
      // Nova refuses a server whose image is gone (deleted since the launch configuration was
      // checked): Otter's CreateServerConfigurationError, a terminal failure that puts the group in ERROR.
      const imageRef = g.launch.args.server.imageRef;
      if (nova.image(g.tenantId, imageRef)?.status !== "ACTIVE") g.errors = [`Server launch configuration is invalid: Image ${imageRef} could not be found.`];
      else g.errors = undefined;
    } else g.errors = undefined;
    if (!g.errors) while (g.servers.length < g.desired) g.servers.push(launchServer(nova, g.tenantId, g.userId, g.id, g.launch.args.server).id);
    while (g.servers.length > g.desired) {
      const s = nova.servers.get(g.servers.shift()!);
      if (s) removeServer(nova, s);
    }
    this.#syncLoadBalancers(g);
    g.seenActive = this.#liveActive(g);
  }

  /** Active servers join the launch configuration's load balancers; servers that left the group leave them. */
  #syncLoadBalancers(g: GroupRecord): void {
    const state = this.autoscale.state;
    for (const [id, nodes] of g.lbNodes) {
      if (g.servers.includes(id)) continue;
      removeFromLoadBalancers(state, this.region, g.tenantId, nodes);
      g.lbNodes.delete(id);
    }
    // RackConnect v3 pools are not Cloud Load Balancers: nothing here to join.
    const lbs = (g.launch.args.loadBalancers ?? []).flatMap((l) => ((l.type ?? "CloudLoadBalancer") === "CloudLoadBalancer" && l.port !== undefined ? [{ loadBalancerId: l.loadBalancerId, port: l.port }] : []));
    if (!lbs.length) return;
    const nova = this.nova;
    for (const id of g.servers) {
      const s = nova.server(g.tenantId, id);
      if (s?.status !== "ACTIVE") continue;
      const nodes = g.lbNodes.get(id) ?? [];
      addToLoadBalancers(state, this.region, g.tenantId, s, lbs, nodes);
      if (nodes.length) g.lbNodes.set(id, nodes);
    }
  }

  /** Takes one server out of the group and deletes it; `replace` keeps the desired capacity (a new one is built). */
  deleteServer(g: GroupRecord, serverId: string, replace: boolean): void {
    this.converge(g, true);
    if (!g.servers.includes(serverId)) throw new OtterFault(404, "ServerNotFoundError", `Server ${serverId} not found in group ${g.id}`);
    if (!replace && g.desired - 1 < g.config.minEntities)
      throw new OtterFault(403, "CannotDeleteServerBelowMinError", `Cannot remove server ${serverId} from tenant ${g.tenantId}'s group ${g.id}. It will reduce number of servers below required minimum ${g.config.minEntities}.`);
    g.servers = g.servers.filter((id) => id !== serverId);
    const nova = this.nova;
    const s = nova.servers.get(serverId);
    if (s) removeServer(nova, s);
    if (!replace) g.desired -= 1;
    this.converge(g, true);
  }

  /** When a schedule policy was due since last looked at: its `at` once, or each cron minute passed (at most a year's). */
  #due(p: PolicyRecord): number[] {
    const now = this.now;
    if (p.args?.at) {
      const at = Date.parse(p.args.at);
      if (p.fired || at > now) return [];
      p.fired = true;
      return [at];
    }
    const cron = p.args?.cron ? parseCron(p.args.cron) : undefined;
    if (!cron) return [];
    const out: number[] = [];
    const last = minuteOf(now);
    let m = Math.max((p.cronFrom ?? last) + MINUTE, last - 366 * 24 * 60 * MINUTE);
    for (; m <= last; m += MINUTE) if (cronMatches(cron, m)) out.push(m);
    p.cronFrom = last;
    return out;
  }

  /** Active (ACTIVE in Nova) server ids, oldest first. */
  active(g: GroupRecord): string[] {
    return g.paused && g.seenActive ? g.seenActive : this.#liveActive(g);
  }

  #liveActive(g: GroupRecord): string[] {
    const nova = this.nova;
    return g.servers.filter((id) => nova.server(g.tenantId, id)?.status === "ACTIVE");
  }
}

function target(desired: number, p: PolicyRecord): number {
  if (p.desiredCapacity !== undefined) return p.desiredCapacity;
  if (p.change !== undefined) return desired + p.change;
  const delta = (desired * (p.changePercent ?? 0)) / 100;
  // A percentage moves at least one server in its direction (rounded away from zero).
  return desired + (delta > 0 ? Math.ceil(delta) : Math.floor(delta));
}

/** Reference autoscale.md, "Limits": 1000 groups, 100 policies per group, 25 webhooks per policy. */
export const LIMITS = { groups: 1000, policies: 100, webhooks: 25 };
/** How Otter refuses one too many: 422 `<Thing>OverLimitError` (otter/rest/errors.py: ScalingGroupOverLimitError, PoliciesOverLimitError, WebhooksOverLimitError → 422). */
export const overLimit = (what: string, message: string) => new OtterFault(422, `${what}OverLimitError`, message);

const MINUTE = 60_000;
const minuteOf = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;
const clamp = (n: number, c: GroupConfig) => Math.min(c.maxEntities, Math.max(c.minEntities, n));
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Auto Scale in every region, on the emulator's clock. */
export class AutoscaleState {
  private readonly regions = new Map<string, RegionAutoscale>();
  /** Capability hash → the policy its webhook runs (the execute URL carries no tenant). */
  readonly capabilities = new Map<string, Capability>();
  /**
   * Run before each Auto Scale request: clock-driven work elsewhere that may run policies catches up
   * first (Cloud Monitoring's alarms call capability URLs), so a group's state reflects them.
   */
  readonly beforeRequest: Array<() => void> = [];

  constructor(readonly state: EmulatorState) {}

  region(name: string): RegionAutoscale {
    let r = this.regions.get(name);
    if (!r) {
      r = new RegionAutoscale(this, name);
      this.regions.set(name, r);
    }
    return r;
  }

  /** Runs the policy a capability hash leads to; unknown hashes and refusals are silent (202 always). */
  executeCapability(hash: string): void {
    const c = this.capabilities.get(hash);
    if (!c) return;
    const r = this.region(c.region);
    const g = r.groups.get(c.group);
    const p = g?.policies.get(c.policy);
    if (!g || !p) return;
    try {
      r.converge(g);
      r.execute(g, p);
    } catch (e) {
      if (!(e instanceof OtterFault)) throw e;
    }
  }
}

/** The Auto Scale state of an emulator (created on first use). */
export const autoscaleState = perEmulator((state): AutoscaleState => new AutoscaleState(state));
