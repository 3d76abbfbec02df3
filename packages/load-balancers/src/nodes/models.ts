import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { nodeAddress } from "../ref";

export const NODE_CONDITIONS = ["ENABLED", "DISABLED", "DRAINING"] as const;
export const NODE_TYPES = ["PRIMARY", "SECONDARY"] as const;
export type NodeCondition = (typeof NODE_CONDITIONS)[number];
export type NodeType = (typeof NODE_TYPES)[number];

export const wireNode = lazy(() => z.looseObject({
  id: z.union([z.number(), z.string()]),
  address: z.optional(z.string()),
  port: z.optional(z.number()),
  condition: z.optional(z.string()),
  status: z.optional(z.string()),
  type: z.nullish(z.string()),
  weight: z.nullish(z.number()),
}));
export type WireNode = z.output<ReturnType<typeof wireNode>>;
export const nodesBody = lazy(() => z.looseObject({ nodes: z.array(wireNode()) }));
export const nodeBody = lazy(() => z.looseObject({ node: wireNode() }));

export interface NodeData {
  id: number;
  address: string;
  port: number;
  /** ENABLED, DISABLED or DRAINING. */
  condition: string;
  /** ONLINE / OFFLINE (CLB's health view; read-only). */
  status: string;
  /** PRIMARY or SECONDARY. */
  type: string;
  /** 1–100, used by the WEIGHTED_* algorithms. */
  weight: number;
  /** Every field CLB sent, as sent. */
  raw: Record<string, unknown>;
}

export function toNode(w: WireNode): NodeData {
  return {
    id: Number(w.id),
    address: w.address ?? "",
    port: w.port ?? 0,
    condition: w.condition ?? "",
    status: w.status ?? "",
    type: w.type ?? "PRIMARY",
    weight: w.weight ?? 1,
    raw: { ...w },
  };
}

const port = lazy(() => z.number().check(z.int("must be a whole number"), z.gte(1, "must be 1–65535"), z.lte(65535, "must be 1–65535")));
const weight = lazy(() => z.number().check(z.int("must be a whole number"), z.gte(1, "must be 1–100"), z.lte(100, "must be 1–100")));

/** A node to add: the server's IP address (or a domain name in the account's allowed domains) and port (pyrax `clb.Node(address, port, condition)`). */
export const nodeInput = lazy(() => z.strictObject({
  address: nodeAddress(),
  port: port(),
  /** Default ENABLED. */
  condition: z.optional(z.enum(NODE_CONDITIONS, { error: `must be one of ${NODE_CONDITIONS.join(", ")}` })),
  type: z.optional(z.enum(NODE_TYPES, { error: `must be one of ${NODE_TYPES.join(", ")}` })),
  weight: z.optional(weight()),
}));
export type NodeInput = z.input<ReturnType<typeof nodeInput>>;

/** Nodes in a new load balancer: only ENABLED or DISABLED (the seed; pyrax's InvalidNodeCondition). */
export const newLbNodeInput = lazy(() => z.extend(nodeInput(), {
  condition: z.optional(z.enum(["ENABLED", "DISABLED"], { error: "must be ENABLED or DISABLED for a node of a new load balancer" })),
}));

/** What `nodes.update` may change (address and port are fixed once a node exists). */
export const updateNodeInput = lazy(() => z
  .strictObject({
    condition: z.optional(z.enum(NODE_CONDITIONS, { error: `must be one of ${NODE_CONDITIONS.join(", ")}` })),
    type: z.optional(z.enum(NODE_TYPES, { error: `must be one of ${NODE_TYPES.join(", ")}` })),
    weight: z.optional(weight()),
  }).check(z.refine((c) => c.condition !== undefined || c.type !== undefined || c.weight !== undefined, "must change condition, type or weight")));
export type UpdateNodeInput = z.input<ReturnType<typeof updateNodeInput>>;

/** The wire form of a node to add: condition ENABLED unless given; weight and type only when given. */
export function nodeWire(n: z.output<ReturnType<typeof nodeInput>>): Record<string, unknown> {
  return { address: n.address, port: n.port, condition: n.condition ?? "ENABLED", ...(n.type ? { type: n.type } : {}), ...(n.weight !== undefined ? { weight: n.weight } : {}) };
}
