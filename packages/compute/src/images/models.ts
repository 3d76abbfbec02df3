import { lazy } from "@rax/core";
import * as z from "zod/mini";

export const wireImage = lazy(() => z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  status: z.optional(z.string()),
  progress: z.nullish(z.number()),
  minDisk: z.nullish(z.number()),
  minRam: z.nullish(z.number()),
  metadata: z.nullish(z.record(z.string(), z.unknown())),
  server: z.nullish(z.looseObject({ id: z.string() })),
  created: z.optional(z.string()),
  updated: z.optional(z.string()),
  "OS-EXT-IMG-SIZE:size": z.nullish(z.number()),
}));
export type WireImage = z.output<ReturnType<typeof wireImage>>;

export const imageBody = lazy(() => z.looseObject({ image: wireImage() }));
export const imagesBody = lazy(() => z.looseObject({
  images: z.array(wireImage()),
  images_links: z.optional(z.array(z.looseObject({ rel: z.optional(z.string()) }))),
}));

export interface ImageData {
  id: string;
  name: string;
  /** ACTIVE, SAVING, ERROR, DELETED, UNKNOWN. */
  status: string;
  progress?: number;
  minDisk: number;
  minRam: number;
  metadata: Record<string, unknown>;
  /** The server a snapshot was taken of. */
  server?: { id: string };
  /** A snapshot of a server (pyrax `list_snapshots`), not a base image of the provider. */
  snapshot: boolean;
  size?: number;
  created?: string;
  updated?: string;
  raw: Record<string, unknown>;
}

export function toImage(w: WireImage): ImageData {
  const metadata = w.metadata ?? {};
  // Nova names the source server on snapshots; Rackspace also tags them image_type=snapshot.
  const snapshot = Boolean(w.server) || metadata.image_type === "snapshot";
  return {
    id: w.id,
    name: w.name ?? "",
    status: w.status ?? "UNKNOWN",
    ...(typeof w.progress === "number" ? { progress: w.progress } : {}),
    minDisk: w.minDisk ?? 0,
    minRam: w.minRam ?? 0,
    metadata,
    ...(w.server ? { server: { id: w.server.id } } : {}),
    snapshot,
    ...(typeof w["OS-EXT-IMG-SIZE:size"] === "number" ? { size: w["OS-EXT-IMG-SIZE:size"] } : {}),
    ...(w.created ? { created: w.created } : {}),
    ...(w.updated ? { updated: w.updated } : {}),
    raw: { ...w },
  };
}

export const listImagesInput = lazy(() => z.optional(z.strictObject({
  name: z.optional(z.string().check(z.minLength(1))),
  status: z.optional(z.string().check(z.minLength(1))),
  /** Only snapshots of this server. */
  server: z.optional(z.union([z.string().check(z.minLength(1)), z.pipe(z.object({ id: z.string().check(z.minLength(1)) }), z.transform((s) => s.id))])),
  /** `BASE` (provider images) or `SNAPSHOT` (yours), decided per row by `snapshot` (not sent: Nova compares `type` with Glance's image_type exactly). */
  type: z.optional(z.enum(["BASE", "SNAPSHOT"])),
  changesSince: z.optional(z.union([z.pipe(z.date(), z.transform((d) => d.toISOString())), z.iso.datetime({ offset: true })])),
  pageSize: z.optional(z.int().check(z.gte(1), z.lte(1000))),
  limit: z.optional(z.int().check(z.gte(1))),
  marker: z.optional(z.string().check(z.minLength(1))),
})));
export type ListImagesInput = z.input<ReturnType<typeof listImagesInput>>;
