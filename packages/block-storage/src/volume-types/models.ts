import { lazy } from "@rax/core";
import * as z from "zod/mini";

export const wireVolumeType = lazy(() => z.looseObject({
  id: z.union([z.string(), z.number()]),
  name: z.string(),
  extra_specs: z.nullish(z.record(z.string(), z.unknown())),
  description: z.nullish(z.string()),
  is_public: z.optional(z.boolean()),
}));
export type WireVolumeType = z.output<ReturnType<typeof wireVolumeType>>;

export const volumeTypeBody = lazy(() => z.looseObject({ volume_type: wireVolumeType() }));
export const volumeTypesBody = lazy(() => z.looseObject({ volume_types: z.array(wireVolumeType()) }));

export interface VolumeTypeData {
  /** Rackspace's ids are numbers (1 = SATA, 2 = SSD); kept as strings so every id is one type. */
  id: string;
  name: string;
  extraSpecs: Record<string, unknown>;
  description?: string;
  /** Every field Cinder sent, as sent. */
  raw: Record<string, unknown>;
}

export function toVolumeType(w: WireVolumeType): VolumeTypeData {
  return {
    id: String(w.id),
    name: w.name,
    extraSpecs: { ...(w.extra_specs ?? {}) },
    ...(w.description ? { description: w.description } : {}),
    raw: { ...w },
  };
}
