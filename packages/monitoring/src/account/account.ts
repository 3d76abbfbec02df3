import { assignData, type CallOptions, type Paginated, type ServiceClient } from "@rax/core";
import type { AccountData, Audit, AuditsInput, MonitoringLimits, UpdateAccountInput } from "./models";
import * as api from "./requests";

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** `monitoring.account`: the account itself, its audit trail and its limits. */
export class AccountNamespace {
  constructor(readonly client: ServiceClient) {}

  /** The account (pyrax `get_account`): id, metadata, and the webhook token as a secret. */
  async get(o?: CallOptions): Promise<Account> {
    const a = await api.getAccount(this.client, o);
    return new Account(this, a.data, a.webhookToken);
  }
  /** Sets metadata and/or the webhook token. */
  update(changes: UpdateAccountInput, o?: CallOptions): Promise<void> {
    return api.updateAccount(this.client, changes, o);
  }
  /** The account's audit trail (pyrax `get_audits`). */
  audits(options?: AuditsInput, o?: CallOptions): Paginated<Audit> {
    return api.listAudits(this.client, options, o);
  }
  /** Resource and rate limits. */
  limits(o?: CallOptions): Promise<MonitoringLimits> {
    return api.getLimits(this.client, o);
  }
}

export interface Account extends AccountData {}
/** pyrax's `get_account()` result. `webhookToken` (what webhook notifications are signed with) is never printed. */
export class Account {
  readonly #account: AccountNamespace;
  readonly #webhookToken?: string;
  constructor(account: AccountNamespace, data: AccountData, webhookToken?: string) {
    this.#account = account;
    this.#webhookToken = webhookToken;
    assignData(this, data);
  }
  get webhookToken(): string | undefined {
    return this.#webhookToken;
  }

  /**
   * What printing shows: the service's fields, not `webhookToken`. Node's inspect lists a class's
   * prototype getters under `showHidden` and calls them under `getters`, so the getter alone does not hide it.
   */
  [INSPECT](depth: number, options: { depth?: number | null }, inspect: (v: unknown, o: unknown) => string): string {
    if (depth < 0) return "[Account]";
    return `Account ${inspect({ ...this }, { ...options, depth: options.depth == null ? options.depth : options.depth - 1 })}`;
  }
  update(changes: UpdateAccountInput, o?: CallOptions): Promise<void> {
    return this.#account.update(changes, o);
  }
}
