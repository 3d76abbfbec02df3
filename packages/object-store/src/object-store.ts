import { type AuthSession, ServiceClient, type ServiceClientOptions, validate, lazy } from "@rax/core";
import * as z from "zod/mini";
import { Account } from "./account/account";
import { Cdn } from "./cdn/cdn";
import { Containers } from "./containers/containers";
import { Objects } from "./objects/objects";
import {
  DEFAULT_BULK_DELETE_BATCH,
  DEFAULT_SEGMENT_CONCURRENCY,
  DEFAULT_SEGMENT_SIZE,
  type ObjectStoreDefaults,
  type SwiftClient,
} from "./swift-client";
import { Folders } from "./transfer/folders";

// Unknown options are refused: a misspelt `segmentSise` silently ignored would upload 5 GiB PUTs.
// Built on the first client, not at import.
const clientOptionsSchema = lazy(() => {
  const positiveInt = z.int().check(z.positive(), z.lte(Number.MAX_SAFE_INTEGER));
  return z.strictObject({
    region: z.optional(z.string()),
    internal: z.optional(z.boolean()),
    endpoint: z.optional(z.string()),
    cdnEndpoint: z.optional(z.string()),
    segmentSize: z.optional(positiveInt),
    segmentConcurrency: z.optional(positiveInt),
    bulkDeleteBatchSize: z.optional(positiveInt),
  });
});

export interface ObjectStoreOptions extends ServiceClientOptions {
  /** CDN management URL; default: the catalog's `rax:object-cdn` / `cloudFilesCDN` entry. */
  cdnEndpoint?: string;
  /** Objects larger than this are uploaded in segments (default 5 GiB − 1 byte, pyrax's limit). */
  segmentSize?: number;
  /** Parallel segment uploads (default 4). */
  segmentConcurrency?: number;
  /** Names per bulk-delete request (default 10 000, Swift's limit). */
  bulkDeleteBatchSize?: number;
}

/**
 * Cloud Files / OpenStack Swift, by resource: `cf.account`, `cf.containers`, `cf.objects`, `cf.cdn`,
 * and `cf.folders` (the transfer layer for folder trees; large objects and downloads go through
 * `cf.objects.store` / `cf.objects.download`). Every method takes container and object names or
 * the `Container` / `StorageObject` objects it returns. `ObjectStore` adds pyrax's flat names.
 */
export class ObjectStoreClient extends ServiceClient implements SwiftClient {
  // The class refers to itself, so the build emits it as `class _ObjectStoreClient`: this keeps its name
  // (non-enumerable, like a function's own; tests/packaging/export-names).
  static override get name(): string {
    return "ObjectStoreClient";
  }
  static override readonly serviceType: string = "object-store";
  static override readonly serviceName: string = "cloudFiles";
  static readonly cdnServiceType: string = "rax:object-cdn";
  static readonly cdnServiceName: string = "cloudFilesCDN";

  readonly defaults: ObjectStoreDefaults;
  readonly #cdnOverride?: string;
  #cdnEndpoint?: string;

  #account?: Account;
  #containers?: Containers;
  #objects?: Objects;
  #cdn?: Cdn;
  #folders?: Folders;

  constructor(session: AuthSession, opts: ObjectStoreOptions = {}) {
    validate(clientOptionsSchema(), opts, "");
    super(session, opts);
    this.defaults = {
      segmentSize: opts.segmentSize ?? DEFAULT_SEGMENT_SIZE,
      segmentConcurrency: opts.segmentConcurrency ?? DEFAULT_SEGMENT_CONCURRENCY,
      bulkDeleteBatchSize: opts.bulkDeleteBatchSize ?? DEFAULT_BULK_DELETE_BATCH,
    };
    this.#cdnOverride = opts.cdnEndpoint?.replace(/\/+$/, "");
  }

  /** CDN management URL, resolved on first use: a client without CDN works until a CDN call. */
  get cdnEndpoint(): string {
    if (this.#cdnEndpoint === undefined) {
      const url =
        this.#cdnOverride ??
        this.session.endpoint({
          type: ObjectStoreClient.cdnServiceType,
          name: ObjectStoreClient.cdnServiceName,
          ...(this.region ? { region: this.region } : {}),
          internal: false,
        });
      this.#cdnEndpoint = url.replace(/\/+$/, "");
    }
    return this.#cdnEndpoint;
  }

  /** The storage account: details, metadata, temp-URL key. */
  get account(): Account {
    this.#account ??= new Account(this);
    return this.#account;
  }
  /** Containers and their metadata. */
  get containers(): Containers {
    this.#containers ??= new Containers(this);
    return this.#containers;
  }
  /** Objects: upload (segmented above `segmentSize`), fetch, download, list, copy, delete, temp URLs. */
  get objects(): Objects {
    this.#objects ??= new Objects(this);
    return this.#objects;
  }
  /** Cloud Files CDN. */
  get cdn(): Cdn {
    this.#cdn ??= new Cdn(this);
    return this.#cdn;
  }
  /** Folder upload and sync. */
  get folders(): Folders {
    this.#folders ??= new Folders(this);
    return this.#folders;
  }
}
