import { assignData, type CallOptions, type Paginated, type ServiceClient } from "@rax/core";
import type { AccountData, Audit, AuditsInput, MonitoringLimits, UpdateAccountInput } from "./models";
import * as api from "./requests";

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
  update(changes: UpdateAccountInput, o?: CallOptions): Promise<void> {
    return this.#account.update(changes, o);
  }
}
