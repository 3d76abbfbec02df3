import { assignData, type CallOptions, type Paginated, type ServiceClient } from "@rax/core";
import type { ListInput } from "../paging";
import type { Ref } from "../ref";
import type { ConvertedWebhook, CreateWebhookInput, UpdateWebhookInput, WebhookData } from "./models";
import * as api from "./requests";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** `autoscale.webhooks`: the URLs that run a policy. Every method takes ids or the objects themselves. */
export class Webhooks {
  constructor(readonly client: ServiceClient) {}

  #wrap = (c: ConvertedWebhook) => new Webhook(this, c.webhook, c.capabilityUrl);

  /** The policy's webhooks (pyrax `list_webhooks`); a `Paginated`: `await` it for a page, `for await` for all. */
  list(group: Ref, policy: Ref, filters?: ListInput, o?: CallOptions): Paginated<Webhook> {
    return api.listWebhooks(this.client, group, policy, filters, o).map(this.#wrap);
  }

  /** One webhook. `NoSuchWebhook` if it does not exist. */
  async get(group: Ref, policy: Ref, webhook: Ref, o?: CallOptions): Promise<Webhook> {
    return this.#wrap(await api.getWebhook(this.client, group, policy, webhook, o));
  }

  /** Adds a webhook (pyrax `add_webhook`); the result's `capabilityUrl` runs the policy with no token (a secret). */
  async create(group: Ref, policy: Ref, input: CreateWebhookInput, o?: CallOptions): Promise<Webhook> {
    return this.#wrap(await api.createWebhook(this.client, group, policy, input, o));
  }

  /** New name and/or metadata; `metadata` replaces the webhook's (pyrax `update_webhook`). */
  async update(group: Ref, policy: Ref, webhook: Ref, changes: UpdateWebhookInput, o?: CallOptions): Promise<Webhook> {
    return this.#wrap(await api.updateWebhook(this.client, group, policy, webhook, changes, o));
  }

  /** Merges `metadata` into the webhook's, keeping its other keys (pyrax `update_webhook_metadata`). */
  async updateMetadata(group: Ref, policy: Ref, webhook: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<Webhook> {
    return this.#wrap(await api.updateWebhook(this.client, group, policy, webhook, { metadata }, o, true));
  }

  /** Deletes the webhook: its capability URL stops working. */
  delete(group: Ref, policy: Ref, webhook: Ref, o?: CallOptions): Promise<void> {
    return api.deleteWebhook(this.client, group, policy, webhook, o);
  }

  /**
   * Runs the webhook's policy the way a monitoring alarm does: a POST to its capability URL with no
   * token. Otter answers 202 whether or not the policy ran (paused, cooldown); check the group's state.
   */
  execute(webhook: Webhook | string, o?: CallOptions): Promise<void> {
    return api.executeWebhookUrl(this.client, webhook, o);
  }
}

export interface Webhook extends WebhookData {}

/** A webhook as Otter last described it, with pyrax's object verbs delegating to `autoscale.webhooks`. */
export class Webhook {
  readonly #webhooks: Webhooks;
  #capabilityUrl?: string;

  constructor(webhooks: Webhooks, data: WebhookData, capabilityUrl?: string) {
    this.#webhooks = webhooks;
    assignData(this, data);
    this.#capabilityUrl = capabilityUrl;
  }

  /**
   * The URL that runs the policy with no token. A secret: anyone holding it can scale the group.
   * Kept out of `console.log`, `JSON.stringify` and rax's logs (registered with core's redaction).
   */
  get capabilityUrl(): string | undefined {
    return this.#capabilityUrl;
  }

  /**
   * What printing shows: the service's fields, not `capabilityUrl`. Node's inspect lists a class's
   * prototype getters under `showHidden` and calls them under `getters`, so the getter alone does not hide it.
   */
  [INSPECT](depth: number, options: { depth?: number | null }, inspect: (v: unknown, o: unknown) => string): string {
    if (depth < 0) return "[Webhook]";
    return `Webhook ${inspect({ ...this }, { ...options, depth: options.depth == null ? options.depth : options.depth - 1 })}`;
  }

  /** Reloads this object in place and returns it. */
  async reload(o?: CallOptions): Promise<this> {
    const c = await api.getWebhook(this.#webhooks.client, this.groupId, this.policyId, this.id, o);
    assignData(this, c.webhook);
    this.#capabilityUrl = c.capabilityUrl ?? this.#capabilityUrl;
    return this;
  }
  update(changes: UpdateWebhookInput, o?: CallOptions): Promise<Webhook> {
    return this.#webhooks.update(this.groupId, this.policyId, this, changes, o);
  }
  updateMetadata(metadata: Record<string, string>, o?: CallOptions): Promise<Webhook> {
    return this.#webhooks.updateMetadata(this.groupId, this.policyId, this, metadata, o);
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#webhooks.delete(this.groupId, this.policyId, this, o);
  }
  /** POSTs the capability URL (no token), as an alarm would. */
  execute(o?: CallOptions): Promise<void> {
    return this.#webhooks.execute(this, o);
  }
}
