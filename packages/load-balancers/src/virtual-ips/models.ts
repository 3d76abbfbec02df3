import { lazy } from "@rax/core";
import * as z from "zod/mini";

export const VIP_TYPES = ["PUBLIC", "SERVICENET"] as const;
export const IP_VERSIONS = ["IPV4", "IPV6"] as const;

export const wireVirtualIp = lazy(() => z.looseObject({
  id: z.union([z.number(), z.string()]),
  address: z.optional(z.string()),
  type: z.optional(z.string()),
  ipVersion: z.optional(z.string()),
}));
export type WireVirtualIp = z.output<ReturnType<typeof wireVirtualIp>>;
export const virtualIpsBody = lazy(() => z.looseObject({ virtualIps: z.array(wireVirtualIp()) }));

export interface VirtualIpData {
  id: number;
  address: string;
  /** PUBLIC or SERVICENET. */
  type: string;
  /** IPV4 or IPV6. */
  ipVersion: string;
  raw: Record<string, unknown>;
}

export function toVirtualIp(w: WireVirtualIp): VirtualIpData {
  return { id: Number(w.id), address: w.address ?? "", type: w.type ?? "", ipVersion: w.ipVersion ?? "", raw: { ...w } };
}

const vipType = lazy(() => z.enum(VIP_TYPES, { error: `must be one of ${VIP_TYPES.join(", ")}` }));
const ipVersion = lazy(() => z.enum(IP_VERSIONS, { error: `must be one of ${IP_VERSIONS.join(", ")}` }));

/**
 * A virtual IP for a new load balancer: a new one (`{ type: "PUBLIC" | "SERVICENET", ipVersion? }`,
 * pyrax `clb.VirtualIP(type=…)`) or another load balancer's, shared by its id (`{ id: 15 }`).
 */
export const virtualIpInput = lazy(() => z.union(
  [z.strictObject({ type: vipType(), ipVersion: z.optional(ipVersion()) }), z.strictObject({ id: z.pipe(z.union([z.int().check(z.nonnegative()), z.string().check(z.regex(/^\d+$/))]), z.transform(Number)) })],
  { error: "must be { type: PUBLIC | SERVICENET, ipVersion?: IPV4 | IPV6 } or { id } of a virtual IP to share" },
));
export type VirtualIpInput = z.input<ReturnType<typeof virtualIpInput>>;

/** A virtual IP added to an existing load balancer: CLB adds only IPv6 ones. */
export const addVirtualIpInput = lazy(() => z.strictObject({ type: vipType(), ipVersion: z.optional(z.literal("IPV6", { error: "must be IPV6 (CLB adds only IPv6 virtual IPs to an existing load balancer)" })) }));
export type AddVirtualIpInput = z.input<ReturnType<typeof addVirtualIpInput>>;
