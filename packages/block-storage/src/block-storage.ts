import { type AuthSession, redactUrl, ServiceClient, type ServiceClientOptions, firstEndpoint } from "@rax/core";
import { Snapshots } from "./snapshots/snapshots";
import type { VolumeApi } from "./volume-api";
import { VolumeTypes } from "./volume-types/volume-types";
import { Volumes } from "./volumes/volumes";

export interface BlockStorageOptions extends ServiceClientOptions {
  /** Nova's base URL for attach/detach; default: the catalog's compute endpoint in the same region. */
  computeEndpoint?: string;
}

/**
 * Catalog types tried in order: OpenStack's current Cinder (`volumev3`, `block-storage`), then v2,
 * then Rackspace's v1 (`volume`, name `cloudBlockStorage`). The first the catalog has wins.
 */
const CATALOG_TYPES: ReadonlyArray<{ type: string; name?: string }> = [{ type: "volumev3" }, { type: "block-storage" }, { type: "volumev2" }, { type: "volume", name: "cloudBlockStorage" }];

/**
 * Cloud Block Storage / Cinder. Build it from a context (`ctx.client(BlockStorage, { region })`) or
 * from any `AuthSession`; the endpoint comes from the catalog on first use (Rackspace's v1 paths or
 * OpenStack's v3, whichever the catalog offers). Attach/detach go to the compute endpoint, as pyrax's do.
 */
export class BlockStorage extends ServiceClient implements VolumeApi {
  static override readonly serviceType = "volume";
  static override readonly serviceName = "cloudBlockStorage";

  readonly #fixed?: string;
  readonly #fixedCompute?: string;
  #endpoint?: string;
  #compute?: string;
  #volumes?: Volumes;
  #snapshots?: Snapshots;
  #types?: VolumeTypes;

  constructor(session: AuthSession, opts: BlockStorageOptions = {}) {
    const { computeEndpoint, ...rest } = opts;
    super(session, rest);
    if (rest.endpoint !== undefined) this.#fixed = rest.endpoint.replace(/\/+$/, "");
    if (computeEndpoint !== undefined) this.#fixedCompute = computeEndpoint.replace(/\/+$/, "");
  }

  /** Cinder's base URL (`…/v1/<tenant>` or `…/v3/<project>`). Throws `NoEndpointForService`. */
  override get endpoint(): string {
    if (this.#fixed !== undefined) return this.#fixed;
    if (this.#endpoint !== undefined) return this.#endpoint;
    return (this.#endpoint = firstEndpoint(this.session, CATALOG_TYPES, { ...(this.region ? { region: this.region } : {}), internal: this.internal }));
  }

  /** What printing shows: the base summary plus the Cinder endpoint chosen from the catalog (never the session). */
  override toJSON(): Record<string, unknown> {
    const shown = super.toJSON();
    if (this.#endpoint !== undefined) shown.endpoint = redactUrl(this.#endpoint);
    return shown;
  }

  /** Nova's base URL, where attach and detach go. */
  get computeEndpoint(): string {
    if (this.#fixedCompute !== undefined) return this.#fixedCompute;
    return (this.#compute ??= this.session
      .endpoint({ type: "compute", name: "cloudServersOpenStack", ...(this.region ? { region: this.region } : {}), internal: this.internal })
      .replace(/\/+$/, ""));
  }

  /** Snapshots: create (force for attached volumes), list, get, update, delete, waitFor, metadata. */
  get snapshots(): Snapshots {
    return (this.#snapshots ??= new Snapshots(this));
  }
  /** Volumes: list, get, find, create, update, delete (force), waitFor, attach/detach, metadata. */
  get volumes(): Volumes {
    return (this.#volumes ??= new Volumes(this, this.snapshots));
  }
  /** Volume types (SATA, SSD on Rackspace): list, get. */
  get types(): VolumeTypes {
    return (this.#types ??= new VolumeTypes(this));
  }
}
