import { assignData, type CallOptions, type Paginated, type ServiceClient } from "@rax/core";
import type { ListInput } from "../paging";
import type { Ref } from "../ref";
import type { CreateWebhookInput, UpdateWebhookInput } from "../webhooks/models";
import type { Webhook, Webhooks } from "../webhooks/webhooks";
import type { CreatePolicyInput, PolicyData, UpdatePolicyInput } from "./models";
import * as api from "./requests";

/** `autoscale.policies`: what a group does when an alarm, a schedule or you say so. */
export class Policies {
  constructor(
    readonly client: ServiceClient,
    readonly webhooks: Webhooks,
  ) {}

  #wrap = (d: PolicyData) => new Policy(this, d);

  /** The group's policies (pyrax `list_policies`). */
  list(group: Ref, filters?: ListInput, o?: CallOptions): Paginated<Policy> {
    return api.listPolicies(this.client, group, filters, o).map(this.#wrap);
  }

  /** One policy. `NoSuchPolicy` if it does not exist. */
  async get(group: Ref, policy: Ref, o?: CallOptions): Promise<Policy> {
    return this.#wrap(await api.getPolicy(this.client, group, policy, o));
  }

  /**
   * Adds a policy (pyrax `add_policy`): `name`, `cooldown`, one of `change` (± servers), `changePercent`
   * (or `change` with `isPercent`) or `desiredCapacity`; `type: "schedule"` with `args.cron` or `args.at`.
   */
  async create(group: Ref, input: CreatePolicyInput, o?: CallOptions): Promise<Policy> {
    return this.#wrap(await api.createPolicy(this.client, group, input, o));
  }

  /** Changes some of the policy's settings; the rest keep their values (pyrax `update_policy`). */
  async update(group: Ref, policy: Ref, changes: UpdatePolicyInput, o?: CallOptions): Promise<Policy> {
    return this.#wrap(await api.updatePolicy(this.client, group, policy, changes, o));
  }

  /** Runs the policy now (pyrax `execute_policy`). `GroupPaused` when paused; `CannotExecutePolicy` in a cooldown or with nothing to change. */
  execute(group: Ref, policy: Ref, o?: CallOptions): Promise<void> {
    return api.executePolicy(this.client, group, policy, o);
  }

  /** Deletes the policy and its webhooks. */
  delete(group: Ref, policy: Ref, o?: CallOptions): Promise<void> {
    return api.deletePolicy(this.client, group, policy, o);
  }
}

export interface Policy extends PolicyData {}

/** A policy as Otter last described it, with pyrax's object verbs (`policy.execute()`, `policy.add_webhook()` …). */
export class Policy {
  readonly #policies: Policies;

  constructor(policies: Policies, data: PolicyData) {
    this.#policies = policies;
    assignData(this, data);
  }

  /** Reloads this object in place and returns it. */
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getPolicy(this.#policies.client, this.groupId, this.id, o));
    return this;
  }
  update(changes: UpdatePolicyInput, o?: CallOptions): Promise<Policy> {
    return this.#policies.update(this.groupId, this, changes, o);
  }
  execute(o?: CallOptions): Promise<void> {
    return this.#policies.execute(this.groupId, this, o);
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#policies.delete(this.groupId, this, o);
  }
  listWebhooks(filters?: ListInput, o?: CallOptions): Paginated<Webhook> {
    return this.#policies.webhooks.list(this.groupId, this, filters, o);
  }
  getWebhook(webhook: Ref, o?: CallOptions): Promise<Webhook> {
    return this.#policies.webhooks.get(this.groupId, this, webhook, o);
  }
  /** pyrax `policy.add_webhook(name, metadata)`. */
  addWebhook(name: string, metadata?: Record<string, string>, o?: CallOptions): Promise<Webhook> {
    const input: CreateWebhookInput = metadata === undefined ? { name } : { name, metadata };
    return this.#policies.webhooks.create(this.groupId, this, input, o);
  }
  updateWebhook(webhook: Ref, changes: UpdateWebhookInput, o?: CallOptions): Promise<Webhook> {
    return this.#policies.webhooks.update(this.groupId, this, webhook, changes, o);
  }
  updateWebhookMetadata(webhook: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<Webhook> {
    return this.#policies.webhooks.updateMetadata(this.groupId, this, webhook, metadata, o);
  }
  deleteWebhook(webhook: Ref, o?: CallOptions): Promise<void> {
    return this.#policies.webhooks.delete(this.groupId, this, webhook, o);
  }
}
