import { type CallOptions, type Paginated, registerSecret, sendFor, type ServiceClient, validate } from "@rax/core";
import { listValues } from "../collection";
import { type AccountData, type Audit, type AuditsInput, auditsInput, type MonitoringLimits, toAccount, toAudit, toLimits, type UpdateAccountInput, updateAccountInput, wireAccount, wireAudit, wireLimits } from "./models";

/** GET /account → `{id, webhook_token, metadata}` (pyrax `get_account`); the webhook token is registered as a secret. */
export async function getAccount(client: ServiceClient, o: CallOptions = {}): Promise<{ data: AccountData; webhookToken?: string }> {
  const a = toAccount(await client.json({ method: "GET", path: "account", success: [200], ...o }, wireAccount()));
  if (a.webhookToken) registerSecret(a.webhookToken);
  return a;
}

/** PUT /account → 204: metadata and/or a new webhook token. */
export async function updateAccount(client: ServiceClient, changes: UpdateAccountInput, o: CallOptions = {}): Promise<void> {
  const c = validate(updateAccountInput(), changes, "changes");
  if (c.webhookToken) registerSecret(c.webhookToken);
  const json = { ...(c.metadata !== undefined ? { metadata: c.metadata } : {}), ...(c.webhookToken !== undefined ? { webhook_token: c.webhookToken } : {}) };
  await (await sendFor(client, { method: "PUT", path: "account", json, ...o }, [204])).dump();
}

/** GET /audits[?from=&to=]: the account's changes (pyrax `get_audits`), page after page. */
export function listAudits(client: ServiceClient, options?: AuditsInput, o: CallOptions = {}): Paginated<Audit> {
  const { from, to, reverse, ...p } = validate(auditsInput(), options, "options") ?? {};
  return listValues(client, "audits", wireAudit(), toAudit, p, { from, to, reverse: reverse ? "true" : undefined }, o);
}

/** GET /limits: resource and rate limits (monitoring.md "Limits"). */
export async function getLimits(client: ServiceClient, o: CallOptions = {}): Promise<MonitoringLimits> {
  return toLimits(await client.json({ method: "GET", path: "limits", success: [200], ...o }, wireLimits()));
}
