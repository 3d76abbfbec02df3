import { lazy } from "@rax/core";
import * as z from "zod/mini";

export const wireMetaItem = lazy(() => z.looseObject({ id: z.union([z.number(), z.string()]), key: z.string(), value: z.string() }));
export type WireMetaItem = z.output<ReturnType<typeof wireMetaItem>>;
export const metadataBody = lazy(() => z.looseObject({ metadata: z.nullish(z.array(wireMetaItem())) }));

/** CLB keeps metadata as `[{id, key, value}]`; callers see `{ key: value }` as in pyrax. */
export function toRecord(items: readonly WireMetaItem[] | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of items ?? []) out[m.key] = m.value;
  return out;
}

export const toWireList = (m: Record<string, string>) => Object.entries(m).map(([key, value]) => ({ key, value }));
