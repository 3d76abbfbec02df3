import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { ipOrCidr } from "../ref";

export const ACCESS_TYPES = ["ALLOW", "DENY"] as const;

/** One network item: an address or CIDR, and whether it is let in (ALLOW wins over DENY). */
export const accessItemInput = lazy(() => z.strictObject({
  address: ipOrCidr(),
  type: z.enum(ACCESS_TYPES, { error: "must be ALLOW or DENY" }),
}));
export type AccessItemInput = z.input<ReturnType<typeof accessItemInput>>;
export const accessListInput = lazy(() => z.array(accessItemInput()).check(z.minLength(1, "must hold at least one item"), z.maxLength(100, "must hold at most 100 items (CLB's ACCESS_LIST_LIMIT)")));

export const wireAccessItem = lazy(() => z.looseObject({ id: z.union([z.number(), z.string()]), address: z.optional(z.string()), type: z.optional(z.string()) }));
export const accessListBody = lazy(() => z.looseObject({ accessList: z.nullish(z.array(wireAccessItem())) }));

export interface AccessItemData {
  id: number;
  address: string;
  /** ALLOW or DENY. */
  type: string;
}

export function toAccessItem(w: z.output<ReturnType<typeof wireAccessItem>>): AccessItemData {
  return { id: Number(w.id), address: w.address ?? "", type: w.type ?? "" };
}
