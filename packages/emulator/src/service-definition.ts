import type { EmulatorUser } from "./identity/users";

/** What the catalog says about a service, and where the emulator serves it. */
export interface ServiceDefinition {
  /** Catalog type (`compute`, `object-store`, `rax:dns`, …). */
  type: string;
  /** Catalog name (`cloudServersOpenStack`, …). */
  name: string;
  /** Short unique id: request-log `service`, fault matching, and the `/<slug>/<REGION>` prefix of the "paths" layout. */
  slug: string;
  /** Path after the endpoint's root for this user, as in the catalog URL (`/v2/<tenant>`, `/v1/MossoCloudFS_<tenant>`). */
  path(user: EmulatorUser): string;
  /** Global services (DNS, Monitoring) have one endpoint without a region. */
  global?: boolean;
  /** Only these regions (Rackspace CDN is fronted from DFW and LON). */
  onlyRegions?: readonly string[];
  /** Advertises an internalURL (ServiceNet) as Cloud Files and Queues do. */
  internal?: boolean;
  tenantId?(user: EmulatorUser): string;
  version?: { id: string; path: string };
  /**
   * Which catalogs list it: both (default); "v3" only Keystone v3's (real Keystone lists itself,
   * Rackspace's v2.0 catalog does not); "none" for origins the catalog never names (the public CDN side).
   */
  listed?: "v3" | "none";
  /** Served at the emulator's own URL (its root) rather than at an endpoint of its own: identity. */
  home?: boolean;
}
