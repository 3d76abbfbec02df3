import { lazy } from "@rax/core";
import * as z from "zod";

export const wireImage = lazy(() => z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  status: z.string().optional(),
  progress: z.number().nullish(),
  minDisk: z.number().nullish(),
  minRam: z.number().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  server: z.looseObject({ id: z.string() }).nullish(),
  created: z.string().optional(),
  updated: z.string().optional(),
  "OS-EXT-IMG-SIZE:size": z.number().nullish(),
}));
export type WireImage = z.output<ReturnType<typeof wireImage>>;

export const imageBody = lazy(() => z.looseObject({ image: wireImage() }));
export const imagesBody = lazy(() => z.looseObject({
  images: z.array(wireImage()),
  images_links: z.array(z.looseObject({ rel: z.string().optional() })).optional(),
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

export const listImagesInput = lazy(() => z
  .strictObject({
    name: z.string().min(1).optional(),
    status: z.string().min(1).optional(),
    /** Only snapshots of this server. */
    server: z.union([z.string().min(1), z.object({ id: z.string().min(1) }).transform((s) => s.id)]).optional(),
    /** `BASE` (provider images) or `SNAPSHOT` (yours): Nova's `type` filter. */
    type: z.enum(["BASE", "SNAPSHOT"]).optional(),
    changesSince: z.union([z.date().transform((d) => d.toISOString()), z.iso.datetime({ offset: true })]).optional(),
    pageSize: z.number().int().min(1).max(1000).optional(),
    limit: z.number().int().min(1).optional(),
    marker: z.string().min(1).optional(),
  })
  .optional());
export type ListImagesInput = z.input<ReturnType<typeof listImagesInput>>;
