import { type AuthSession, redactUrl, ServiceClient, type ServiceClientOptions, firstEndpoint } from "@rax/core";
import { Backups } from "./backups/backups";
import { InstanceDatabases } from "./databases/databases";
import { Datastores } from "./datastores/datastores";
import { Flavors } from "./flavors/flavors";
import { Instances } from "./instances/instances";
import { Users } from "./users/users";

/** Rackspace's catalog type and name first, then OpenStack Trove's (`database`). The first the catalog has wins. */
const CATALOG_TYPES: ReadonlyArray<{ type: string; name?: string }> = [{ type: "rax:database", name: "cloudDatabases" }, { type: "database" }];

/**
 * Cloud Databases / OpenStack Trove (v1.0). Build it from a context (`ctx.client(Databases, { region })`)
 * or from any `AuthSession`; the endpoint comes from the catalog on first use (Rackspace's
 * `rax:database` or OpenStack's `database`).
 */
export class Databases extends ServiceClient {
  static override readonly serviceType = "rax:database";
  static override readonly serviceName = "cloudDatabases";

  readonly #fixed?: string;
  #endpoint?: string;
  #instances?: Instances;
  #flavors?: Flavors;
  #databases?: InstanceDatabases;
  #users?: Users;
  #backups?: Backups;
  #datastores?: Datastores;

  constructor(session: AuthSession, opts: ServiceClientOptions = {}) {
    super(session, opts);
    if (opts.endpoint !== undefined) this.#fixed = opts.endpoint.replace(/\/+$/, "");
  }

  /** The service's base URL (`…/v1.0/<tenant>`). Throws `NoEndpointForService`. */
  override get endpoint(): string {
    if (this.#fixed !== undefined) return this.#fixed;
    if (this.#endpoint !== undefined) return this.#endpoint;
    return (this.#endpoint = firstEndpoint(this.session, CATALOG_TYPES, { ...(this.region ? { region: this.region } : {}), internal: this.internal }));
  }

  /** What printing shows: the base summary plus the endpoint chosen from the catalog (never the session). */
  override toJSON(): Record<string, unknown> {
    const shown = super.toJSON();
    if (this.#endpoint !== undefined) shown.endpoint = redactUrl(this.#endpoint);
    return shown;
  }

  /** Flavors (the RAM an instance gets): list, get, find by name or RAM. */
  get flavors(): Flavors {
    return (this.#flavors ??= new Flavors(this));
  }
  /** Datastores (MySQL and its versions) an instance can run: list, get, versions. */
  get datastores(): Datastores {
    return (this.#datastores ??= new Datastores(this));
  }
  /** Databases (schemas) on an instance: create, list, get, delete. */
  get databases(): InstanceDatabases {
    return (this.#databases ??= new InstanceDatabases(this));
  }
  /** Database users on an instance: create, list, get, update, change password, access, delete. */
  get users(): Users {
    return (this.#users ??= new Users(this));
  }
  /** Backups: create (incremental too), list (all / per instance), get, delete, waitFor. */
  get backups(): Backups {
    return (this.#backups ??= new Backups(this));
  }
  /** Instances: list, get, find, create, delete, restart, resize, resize volume, root user, restore, waitFor. */
  get instances(): Instances {
    return (this.#instances ??= new Instances(this, this.databases, this.users, this.backups));
  }
}
