import { type CallOptions, encodeSegment, type NotFound, notFoundAs, type Paginated, registerSecret, sendFor, type ServiceClient, validate } from "@rax/core";
import { listValues } from "../collection";
import { NoSuchMonitoringResource } from "../errors";
import { createdId } from "../object-id";
import { labelInput, type Ref, ref } from "../ref";
import { type AgentTokenData, type CreateAgentTokenInput, createAgentTokenInput, type ListAgentTokensInput, listAgentTokensInput, toAgentToken, type WireAgentToken, wireAgentToken } from "./models";

export interface AgentTokenWithSecret {
  data: AgentTokenData;
  token?: string;
}

const path = (id: string) => `agent_tokens/${encodeSegment(id)}`;
const missing = (id: string) => (e: NotFound) => new NoSuchMonitoringResource("agent token", id, e);

/** The secret is registered the moment it arrives, so no log line or error can show it. */
function received(w: WireAgentToken): AgentTokenWithSecret {
  const t = toAgentToken(w);
  if (t.token) registerSecret(t.token);
  return t;
}

/** GET /agent_tokens, page after page. */
export function listAgentTokens(client: ServiceClient, options?: ListAgentTokensInput, o: CallOptions = {}): Paginated<AgentTokenWithSecret> {
  const p = validate(listAgentTokensInput(), options, "options") ?? {};
  return listValues(client, "agent_tokens", wireAgentToken(), received, p, {}, o);
}

/** GET /agent_tokens/{id}. */
export async function getAgentToken(client: ServiceClient, agentToken: Ref, o: CallOptions = {}): Promise<AgentTokenWithSecret> {
  const id = validate(ref(), agentToken, "agentToken");
  return received(await notFoundAs(client.json({ method: "GET", path: path(id), success: [200], ...o }, wireAgentToken()), missing(id)));
}

/** POST /agent_tokens → 201 (id in X-Object-ID, or Location's last segment as pyrax reads it), then GET it. */
export async function createAgentToken(client: ServiceClient, input?: CreateAgentTokenInput, o: CallOptions = {}): Promise<AgentTokenWithSecret> {
  const i = validate(createAgentTokenInput(), input, "agentToken") ?? {};
  const res = await sendFor(client, { method: "POST", path: "agent_tokens", json: { ...(i.label !== undefined ? { label: i.label } : {}) }, ...o }, [201]);
  return getAgentToken(client, await createdId(res), o);
}

/** PUT /agent_tokens/{id} `{label}` → 204. */
export async function updateAgentToken(client: ServiceClient, agentToken: Ref, label: string, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), agentToken, "agentToken");
  const l = validate(labelInput(), label, "label");
  await (await notFoundAs(sendFor(client, { method: "PUT", path: path(id), json: { label: l }, ...o }, [204]), missing(id))).dump();
}

/** DELETE /agent_tokens/{id} → 204. */
export async function deleteAgentToken(client: ServiceClient, agentToken: Ref, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), agentToken, "agentToken");
  await (await notFoundAs(sendFor(client, { method: "DELETE", path: path(id), ...o }, [204]), missing(id))).dump();
}
