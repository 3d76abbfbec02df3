import { lazy } from "@rax/core";
import * as z from "zod/mini";

/** Paging of Cloud DNS lists (the seed's "Paging"): up to 100 per request, offsets multiples of the page size. */
// A function, not an object of schemas: importing the package builds no schema.
export const pagingShape = () => ({
  /** Items per request, 1–100 (pyrax's `limit`). Default 100. */
  pageSize: z.optional(z.int().check(z.gte(1, "must be 1–100"), z.lte(100, "must be 1–100"))),
  /** Where to start: 0 or a multiple of `pageSize` (pyrax's `offset`). */
  offset: z.optional(z.int().check(z.gte(0))),
  /** Stop after this many items in total. */
  limit: z.optional(z.int().check(z.gte(1))),
});

export function checkOffset(p: { pageSize?: number | undefined; offset?: number | undefined }, ctx: z.core.$RefinementCtx): void {
  if (p.offset !== undefined && p.offset % (p.pageSize ?? 100) !== 0) ctx.addIssue({ code: "custom", path: ["offset"], message: "must be 0 or a multiple of pageSize (Cloud DNS refuses others)" });
}

/** Cloud DNS's page size when none is asked for (and its maximum). */
export const DEFAULT_PAGE_SIZE = 100;

/**
 * The part of a server's next-page link from `from` on (`domains?limit=3&offset=6`), to be sent to
 * this client's own endpoint (as pyrax trims DNS links to start at `/domains`): a link can never
 * carry the token to another host.
 */
export function relativeLink(href: string | null | undefined, from: string): string | undefined {
  if (!href) return undefined;
  let path: string;
  try {
    const u = new URL(href, "http://relative.invalid");
    path = u.pathname + u.search;
  } catch {
    return undefined;
  }
  const i = path.indexOf(`/${from}`);
  return i < 0 ? undefined : path.slice(i + 1);
}

/** Cloud DNS's `links: [{rel: "next", href}]`. */
export const linksShape = lazy(() => z.optional(z.array(z.looseObject({ rel: z.optional(z.string()), href: z.optional(z.string()) }))));
export const nextHref = (links: z.output<ReturnType<typeof linksShape>>): string | undefined => links?.find((l) => l.rel === "next")?.href;
