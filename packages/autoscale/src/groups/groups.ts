import { assignData, type CallOptions, type Paginated, ResourceFailed, type ServiceClient, type WaitOptions, waitUntil } from "@rax/core";
import type { ListInput } from "../paging";
import type { CreatePolicyInput, UpdatePolicyInput } from "../policies/models";
import { type Policies, Policy } from "../policies/policies";
import type { Ref } from "../ref";
import type { CreateWebhookInput, UpdateWebhookInput } from "../webhooks/models";
import type { Webhook } from "../webhooks/webhooks";
import type { CreateGroupInput, DeleteServerInput, GroupConfigData, GroupStateData, LaunchConfigData, ListGroupsInput, ScalingGroupData, UpdateGroupInput, UpdateLaunchInput } from "./models";
import * as api from "./requests";

/** How `waitUntilSettled` polls: core's wait options (interval, attempts, timeout, signal, onProgress). */
export type SettleOptions = Omit<WaitOptions<GroupStateData & { settled: boolean }>, "failOn" | "faultOf">;

/** `autoscale.groups`: scaling groups. Every method takes a group id or a `ScalingGroup`. */
export class ScalingGroups {
  constructor(
    readonly client: ServiceClient,
    readonly policies: Policies,
  ) {}

  #wrap = (d: ScalingGroupData) => new ScalingGroup(this, d);

