import type { Metadata } from "../metadata-headers";

/** What a HEAD of a container tells about it. */
export interface ContainerInfo {
  name: string;
  objectCount: number;
  bytesUsed: number;
  metadata: Metadata;
  /** Raw response headers, lower-case. */
  headers: Record<string, string>;
}

export type { ContainerListing } from "./listing";
