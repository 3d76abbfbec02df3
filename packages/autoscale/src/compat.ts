import type { CallOptions, Paginated } from "@rax/core";
import { AutoScale } from "./autoscale";
import type { ScalingGroup } from "./groups/groups";
import type { CreateGroupInput, GroupConfigData, GroupStateData, LaunchConfigData, UpdateGroupInput, UpdateLaunchInput } from "./groups/models";
import type { CreatePolicyInput, UpdatePolicyInput } from "./policies/models";
import type { Policy } from "./policies/policies";
import type { Ref } from "./ref";
import type { UpdateWebhookInput } from "./webhooks/models";
import type { Webhook } from "./webhooks/webhooks";

/**
 * `AutoScale` plus pyrax's flat `pyrax.autoscale` calls, camelCased, for scripts being ported
 * (`au.add_policy(sg, …)` → `au.addPolicy(sg, …)`). Each is one line over the namespaces; new code
 * should call those (`au.policies.create(sg, …)`).
 */
export class PyraxAutoScale extends AutoScale {
  /** pyrax `au.list()`: each group with its configuration, as pyrax's lazily loaded rows print (one GET per group). */
  list(o?: CallOptions): Paginated<ScalingGroup> {
    return this.groups.list({ detailed: true }, o);
  }
  /** pyrax `au.get(group)`. */
  get(group: Ref, o?: CallOptions): Promise<ScalingGroup> {
    return this.groups.get(group, o);
  }
  /** pyrax `au.create(name, cooldown, min_entities, max_entities, …)`, with the arguments as one object. */
  create(input: CreateGroupInput, o?: CallOptions): Promise<ScalingGroup> {
    return this.groups.create(input, o);
  }
  /** pyrax `au.update(sg, cooldown=…, max_entities=…)`. */
  update(group: Ref, changes: UpdateGroupInput, o?: CallOptions): Promise<GroupConfigData> {
    return this.groups.update(group, changes, o);
  }
  /** pyrax `au.update_metadata(sg, metadata)`: merges. */
  updateMetadata(group: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<GroupConfigData> {
    return this.groups.updateMetadata(group, metadata, o);
  }
  /** pyrax `au.delete(sg)`. */
  delete(group: Ref, options?: { force?: boolean }, o?: CallOptions): Promise<void> {
    return this.groups.delete(group, options, o);
  }
  /** pyrax `au.get_state(sg)`. */
  getState(group: Ref, o?: CallOptions): Promise<GroupStateData> {
    return this.groups.getState(group, o);
  }
  /** pyrax `au.pause(sg)`. */
  pause(group: Ref, o?: CallOptions): Promise<void> {
    return this.groups.pause(group, o);
  }
  /** pyrax `au.resume(sg)`. */
  resume(group: Ref, o?: CallOptions): Promise<void> {
    return this.groups.resume(group, o);
  }
  /** pyrax `au.get_configuration(sg)`. */
  getConfiguration(group: Ref, o?: CallOptions): Promise<GroupConfigData> {
    return this.groups.getConfig(group, o);
  }
  /** pyrax `au.get_launch_config(sg)`. */
  getLaunchConfig(group: Ref, o?: CallOptions): Promise<LaunchConfigData> {
    return this.groups.getLaunchConfig(group, o);
  }
  /** pyrax `au.update_launch_config(sg, image=…)`. */
  updateLaunchConfig(group: Ref, changes: UpdateLaunchInput, o?: CallOptions): Promise<LaunchConfigData> {
    return this.groups.updateLaunchConfig(group, changes, o);
  }
  /** pyrax `au.update_launch_metadata(sg, metadata)`: merges. */
  updateLaunchMetadata(group: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<LaunchConfigData> {
    return this.groups.updateLaunchMetadata(group, metadata, o);
  }
  /** pyrax `au.list_policies(sg)`. */
  listPolicies(group: Ref, o?: CallOptions): Paginated<Policy> {
    return this.policies.list(group, undefined, o);
  }
  /** pyrax `au.add_policy(sg, name, policy_type, cooldown, change, is_percent, desired_capacity, args)`. */
  addPolicy(group: Ref, input: CreatePolicyInput, o?: CallOptions): Promise<Policy> {
    return this.policies.create(group, input, o);
  }
  /** pyrax `au.get_policy(sg, policy)`. */
  getPolicy(group: Ref, policy: Ref, o?: CallOptions): Promise<Policy> {
    return this.policies.get(group, policy, o);
  }
  /** pyrax `au.update_policy(sg, policy, cooldown=…, change=…)`. */
  updatePolicy(group: Ref, policy: Ref, changes: UpdatePolicyInput, o?: CallOptions): Promise<Policy> {
    return this.policies.update(group, policy, changes, o);
  }
  /** pyrax `au.execute_policy(sg, policy)`. */
  executePolicy(group: Ref, policy: Ref, o?: CallOptions): Promise<void> {
    return this.policies.execute(group, policy, o);
  }
  /** pyrax `au.delete_policy(sg, policy)`. */
  deletePolicy(group: Ref, policy: Ref, o?: CallOptions): Promise<void> {
    return this.policies.delete(group, policy, o);
  }
  /** pyrax `au.list_webhooks(sg, policy)`. */
  listWebhooks(group: Ref, policy: Ref, o?: CallOptions): Paginated<Webhook> {
    return this.webhooks.list(group, policy, undefined, o);
  }
  /** pyrax `au.add_webhook(sg, policy, name, metadata)`. */
  addWebhook(group: Ref, policy: Ref, name: string, metadata?: Record<string, string>, o?: CallOptions): Promise<Webhook> {
    return this.webhooks.create(group, policy, metadata === undefined ? { name } : { name, metadata }, o);
  }
  /** pyrax `au.get_webhook(sg, policy, webhook)`. */
  getWebhook(group: Ref, policy: Ref, webhook: Ref, o?: CallOptions): Promise<Webhook> {
    return this.webhooks.get(group, policy, webhook, o);
  }
  /** pyrax `au.update_webhook(sg, policy, webhook, name=…, metadata=…)`: metadata replaces. */
  updateWebhook(group: Ref, policy: Ref, webhook: Ref, changes: UpdateWebhookInput, o?: CallOptions): Promise<Webhook> {
    return this.webhooks.update(group, policy, webhook, changes, o);
  }
  /** pyrax `au.update_webhook_metadata(sg, policy, webhook, metadata)`: merges. */
  updateWebhookMetadata(group: Ref, policy: Ref, webhook: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<Webhook> {
    return this.webhooks.updateMetadata(group, policy, webhook, metadata, o);
  }
  /** pyrax `au.delete_webhook(sg, policy, webhook)`. */
  deleteWebhook(group: Ref, policy: Ref, webhook: Ref, o?: CallOptions): Promise<void> {
    return this.webhooks.delete(group, policy, webhook, o);
  }
}