  /**
   * Every scaling group of the account (pyrax `list()`). Otter lists id, name and state: pass
   * `{ detailed: true }` for each group's configuration too (one GET per group), or `reload()` a row.
   */
  list(filters?: ListGroupsInput, o?: CallOptions): Paginated<ScalingGroup> {
    return api.listGroups(this.client, filters, o).map(this.#wrap);
  }

  /** One group with its configuration, launch configuration, policies and state. `NoSuchScalingGroup` if none. */
  async get(group: Ref, o?: CallOptions): Promise<ScalingGroup> {
    return this.#wrap(await api.getGroup(this.client, group, o));
  }

  /**
   * Creates a group (pyrax `create`): name, cooldown, min/maxEntities, the launch configuration
   * (serverName, flavor, image, diskConfig, metadata, personality, networks, loadBalancers, keyName…)
   * and, optionally, `scalingPolicies`. Otter starts building `minEntities` servers at once.
   */
  async create(input: CreateGroupInput, o?: CallOptions): Promise<ScalingGroup> {
    return this.#wrap(await api.createGroup(this.client, input, o));
  }

  /** Changes some of name, cooldown, min/maxEntities, metadata (which replaces the group's); returns the configuration sent. */
  update(group: Ref, changes: UpdateGroupInput, o?: CallOptions): Promise<GroupConfigData> {
    return api.updateGroupConfig(this.client, group, changes, o);
  }

  /** Merges `metadata` into the group's, keeping its other keys (pyrax `update_metadata`). */
  updateMetadata(group: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<GroupConfigData> {
    return api.updateGroupMetadata(this.client, group, metadata, o);
  }

  /** Deletes the group; one that still has servers → `GroupNotEmpty`, unless `{ force: true }` (its servers are deleted). */
  delete(group: Ref, options?: { force?: boolean }, o?: CallOptions): Promise<void> {
    return api.deleteGroup(this.client, group, options, o);
  }

  /** Active server ids and active / desired / pending capacity (pyrax `get_state`). */
  getState(group: Ref, o?: CallOptions): Promise<GroupStateData> {
    return api.getGroupState(this.client, group, o);
  }

  /** Stops policies and webhooks from running (pyrax `pause`). */
  pause(group: Ref, o?: CallOptions): Promise<void> {
    return api.pauseGroup(this.client, group, o);
  }

  /** Lets policies and webhooks run again (pyrax `resume`). */
  resume(group: Ref, o?: CallOptions): Promise<void> {
    return api.resumeGroup(this.client, group, o);
  }

  /** The group's configuration (pyrax `get_configuration`). */
  getConfig(group: Ref, o?: CallOptions): Promise<GroupConfigData> {
    return api.getGroupConfig(this.client, group, o);
  }

  /** What new servers are built from (pyrax `get_launch_config`). */
  getLaunchConfig(group: Ref, o?: CallOptions): Promise<LaunchConfigData> {
    return api.getLaunchConfig(this.client, group, o);
  }

  /** Changes some launch settings; the rest keep their values. Server `metadata` replaces (pyrax `update_launch_config`). */
  updateLaunchConfig(group: Ref, changes: UpdateLaunchInput, o?: CallOptions): Promise<LaunchConfigData> {
    return api.updateLaunchConfig(this.client, group, changes, o);
  }

  /** Merges `metadata` into the launch configuration's server metadata (pyrax `update_launch_metadata`). */
  updateLaunchMetadata(group: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<LaunchConfigData> {
    return api.updateLaunchMetadata(this.client, group, metadata, o);
  }

  /**
   * Takes one server out of the group (Otter's delete-server call; not in pyrax): a new one is built in
   * its place, or with `{ replace: false }` the desired capacity drops by one.
   */
  deleteServer(group: Ref, server: Ref, options?: DeleteServerInput, o?: CallOptions): Promise<void> {
    return api.deleteGroupServer(this.client, group, server, options, o);
  }

  /** Asks Otter to converge the group now (not in pyrax). */
  converge(group: Ref, o?: CallOptions): Promise<void> {
    return api.convergeGroup(this.client, group, o);
  }

  /**
   * Polls the group's state until it has converged: nothing pending and as many active servers as
   * desired. Resolves with that state; `WaitTimeout` / `AbortError` as core's waiters. A group whose
   * status is ERROR rejects with core's `ResourceFailed` (Otter's `errors` as its fault): Otter has
   * stopped converging it, so it would never settle (fix the cause, then `converge`).
   */
  async waitUntilSettled(group: Ref, o: SettleOptions = {}): Promise<GroupStateData> {
    const load = async () => {
      const s = await this.getState(group, o.signal ? { signal: o.signal } : {});
      // otter/convergence/service.py convergence_failed: status ERROR, reasons stored, convergence stops.
      if (s.status?.toUpperCase() === "ERROR") throw new ResourceFailed({ resource: s, value: s.status, fault: s.errors?.length ? s.errors.join("; ") : undefined, attribute: "status" });
      return { ...s, settled: s.pendingCapacity === 0 && s.activeCapacity === s.desiredCapacity };
    };
    const { settled: _, ...state } = await waitUntil(load, "settled", [true], { interval: 5000, timeout: 30 * 60_000, ...o });
    return state;
  }
}

export interface ScalingGroup extends Omit<ScalingGroupData, "policies"> {}

/**
 * A scaling group as Otter last described it (pyrax's `ScalingGroup`; `reload()` refreshes), with
 * pyrax's object verbs: `sg.pause()`, `sg.update(…)`, `sg.addPolicy(…)`, `sg.executePolicy(policy)` …
 */
export class ScalingGroup {
  readonly #groups: ScalingGroups;

  /** The group's policies as `Policy` objects (pyrax's `sg.policies`), when Otter sent them (not on listing rows). */
  declare policies?: Policy[];

  constructor(groups: ScalingGroups, data: ScalingGroupData) {
    this.#groups = groups;
    this.#adopt(data);
  }

  #adopt(data: ScalingGroupData): void {
    const { policies, ...rest } = data;
    assignData(this, policies ? { ...rest, policies: policies.map((p) => new Policy(this.#groups.policies, p)) } : rest);
  }

  /** Reloads this object in place (configuration, launch configuration, policies, state) and returns it. */
  async reload(o?: CallOptions): Promise<this> {
    this.#adopt(await api.getGroup(this.#groups.client, this, o));
    return this;
  }
  update(changes: UpdateGroupInput, o?: CallOptions): Promise<GroupConfigData> {
    return this.#groups.update(this, changes, o);
  }
  updateMetadata(metadata: Record<string, string>, o?: CallOptions): Promise<GroupConfigData> {
    return this.#groups.updateMetadata(this, metadata, o);
  }
  delete(options?: { force?: boolean }, o?: CallOptions): Promise<void> {
    return this.#groups.delete(this, options, o);
  }
  getState(o?: CallOptions): Promise<GroupStateData> {
    return this.#groups.getState(this, o);
  }
  pause(o?: CallOptions): Promise<void> {
    return this.#groups.pause(this, o);
  }
  resume(o?: CallOptions): Promise<void> {
    return this.#groups.resume(this, o);
  }
  getConfig(o?: CallOptions): Promise<GroupConfigData> {
    return this.#groups.getConfig(this, o);
  }
  getLaunchConfig(o?: CallOptions): Promise<LaunchConfigData> {
    return this.#groups.getLaunchConfig(this, o);
  }
  updateLaunchConfig(changes: UpdateLaunchInput, o?: CallOptions): Promise<LaunchConfigData> {
    return this.#groups.updateLaunchConfig(this, changes, o);
  }
  updateLaunchMetadata(metadata: Record<string, string>, o?: CallOptions): Promise<LaunchConfigData> {
    return this.#groups.updateLaunchMetadata(this, metadata, o);
  }
  waitUntilSettled(o?: SettleOptions): Promise<GroupStateData> {
    return this.#groups.waitUntilSettled(this, o);
  }
  deleteServer(server: Ref, options?: DeleteServerInput, o?: CallOptions): Promise<void> {
    return this.#groups.deleteServer(this, server, options, o);
  }
  converge(o?: CallOptions): Promise<void> {
    return this.#groups.converge(this, o);
  }
  listPolicies(filters?: ListInput, o?: CallOptions): Paginated<Policy> {
    return this.#groups.policies.list(this, filters, o);
  }
  getPolicy(policy: Ref, o?: CallOptions): Promise<Policy> {
    return this.#groups.policies.get(this, policy, o);
  }
  addPolicy(input: CreatePolicyInput, o?: CallOptions): Promise<Policy> {
    return this.#groups.policies.create(this, input, o);
  }
  updatePolicy(policy: Ref, changes: UpdatePolicyInput, o?: CallOptions): Promise<Policy> {
    return this.#groups.policies.update(this, policy, changes, o);
  }
  executePolicy(policy: Ref, o?: CallOptions): Promise<void> {
    return this.#groups.policies.execute(this, policy, o);
  }
  deletePolicy(policy: Ref, o?: CallOptions): Promise<void> {
    return this.#groups.policies.delete(this, policy, o);
  }
  listWebhooks(policy: Ref, filters?: ListInput, o?: CallOptions): Paginated<Webhook> {
    return this.#groups.policies.webhooks.list(this, policy, filters, o);
  }
  /** pyrax `sg.add_webhook(policy, name, metadata)`. */
  addWebhook(policy: Ref, name: string, metadata?: Record<string, string>, o?: CallOptions): Promise<Webhook> {
    const input: CreateWebhookInput = metadata === undefined ? { name } : { name, metadata };
    return this.#groups.policies.webhooks.create(this, policy, input, o);
  }
  updateWebhook(policy: Ref, webhook: Ref, changes: UpdateWebhookInput, o?: CallOptions): Promise<Webhook> {
    return this.#groups.policies.webhooks.update(this, policy, webhook, changes, o);
  }
  updateWebhookMetadata(policy: Ref, webhook: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<Webhook> {
    return this.#groups.policies.webhooks.updateMetadata(this, policy, webhook, metadata, o);
  }
  deleteWebhook(policy: Ref, webhook: Ref, o?: CallOptions): Promise<void> {
    return this.#groups.policies.webhooks.delete(this, policy, webhook, o);
  }
}
