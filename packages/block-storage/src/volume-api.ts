import type { ServiceClient } from "@rax/core";

/**
 * What the volume calls need from the client: Cinder's endpoint, and the compute endpoint that
 * attach/detach go to (Nova's `os-volume_attachments`, as pyrax does). Namespaces take this, never
 * the `BlockStorage` class, so there is no import cycle.
 */
export interface VolumeApi extends ServiceClient {
  /** Nova's base URL for the same region (from the catalog, or the `computeEndpoint` option). */
  readonly computeEndpoint: string;
}
