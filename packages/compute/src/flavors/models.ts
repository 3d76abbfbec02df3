import { lazy } from "@rax/core";
import * as z from "zod/mini";

const num = lazy(() => z.pipe(z.union([z.number(), z.string()]), z.transform((v) => (v === "" ? 0 : Number(v)))));

export const wireFlavor = lazy(() => z.looseObject({
  id: z.pipe(z.union([z.string(), z.number()]), z.transform(String)),
  name: z.optional(z.string()),
  ram: z.optional(num()),
  disk: z.optional(num()),
  vcpus: z.optional(num()),
  // Nova sends "" for no swap.
  swap: z.optional(num()),
  rxtx_factor: z.optional(num()),
  "OS-FLV-EXT-DATA:ephemeral": z.optional(num()),
  "OS-FLV-WITH-EXT-SPECS:extra_specs": z.optional(z.record(z.string(), z.unknown())),
  extra_specs: z.optional(z.record(z.string(), z.unknown())),
}));
export type WireFlavor = z.output<ReturnType<typeof wireFlavor>>;

export const flavorBody = lazy(() => z.looseObject({ flavor: wireFlavor() }));
export const flavorsBody = lazy(() => z.looseObject({
  flavors: z.array(wireFlavor()),
  flavors_links: z.optional(z.array(z.looseObject({ rel: z.optional(z.string()) }))),
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

export const listFlavorsInput = lazy(() => z.optional(z.strictObject({
  /** Only flavors with at least this much RAM (MiB): Nova's `minRam`. */
  minRam: z.optional(z.int().check(z.gte(0))),
  /** Only flavors with at least this much disk (GiB): Nova's `minDisk`. */
  minDisk: z.optional(z.int().check(z.gte(0))),
  pageSize: z.optional(z.int().check(z.gte(1), z.lte(1000))),
  limit: z.optional(z.int().check(z.gte(1))),
  marker: z.optional(z.string().check(z.minLength(1))),
})));
export type ListFlavorsInput = z.input<ReturnType<typeof listFlavorsInput>>;

/** `find` criteria: every given field must match exactly (name, RAM, disk, vCPUs). */
export const findFlavorInput = lazy(() => z
  .strictObject({
    name: z.optional(z.string().check(z.minLength(1))),
    ram: z.optional(z.int().check(z.gte(0))),
    disk: z.optional(z.int().check(z.gte(0))),
    vcpus: z.optional(z.int().check(z.gte(0))),
  })
  .check(z.refine((c) => Object.values(c).some((v) => v !== undefined), "give at least one of name, ram, disk, vcpus")));
export type FindFlavorInput = z.input<ReturnType<typeof findFlavorInput>>;
