import { lazy } from "@rax/core";
import * as z from "zod";

export const wireVolumeType = lazy(() => z.looseObject({
  id: z.union([z.string(), z.number()]),
  name: z.string(),
  extra_specs: z.record(z.string(), z.unknown()).nullish(),
  description: z.string().nullish(),
  is_public: z.boolean().optional(),
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
