import { lazy } from "@rax/core";
import { idSegment } from "@rax/core/zod-mini";
import * as z from "zod/mini";

const wireLink = lazy(() => z.looseObject({ href: z.optional(z.string()), rel: z.optional(z.string()) }));
export const wireLinks = lazy(() => z.array(wireLink()));

export const wireFlavor = lazy(() =>
  z.looseObject({
    // Trove sends `id: null` and the id in `str_id` for a Nova flavor whose id is not a number.
    id: z.nullish(z.union([z.string(), z.number()])),
    name: z.optional(z.string()),
    ram: z.optional(z.number()),
    vcpus: z.nullish(z.number()),
    disk: z.nullish(z.number()),
    str_id: z.nullish(z.string()),
    links: z.optional(wireLinks()),
  }),
);
export type WireFlavor = z.output<ReturnType<typeof wireFlavor>>;

export const flavorBody = lazy(() => z.looseObject({ flavor: wireFlavor() }));
export const flavorsBody = lazy(() => z.looseObject({ flavors: z.array(wireFlavor()), links: z.optional(wireLinks()) }));

export interface FlavorData {
  /** Rackspace's and Trove's ids are numbers (1 = 512MB Instance); kept as strings so every id is one type. */
  id: string;
  name: string;
  /** MB. */
  ram: number;
  vcpus?: number;
  /** The flavor's own URL (`links[rel=self]`), what pyrax sends as `flavorRef`. */
  href?: string;
  /** Every field the service sent, as sent. */
  raw: Record<string, unknown>;
}

export function toFlavor(w: WireFlavor): FlavorData {
  const href = w.links?.find((l) => l.rel === "self")?.href;
  return {
    id: w.str_id ?? String(w.id ?? ""),
    name: w.name ?? "",
    ram: w.ram ?? 0,
    ...(typeof w.vcpus === "number" ? { vcpus: w.vcpus } : {}),
    ...(href ? { href } : {}),
    raw: { ...w },
  };
}

/** How `find` picks a flavor: exactly one of its name or its RAM in MB. */
export const findFlavorInput = lazy(() =>
  z.union([z.strictObject({ name: z.string().check(z.minLength(1)) }), z.strictObject({ ram: z.int().check(z.positive()) })], {
    error: "must be { name } or { ram }",
  }),
);
export type FindFlavorInput = z.input<ReturnType<typeof findFlavorInput>>;

/**
 * A flavor as pyrax takes one: a `Flavor` (or anything with an `id`), its id, its name
 * ("2GB Instance") or its RAM in MB (2048). A number is an id when a flavor has that id, else RAM.
 */
export type FlavorRef = string | number | { readonly id: string | number };
export const flavorRef = lazy(() =>
  z.union([idSegment(), z.int().check(z.positive()), z.object({ id: z.union([idSegment(), z.number()]) })], {
    error: "must be a flavor id, name (not blank, no '/'), RAM size (MB) or an object with an id",
  }),
);
