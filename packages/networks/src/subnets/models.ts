import { lazy } from "@rax/core";
import * as z from "zod";
import { cidrInput } from "../cidr";
import { ref } from "../ref";

export const wireSubnet = lazy(() => z.looseObject({
  id: z.string(),
  network_id: z.string(),
  name: z.string().optional(),
  cidr: z.string(),
  ip_version: z.number().optional(),
  gateway_ip: z.string().nullish(),
  enable_dhcp: z.boolean().optional(),
  allocation_pools: z.array(z.looseObject({ start: z.string(), end: z.string() })).optional(),
  dns_nameservers: z.array(z.string()).optional(),
  tenant_id: z.string().optional(),
  project_id: z.string().optional(),
}));
export type WireSubnet = z.output<ReturnType<typeof wireSubnet>>;

const links = lazy(() => z.array(z.looseObject({ rel: z.string().optional() })).optional());
export const subnetBody = lazy(() => z.looseObject({ subnet: wireSubnet() }));
export const subnetsBody = lazy(() => z.looseObject({ subnets: z.array(wireSubnet()), subnets_links: links() }));

export interface SubnetData {
  id: string;
  networkId: string;
  name: string;
  cidr: string;
  ipVersion: number;
  gatewayIp?: string;
  enableDhcp?: boolean;
  allocationPools: { start: string; end: string }[];
  dnsNameservers: string[];
  tenantId?: string;
  raw: Record<string, unknown>;
}

export function toSubnet(w: WireSubnet): SubnetData {
  const tenant = w.tenant_id ?? w.project_id;
  return {
    id: w.id,
    networkId: w.network_id,
    name: w.name ?? "",
    cidr: w.cidr,
    ipVersion: w.ip_version ?? (w.cidr.includes(":") ? 6 : 4),
    ...(w.gateway_ip ? { gatewayIp: w.gateway_ip } : {}),
    ...(w.enable_dhcp !== undefined ? { enableDhcp: w.enable_dhcp } : {}),
    allocationPools: w.allocation_pools ?? [],
    dnsNameservers: w.dns_nameservers ?? [],
    ...(tenant ? { tenantId: tenant } : {}),
    raw: { ...w },
  };
}

const ip = lazy(() => z.string().min(1));

export const createSubnetInput = lazy(() => z.strictObject({
  network: ref(),
  cidr: cidrInput(),
  name: z.string().max(255).optional(),
  /** Derived from the CIDR when left out. */
  ipVersion: z.union([z.literal(4), z.literal(6)]).optional(),
  /** `null` for no gateway. */
  gatewayIp: ip().nullable().optional(),
  enableDhcp: z.boolean().optional(),
  dnsNameservers: z.array(ip()).optional(),
  allocationPools: z.array(z.strictObject({ start: ip(), end: ip() })).optional(),
}));
export type CreateSubnetInput = z.input<ReturnType<typeof createSubnetInput>>;

export const listSubnetsInput = lazy(() => z
  .strictObject({
    network: ref().optional(),
    name: z.string().min(1).optional(),
    pageSize: z.number().int().min(1).max(1000).optional(),
    limit: z.number().int().min(1).optional(),
    marker: z.string().min(1).optional(),
  })
  .optional());
export type ListSubnetsInput = z.input<ReturnType<typeof listSubnetsInput>>;
