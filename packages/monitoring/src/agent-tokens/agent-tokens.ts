import { assignData, type CallOptions, type Paginated, type ServiceClient } from "@rax/core";
import type { Ref } from "../ref";
import type { AgentTokenData, CreateAgentTokenInput, ListAgentTokensInput } from "./models";
import * as api from "./requests";

/** `monitoring.agentTokens`: the credentials monitoring agents sign in with (secrets). */
export class AgentTokens {
  constructor(readonly client: ServiceClient) {}

  list(options?: ListAgentTokensInput, o?: CallOptions): Paginated<AgentToken> {
    return api.listAgentTokens(this.client, options, o).map((t) => new AgentToken(this, t.data, t.token));
  }
  async get(agentToken: Ref, o?: CallOptions): Promise<AgentToken> {
    const t = await api.getAgentToken(this.client, agentToken, o);
    return new AgentToken(this, t.data, t.token);
  }
  /** A new token for an agent's config (`monitoring_token`); read it from `.token`. */
  async create(input?: CreateAgentTokenInput, o?: CallOptions): Promise<AgentToken> {
    const t = await api.createAgentToken(this.client, input, o);
    return new AgentToken(this, t.data, t.token);
  }
  /** Renames the token. */
  update(agentToken: Ref, label: string, o?: CallOptions): Promise<void> {
    return api.updateAgentToken(this.client, agentToken, label, o);
  }
  /** Revokes the token: agents using it can no longer connect. */
  delete(agentToken: Ref, o?: CallOptions): Promise<void> {
    return api.deleteAgentToken(this.client, agentToken, o);
  }
}

export interface AgentToken extends AgentTokenData {}
/** An agent token. `token` is a secret: never printed, serialised or logged. */
export class AgentToken {
  readonly #tokens: AgentTokens;
  readonly #token?: string;
  constructor(tokens: AgentTokens, data: AgentTokenData, token?: string) {
    this.#tokens = tokens;
    this.#token = token;
    assignData(this, data);
  }
  /** The secret the agent authenticates with. */
  get token(): string | undefined {
    return this.#token;
  }
  update(label: string, o?: CallOptions): Promise<void> {
    return this.#tokens.update(this, label, o);
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#tokens.delete(this, o);
  }
}
