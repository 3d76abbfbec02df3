import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { pageInput } from "../collection";
import { labelInput, metadataInput, wireStringMap } from "../ref";

export const wireEntity = lazy(() => z.looseObject({
  id: z.string(),
  label: z.nullish(z.string()),
  ip_addresses: wireStringMap(),
  metadata: wireStringMap(),
  agent_id: z.nullish(z.string()),
  uri: z.nullish(z.string()),
  managed: z.nullish(z.boolean()),
  created_at: z.nullish(z.number()),
  updated_at: z.nullish(z.number()),
}));
export type WireEntity = z.output<ReturnType<typeof wireEntity>>;

export interface EntityData {
  id: string;
  label: string;
  /** Alias → IPv4/IPv6 address; checks name an alias as `targetAlias`. */
  ipAddresses: Record<string, string>;
  metadata: Record<string, string>;
  /** The monitoring agent that reports for this entity. */
  agentId?: string;
  /** The resource this entity stands for (a Cloud Server's URI, for managed entities). */
  uri?: string;
  managed: boolean;
  /** ms since the epoch. */
  created?: number;
  updated?: number;
  /** Every field the service sent, as sent. */
  raw: Record<string, unknown>;
}

export function toEntity(w: WireEntity): EntityData {
  return {
    id: w.id,
    label: w.label ?? "",
    ipAddresses: { ...(w.ip_addresses ?? {}) },
    metadata: { ...(w.metadata ?? {}) },
    ...(w.agent_id ? { agentId: w.agent_id } : {}),
    ...(w.uri ? { uri: w.uri } : {}),
    managed: w.managed ?? false,
    ...(typeof w.created_at === "number" ? { created: w.created_at } : {}),
    ...(typeof w.updated_at === "number" ? { updated: w.updated_at } : {}),
    raw: { ...w },
  };
}

/** An alias → IP address map (the seed: keys are aliases, values IPv4 or IPv6 addresses); at most 64 (the API's bound). */
const ipAddresses = lazy(() =>
  z.record(z.string().check(z.minLength(1), z.maxLength(64)), z.union([z.ipv4(), z.ipv6()], { error: "must be an IPv4 or IPv6 address" })).check(
    z.refine((m) => Object.keys(m).length <= 64, "holds at most 64 addresses (the API's limit)"),
  ),
);

/** An agent id as the API takes it: `/^[-.\w]{1,255}$/` (entity attributes table). */
const agentIdInput = lazy(() => z.string().check(z.regex(/^[-.\w]{1,255}$/, "must be 1–255 letters, digits, '_', '-' or '.' (the API's rule for agent ids)")));

export const createEntityInput = lazy(() => z.strictObject({
  label: z.optional(labelInput()),
  /** pyrax's synonym for `label`. */
  name: z.optional(labelInput()),
  ipAddresses: z.optional(ipAddresses()),
  agentId: z.optional(agentIdInput()),
  metadata: z.optional(metadataInput()),
}).check(z.refine((i) => i.label !== undefined || i.name !== undefined, { error: "is required (or name)", path: ["label"] }), z.refine((i) => i.label === undefined || i.name === undefined || i.label === i.name, { error: "label and name differ: give one", path: ["name"] })));
export type CreateEntityInput = z.input<ReturnType<typeof createEntityInput>>;

export const updateEntityInput = lazy(() => z.strictObject({
  label: z.optional(labelInput()),
  ipAddresses: z.optional(ipAddresses()),
  /** `null` detaches the agent. */
  agentId: z.optional(z.nullable(agentIdInput())),
  metadata: z.optional(metadataInput()),
}));
export type UpdateEntityInput = z.input<ReturnType<typeof updateEntityInput>>;

export const listEntitiesInput = lazy(() => z.optional(z.strictObject({ ...pageInput() })));
export type ListEntitiesInput = z.input<ReturnType<typeof listEntitiesInput>>;
