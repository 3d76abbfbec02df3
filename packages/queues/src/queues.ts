import { randomUUID } from "node:crypto";
import { type AuthSession, redactUrl, ServiceClient, type ServiceClientOptions, ValidationError, firstEndpoint } from "@rax/core";
import { Claims } from "./claims/claims";
import { Messages } from "./messages/messages";
import { type ApiVersion, type QueuesApi, queuesRootOf, versionOf } from "./queues-api";
import { QueueManager } from "./queues/queues";

export interface QueuesOptions extends ServiceClientOptions {
  /**
   * The Client-ID (a canonical UUID) sent with every request. Default: `CLOUD_QUEUES_ID`, else a
   * fresh random UUID. `null`: none — message and claim calls (every call on v2) then fail with
   * `QueueClientIDNotDefined` until `clientId` is set.
   */
  clientId?: string | null;
  /** Where `CLOUD_QUEUES_ID` is read from; default `process.env` (`ctx.client(Queues)` passes a context's own `env`). */
  env?: Record<string, string | undefined>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Catalog entries tried in order: Rackspace Cloud Queues (v1), then OpenStack Zaqar (`messaging`, v2). */
const CATALOG_TYPES: ReadonlyArray<{ type: string; name?: string }> = [{ type: "rax:queues", name: "cloudQueues" }, { type: "messaging" }];

function checkedClientId(v: unknown): string {
  if (typeof v !== "string" || !UUID.test(v)) throw new ValidationError("clientId", "must be a UUID in canonical form (e.g. 3381af92-2b9e-11e3-b191-71861300734c)");
  return v.toLowerCase();
}

/**
 * Cloud Queues / Zaqar. Build it from a context (`ctx.client(Queues, { region })`) or from any
 * `AuthSession`; the endpoint comes from the catalog on first use (`rax:queues` → v1, `messaging` →
 * Zaqar v2, told apart by the endpoint's path). Namespaces: `queues`, `messages`, `claims`.
 */
export class Queues extends ServiceClient implements QueuesApi {
  static override readonly serviceType = "rax:queues";
  static override readonly serviceName = "cloudQueues";
  /** Read from the `env` option (a context's own variables, when it was made with `env`), else `process.env`. */
  static readonly environmentVariables: readonly string[] = ["CLOUD_QUEUES_ID"];

  readonly #fixed?: string;
  #endpoint?: string;
  #clientId?: string;
  #queues?: QueueManager;
  #messages?: Messages;
  #claims?: Claims;

  constructor(session: AuthSession, opts: QueuesOptions = {}) {
    const { clientId, env, ...rest } = opts;
    super(session, rest);
    if (rest.endpoint !== undefined) this.#fixed = rest.endpoint.replace(/\/+$/, "");
    if (clientId === null) this.#clientId = undefined;
    else if (clientId !== undefined) this.#clientId = checkedClientId(clientId);
    else {
      const fromEnv = (env ?? process.env).CLOUD_QUEUES_ID;
      this.#clientId = fromEnv ? checkedClientId(fromEnv) : randomUUID();
    }
  }

  /** The Client-ID sent with every request (pyrax `pq.client_id`); settable, a canonical UUID. */
  get clientId(): string | undefined {
    return this.#clientId;
  }
  set clientId(v: string | undefined) {
    this.#clientId = v === undefined || v === null ? undefined : checkedClientId(v);
  }

  /** Rackspace's `…/v1/<tenant>` or Zaqar's root/`…/v2`. Throws `NoEndpointForService`. */
  override get endpoint(): string {
    if (this.#fixed !== undefined) return this.#fixed;
    if (this.#endpoint !== undefined) return this.#endpoint;
    return (this.#endpoint = firstEndpoint(this.session, CATALOG_TYPES, { ...(this.region ? { region: this.region } : {}), internal: this.internal }));
  }

  /** Authenticates if the endpoint is not known yet; undefined when it is (see `QueuesApi.ready`). */
  ready(signal?: AbortSignal): Promise<void> | undefined {
    if (this.isReady) return undefined;
    return this.session.getToken(signal).then(() => undefined);
  }

  /** Whether the endpoint is known (no authentication needed to find it); starts nothing. */
  get isReady(): boolean {
    return this.#fixed !== undefined || this.#endpoint !== undefined || this.session.currentToken?.() !== undefined;
  }

  /** 1 = Rackspace Cloud Queues v1 (Marconi), 2 = OpenStack Zaqar v2: read from the endpoint. */
  get apiVersion(): ApiVersion {
    return this.#dialect().version;
  }

  /** Where the queues collection is, relative to the endpoint (`queues` or `v2/queues`). */
  get queuesRoot(): string {
    return this.#dialect().root;
  }

  #dialectOf?: { endpoint: string; version: ApiVersion; root: string };
  #dialect(): { version: ApiVersion; root: string } {
    const endpoint = this.endpoint;
    if (this.#dialectOf?.endpoint !== endpoint) this.#dialectOf = { endpoint, version: versionOf(endpoint), root: queuesRootOf(endpoint) };
    return this.#dialectOf;
  }

  override toJSON(): Record<string, unknown> {
    const shown = super.toJSON();
    if (this.#endpoint !== undefined) shown.endpoint = redactUrl(this.#endpoint);
    return shown;
  }

  protected override extraHeaders(): Record<string, string | undefined> {
    return this.#clientId === undefined ? {} : { "client-id": this.#clientId };
  }

  /** Queues: list, exists, get, create, delete, stats, metadata. */
  get queues(): QueueManager {
    return (this.#queues ??= new QueueManager(this, this.messages, this.claims));
  }
  /** Messages: post (one or many), list, get, get by ids, delete, delete by ids. */
  get messages(): Messages {
    return (this.#messages ??= new Messages(this));
  }
  /** Claims: claim, get, update (renew), release. */
  get claims(): Claims {
    return (this.#claims ??= new Claims(this, this.messages));
  }
}
