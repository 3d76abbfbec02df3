import type { ListingOptions } from "../swift-listing";
import type { ContainerRef, ObjectRef } from "../names";
import type { SignalOptions } from "../options";
import type { SwiftClient } from "../swift-client";
import * as cdn from "./requests";

/** `cf.cdn`: Cloud Files CDN (publishing containers, TTL, log retention, purges). */
export class Cdn {
  readonly #root: SwiftClient;

  constructor(root: SwiftClient) {
    this.#root = root;
  }

  /** Publish the container on the CDN (`ttl` 900 … 31 536 000 s). */
  makePublic(container: ContainerRef, options?: { ttl?: number; signal?: AbortSignal }): Promise<void> {
    return cdn.makePublic(this.#root, container, options);
  }

  makePrivate(container: ContainerRef, options?: SignalOptions): Promise<void> {
    return cdn.makePrivate(this.#root, container, options);
  }

  /** CDN status, TTL, log retention and URIs (defaults when never published). */
  getAttributes(container: ContainerRef, options?: SignalOptions): Promise<cdn.CdnAttributes> {
    return cdn.getCdnAttributes(this.#root, container, options);
  }

  setLogRetention(container: ContainerRef, enabled: boolean, options?: SignalOptions): Promise<void> {
    return cdn.setCdnLogRetention(this.#root, container, enabled, options);
  }

  /** Remove an object from the CDN edge; optionally email the addresses when done. */
  purge(container: ContainerRef, name: ObjectRef, options?: { emailAddresses?: string | string[]; signal?: AbortSignal }): Promise<void> {
    return cdn.purgeCdnObject(this.#root, container, name, options);
  }

  /** Names of CDN-enabled containers. */
  async listPublic(options?: ListingOptions): Promise<string[]> {
    return (await cdn.listCdnContainers(this.#root, options, true)).map((r) => r.name);
  }

  /** Every container the CDN knows, with its attributes. */
  list(options?: ListingOptions): Promise<cdn.CdnContainer[]> {
    return cdn.listCdnContainers(this.#root, options, false);
  }
}
