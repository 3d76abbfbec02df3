import * as z from "zod";
import { parseOptions } from "./options";

/** A listing's options: the one declaration (schema) its type and its checks come from. */
export const listingOptionsSchema = z.strictObject({
  /** Page size (Swift caps it at 10 000). */
  limit: z.number().int("must be a positive integer").positive("must be a positive integer").optional(),
  /** Start after this name. */
  marker: z.string("must be a string").optional(),
  /** Stop before this name. */
  endMarker: z.string("must be a string").optional(),
  prefix: z.string("must be a string").optional(),
  /** Roll names up to the first occurrence of this character after the prefix (`subdir` entries). */
  delimiter: z.string("must be a single character").length(1, "must be a single character").optional(),
  /** Walk every page instead of returning the first. */
  fullListing: z.boolean("must be a boolean").optional(),
  signal: z.instanceof(AbortSignal).optional(),
});

export type ListingOptions = z.infer<typeof listingOptionsSchema>;

export function checkListingOptions(o: unknown, field = "options"): ListingOptions {
  if (o === undefined) return {};
  return parseOptions(listingOptionsSchema, o, field);
}

export function listingQuery(o: ListingOptions, marker: string | undefined): Record<string, string | number | undefined> {
  return {
    format: "json",
    limit: o.limit,
    marker: marker || undefined,
    end_marker: o.endMarker || undefined,
    prefix: o.prefix || undefined,
    delimiter: o.delimiter,
  };
}
