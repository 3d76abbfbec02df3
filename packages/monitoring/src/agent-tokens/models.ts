import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { pageInput } from "../collection";
import { labelInput } from "../ref";

export const wireAgentToken = lazy(() => z.looseObject({ id: z.string(), label: z.nullish(z.string()), token: z.nullish(z.string()) }));
export type WireAgentToken = z.output<ReturnType<typeof wireAgentToken>>;

export interface AgentTokenData {
  id: string;
  label: string;
  /** Every field the service sent except `token` (the secret the agent signs in with). */
  raw: Record<string, unknown>;
}

/** The view and the secret apart, so the secret can be registered and kept out of printing. */
export function toAgentToken(w: WireAgentToken): { data: AgentTokenData; token?: string } {
  const { token, ...raw } = w;
  return { data: { id: w.id, label: w.label ?? "", raw }, ...(token ? { token } : {}) };
}

export const createAgentTokenInput = lazy(() => z.optional(z.strictObject({ label: z.optional(labelInput()) })));
export type CreateAgentTokenInput = z.input<ReturnType<typeof createAgentTokenInput>>;

export const listAgentTokensInput = lazy(() => z.optional(z.strictObject({ ...pageInput() })));
export type ListAgentTokensInput = z.input<ReturnType<typeof listAgentTokensInput>>;
