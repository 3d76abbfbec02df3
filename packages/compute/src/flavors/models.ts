import { lazy } from "@rax/core";
import * as z from "zod";

const num = lazy(() => z.union([z.number(), z.string()]).transform((v) => (v === "" ? 0 : Number(v))));

export const wireFlavor = lazy(() => z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  name: z.string().optional(),
  ram: num().optional(),
  disk: num().optional(),
  vcpus: num().optional(),
  // Nova sends "" for no swap.
  swap: num().optional(),
  rxtx_factor: num().optional(),
  "OS-FLV-EXT-DATA:ephemeral": num().optional(),
  "OS-FLV-WITH-EXT-SPECS:extra_specs": z.record(z.string(), z.unknown()).optional(),
  extra_specs: z.record(z.string(), z.unknown()).optional(),
}));
export type WireFlavor = z.output<ReturnType<typeof wireFlavor>>;

export const flavorBody = lazy(() => z.looseObject({ flavor: wireFlavor() }));
export const flavorsBody = lazy(() => z.looseObject({
  flavors: z.array(wireFlavor()),
  flavors_links: z.array(z.looseObject({ rel: z.string().optional() })).optional(),
}));

export interface FlavorData {
  id: string;
  name: string;
  /** MiB. */
  ram: number;
  /** GiB of root disk (0 for boot-from-volume flavors). */
  disk: number;
  vcpus: number;
  /** MiB. */
  swap: number;
  /** GiB. */
  ephemeral: number;
  rxtxFactor?: number;
  /** Extra specs when Nova includes them (Rackspace does, as `OS-FLV-WITH-EXT-SPECS:extra_specs`). */
  extraSpecs?: Record<string, unknown>;
  /** Every field Nova sent, as sent. */
  raw: Record<string, unknown>;
}

export function toFlavor(w: WireFlavor): FlavorData {
  const specs = w["OS-FLV-WITH-EXT-SPECS:extra_specs"] ?? w.extra_specs;
  return {
    id: w.id,
    name: w.name ?? "",
    ram: w.ram ?? 0,
    disk: w.disk ?? 0,
    vcpus: w.vcpus ?? 0,
    swap: w.swap ?? 0,
    ephemeral: w["OS-FLV-EXT-DATA:ephemeral"] ?? 0,
    ...(w.rxtx_factor !== undefined ? { rxtxFactor: w.rxtx_factor } : {}),
    ...(specs ? { extraSpecs: specs } : {}),
    raw: { ...w },
  };
}

export const listFlavorsInput = lazy(() => z
  .strictObject({
    /** Only flavors with at least this much RAM (MiB): Nova's `minRam`. */
    minRam: z.number().int().min(0).optional(),
    /** Only flavors with at least this much disk (GiB): Nova's `minDisk`. */
    minDisk: z.number().int().min(0).optional(),
    pageSize: z.number().int().min(1).max(1000).optional(),
    limit: z.number().int().min(1).optional(),
    marker: z.string().min(1).optional(),
  })
  .optional());
export type ListFlavorsInput = z.input<ReturnType<typeof listFlavorsInput>>;

/** `find` criteria: every given field must match exactly (name, RAM, disk, vCPUs). */
export const findFlavorInput = lazy(() => z
  .strictObject({
    name: z.string().min(1).optional(),
    ram: z.number().int().min(0).optional(),
    disk: z.number().int().min(0).optional(),
    vcpus: z.number().int().min(0).optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), "give at least one of name, ram, disk, vcpus"));
export type FindFlavorInput = z.input<ReturnType<typeof findFlavorInput>>;
