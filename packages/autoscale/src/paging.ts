import { lazy } from "@rax/core";
import * as z from "zod";

// Otter's paging: `limit` + `marker` (an id) in, `*_links` with `rel: "next"` out (reference autoscale.md, "Pagination").

/** Otter's `links` / `*_links` entries (`{"rel": "self" | "next" | "capability", "href": …}`). */
export const wireLink = lazy(() => z.looseObject({ rel: z.string().optional(), href: z.string().optional() }));
export type WireLink = z.output<ReturnType<typeof wireLink>>;

/** Whether a collection's `*_links` offers a next page (reference autoscale.md, "Pagination"). */
export function hasNext(links: readonly WireLink[] | undefined): boolean {
  return (links ?? []).some((l) => l.rel === "next");
}

/** Page-size filter every Auto Scale listing takes: Otter pages by `limit` (1–100) and `marker` (an id). */
export const listInput = lazy(() =>
  z
    .strictObject({
      /** Stop after this many rows in total. */
      limit: z.number().int().positive().optional(),
      /** Rows per request, 1–100 (Otter's bound). */
      pageSize: z.number().int().min(1).max(100, "must be at most 100 (Otter's page limit)").optional(),
      /** Start after the row with this id. */
      marker: z.string().min(1).optional(),
    })
    .optional(),
);
export type ListInput = z.input<ReturnType<typeof listInput>>;
