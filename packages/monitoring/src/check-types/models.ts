import { lazy } from "@rax/core";
import * as z from "zod/mini";

export const wireField = lazy(() => z.looseObject({ name: z.string(), description: z.nullish(z.string()), optional: z.nullish(z.boolean()) }));
export const wireCheckType = lazy(() => z.looseObject({
  id: z.string(),
  type: z.nullish(z.string()),
  fields: z.nullish(z.array(wireField())),
  supported_platforms: z.nullish(z.array(z.string())),
}));

/** One parameter of a check or notification type (the seed's `fields` rows). */
export interface TypeField {
  name: string;
  description: string;
  optional: boolean;
}
export const toField = (f: z.output<ReturnType<typeof wireField>>): TypeField => ({ name: f.name, description: f.description ?? "", optional: f.optional ?? false });

export interface CheckTypeData {
  /** `remote.http`, `remote.ping`, `agent.cpu`… */
  id: string;
  /** `remote` or `agent`. */
  type: string;
  /** The `details` this type takes; `optional: false` ones are required. */
  fields: TypeField[];
  supportedPlatforms?: string[];
  raw: Record<string, unknown>;
}

export function toCheckType(w: z.output<ReturnType<typeof wireCheckType>>): CheckTypeData {
  return {
    id: w.id,
    type: w.type ?? w.id.split(".")[0] ?? "",
    fields: (w.fields ?? []).map(toField),
    ...(w.supported_platforms ? { supportedPlatforms: [...w.supported_platforms] } : {}),
    raw: { ...w },
  };
}
