import { checkListingOptions, type ListingOptions } from "../swift-listing";
import { type ContainerRef, containerName, type ObjectRef, objectName } from "../names";
import { checkObject } from "../options";
import type { SwiftClient } from "../swift-client";
import * as cdn from "./requests";

/** `cf.cdn`: Cloud Files CDN (publishing containers, TTL, log retention, purges). */
export class Cdn {
  readonly #root: SwiftClient;

  constructor(root: SwiftClient) {
    this.#root = root;
  }

  /** Publish the container on the CDN (`ttl` 900 … 31 536 000 s). */
  async makePublic(container: ContainerRef, options?: { ttl?: number }): Promise<void> {
    const c = containerName(container);
    const o = checkObject(options, "options", ["ttl"]);
    await cdn.makePublic(this.#root, c, cdn.checkTtl(o.ttl));
  }

  makePrivate(container: ContainerRef): Promise<void> {
    return cdn.makePrivate(this.#root, containerName(container));
  }

  /** CDN status, TTL, log retention and URIs (defaults when never published). */
  getAttributes(container: ContainerRef): Promise<cdn.CdnAttributes> {
    return cdn.getCdnAttributes(this.#root, containerName(container));
  }

  setLogRetention(container: ContainerRef, enabled: boolean): Promise<void> {
    const c = containerName(container);
    return cdn.setCdnLogRetention(this.#root, c, enabled);
  }

  /** Remove an object from the CDN edge; optionally email the addresses when done. */
  async purge(container: ContainerRef, name: ObjectRef, options?: { emailAddresses?: string | string[] }): Promise<void> {
    const c = containerName(container);
    const n = objectName(name);
    const o = checkObject(options, "options", ["emailAddresses"]);
    await cdn.purgeCdnObject(this.#root, c, n, o.emailAddresses);
  }

  /** Names of CDN-enabled containers. */
  async listPublic(options?: ListingOptions): Promise<string[]> {
    return (await cdn.listCdnContainers(this.#root, checkListingOptions(options), true)).map((r) => r.name);
  }

  /** Every container the CDN knows, with its attributes. */
  list(options?: ListingOptions): Promise<cdn.CdnContainer[]> {
    return cdn.listCdnContainers(this.#root, checkListingOptions(options), false);
  }
}
