import { ValidationError } from "@rax/core";

export interface ListingOptions {
  /** Page size (Swift caps it at 10 000). */
  limit?: number;
  /** Start after this name. */
  marker?: string;
  /** Stop before this name. */
  endMarker?: string;
  prefix?: string;
  /** Roll names up to the first occurrence of this character after the prefix (`subdir` entries). */
  delimiter?: string;
  /** Walk every page instead of returning the first. */
  fullListing?: boolean;
  signal?: AbortSignal;
}

const KEYS = new Set(["limit", "marker", "endMarker", "prefix", "delimiter", "fullListing", "signal"]);

export function checkListingOptions(o: unknown, field = "options"): ListingOptions {
  if (o === undefined) return {};
  if (o === null || typeof o !== "object") throw new ValidationError(field, "must be an object");
  const opts = o as Record<string, unknown>;
  for (const k of Object.keys(opts)) if (!KEYS.has(k)) throw new ValidationError(`${field}.${k}`, "unknown option");
  if (opts.limit !== undefined && !(Number.isInteger(opts.limit) && (opts.limit as number) > 0))
    throw new ValidationError(`${field}.limit`, "must be a positive integer");
  for (const k of ["marker", "endMarker", "prefix"] as const)
    if (opts[k] !== undefined && typeof opts[k] !== "string") throw new ValidationError(`${field}.${k}`, "must be a string");
  if (opts.delimiter !== undefined && (typeof opts.delimiter !== "string" || opts.delimiter.length !== 1))
    throw new ValidationError(`${field}.delimiter`, "must be a single character");
  if (opts.fullListing !== undefined && typeof opts.fullListing !== "boolean")
    throw new ValidationError(`${field}.fullListing`, "must be a boolean");
  return opts as ListingOptions;
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
