import { lazy } from "@rax/core";
import * as z from "zod";
import { ref } from "../ref";

export const wirePort = lazy(() => z.looseObject({
  id: z.string(),
  network_id: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
  mac_address: z.string().optional(),
  fixed_ips: z.array(z.looseObject({ subnet_id: z.string().optional(), ip_address: z.string().optional() })).optional(),
  device_id: z.string().optional(),
  device_owner: z.string().optional(),
  admin_state_up: z.boolean().optional(),
  tenant_id: z.string().optional(),
  project_id: z.string().optional(),
}));
export type WirePort = z.output<ReturnType<typeof wirePort>>;

const links = lazy(() => z.array(z.looseObject({ rel: z.string().optional() })).optional());
export const portBody = lazy(() => z.looseObject({ port: wirePort() }));
export const portsBody = lazy(() => z.looseObject({ ports: z.array(wirePort()), ports_links: links() }));

export interface PortData {
  id: string;
  networkId: string;
  name: string;
  /** ACTIVE, DOWN, BUILD, ERROR. */
  status?: string;
  macAddress?: string;
  fixedIps: { subnetId?: string; ipAddress?: string }[];
  /** The server (or router) using the port; "" when unbound. */
  deviceId: string;
  deviceOwner: string;
  tenantId?: string;
  raw: Record<string, unknown>;
}

export function toPort(w: WirePort): PortData {
  const tenant = w.tenant_id ?? w.project_id;
  return {
    id: w.id,
    networkId: w.network_id,
    name: w.name ?? "",
    ...(w.status !== undefined ? { status: w.status } : {}),
    ...(w.mac_address !== undefined ? { macAddress: w.mac_address } : {}),
    fixedIps: (w.fixed_ips ?? []).map((f) => ({ ...(f.subnet_id ? { subnetId: f.subnet_id } : {}), ...(f.ip_address ? { ipAddress: f.ip_address } : {}) })),
    deviceId: w.device_id ?? "",
    deviceOwner: w.device_owner ?? "",
    ...(tenant ? { tenantId: tenant } : {}),
    raw: { ...w },
  };
}

export const createPortInput = lazy(() => z.strictObject({
  network: ref(),
  name: z.string().max(255).optional(),
  /** Addresses to take: a subnet, an address, or both. */
  fixedIps: z.array(z.strictObject({ subnet: ref().optional(), ipAddress: z.string().min(1).optional() })).optional(),
  adminStateUp: z.boolean().optional(),
}));
export type CreatePortInput = z.input<ReturnType<typeof createPortInput>>;

export const listPortsInput = lazy(() => z
  .strictObject({
    network: ref().optional(),
    /** Ports of this server (Neutron's `device_id`). */
    device: ref().optional(),
    name: z.string().min(1).optional(),
    pageSize: z.number().int().min(1).max(1000).optional(),
    limit: z.number().int().min(1).optional(),
    marker: z.string().min(1).optional(),
  })
  .optional());
export type ListPortsInput = z.input<ReturnType<typeof listPortsInput>>;
