import { lazy } from "@rax/core";
import * as z from "zod/mini";

// Otter's paging: `limit` + `marker` (an id) in, `*_links` with `rel: "next"` out (reference autoscale.md, "Pagination").

/** Otter's `links` / `*_links` entries (`{"rel": "self" | "next" | "capability", "href": …}`). */
export const wireLink = lazy(() => z.looseObject({ rel: z.optional(z.string()), href: z.optional(z.string()) }));
export type WireLink = z.output<ReturnType<typeof wireLink>>;

/** Whether a collection's `*_links` offers a next page (reference autoscale.md, "Pagination"). */
export function hasNext(links: readonly WireLink[] | undefined): boolean {
  return (links ?? []).some((l) => l.rel === "next");
}

/** Page-size filter every Auto Scale listing takes: Otter pages by `limit` (1–100) and `marker` (an id). */
// A function, not a schema: listings that take more filters spread it into their own object.
export const listShape = () => ({
  /** Stop after this many rows in total. */
  limit: z.optional(z.int().check(z.positive())),
  /** Rows per request, 1–100 (Otter's bound). */
  pageSize: z.optional(z.int().check(z.gte(1), z.lte(100, "must be at most 100 (Otter's page limit)"))),
  /** Start after the row with this id. */
  marker: z.optional(z.string().check(z.minLength(1))),
});
export const listInput = lazy(() => z.optional(z.strictObject(listShape())));
export type ListInput = z.input<ReturnType<typeof listInput>>;
