import { assignData, type CallOptions, type Paginated, ResourceFailed, type ServiceClient, validate, ValidationError, waitInPlace, waitUntil, waitUntilGone } from "@rax/core";
import { type Backup, type Backups, DEFAULT_WAIT_MS, type WaitForOptions } from "../backups/backups";
import type { CreateBackupInput } from "../backups/models";
import type { Database, InstanceDatabases } from "../databases/databases";
import type { CreateDatabaseOptions, ListNamedInput } from "../databases/models";
import { InstanceFailed } from "../errors";
import type { FlavorRef } from "../flavors/models";
import { type NameRef, type Ref, ref, type UserRef } from "../ref";
import type { DatabaseNames, UpdateUserInput } from "../users/models";
import type { User, Users } from "../users/users";
import type { CreateInstanceInput, InstanceData, ListInstancesInput, RestoreInput, UserInput } from "./models";
import * as api from "./requests";

/** The root user `enableRoot` returns. Its password is a secret: never printed or serialised. */
export class RootUser {
  readonly name: string;
  readonly #password: string;

  constructor(name: string, password: string) {
    this.name = name;
    this.#password = password;
  }

  /** The root password the service generated (registered with core's redaction). */
  get password(): string {
    return this.#password;
  }
  toJSON(): { name: string } {
    return { name: this.name };
  }
}

/** What `waitFor(…, "ACTIVE")` also waits for after a resize: the volume size (GB) and flavor asked for. */
export interface ResizeTarget {
  /** Wait until the volume is at least this many GB (after `resizeVolume`). */
  volumeSize?: number;
  /** Wait until the instance has this flavor id (after `resize`). */
  flavorId?: string;
}

/**
 * `waitFor`'s options for an instance. When waiting for ACTIVE with a `ResizeTarget`, an ACTIVE instance that
 * does not show it yet means the resize ended without applying (Trove resets the task to ACTIVE and keeps
 * the old size when a resize fails or times out): `InstanceFailed`, not a wait that resolves with the old size.
 * Both default to what the last `resizeVolume` / `resize` through this `Instance` object asked for.
 */
export interface InstanceWaitOptions extends WaitForOptions<Instance>, ResizeTarget {}

// The resize asked for through an `Instance` object, until a wait for ACTIVE sees it applied (or not):
// Trove answers 202 before anything changes, so the object is where `inst.waitFor("ACTIVE")` can learn it.
const requestedResize = new WeakMap<Instance, ResizeTarget>();

function remember(instance: Ref, target: ResizeTarget): void {
  if (instance instanceof Instance) requestedResize.set(instance, { ...requestedResize.get(instance), ...target });
}

/** Why an ACTIVE instance does not show `target` (undefined when it does). */
function unapplied(inst: Instance, target: ResizeTarget): string | undefined {
  const size = inst.volume?.size;
  if (target.volumeSize !== undefined && !(typeof size === "number" && size >= target.volumeSize))
    return `the volume resize to ${target.volumeSize} GB did not apply (the volume is ${size === undefined ? "of unknown size" : `${size} GB`})`;
  if (target.flavorId !== undefined && inst.flavorId !== target.flavorId)
    return `the resize to flavor ${target.flavorId} did not apply (the flavor is ${inst.flavorId ?? "unknown"})`;
  return undefined;
}

function describeTarget(target: ResizeTarget): string {
  return [target.volumeSize === undefined ? "" : ` with a ${target.volumeSize} GB volume`, target.flavorId === undefined ? "" : ` with flavor ${target.flavorId}`].join("");
}

/** `cdb.instances`: database instances. Every method takes an instance id or an `Instance`. */
export class Instances {
  constructor(
    readonly client: ServiceClient,
    readonly databases: InstanceDatabases,
    readonly users: Users,
    readonly backups: Backups,
  ) {}

  /** Instances (pyrax `cdb.list()`); a `Paginated`: `await` it for the first page, `for await` for all. */
  list(filters?: ListInstancesInput, o?: CallOptions): Paginated<Instance> {
    return api.listInstances(this.client, filters, o).map((d) => new Instance(this, d));
  }

  /** One instance, fresh from the service. `NoSuchInstance` if it does not exist. */
  async get(instance: Ref, o?: CallOptions): Promise<Instance> {
    return new Instance(this, await api.getInstance(this.client, instance, o));
  }

  /** The one instance named exactly `name`; `NoSuchInstance` if none, `NoUniqueMatch` if several. */
  async find(name: string, o?: CallOptions): Promise<Instance> {
    return new Instance(this, await api.findInstance(this.client, name, o));
  }

  /**
   * Creates an instance (pyrax `cdb.create(name, flavor=1, volume=1, databases, users, version, type)`):
   * status BUILD; `waitFor(inst)` until ACTIVE. `flavor` is a `Flavor`, id, name or RAM (MB);
   * `volume` the size in GB; databases and users are made with it.
   */
  async create(input: CreateInstanceInput, o?: CallOptions): Promise<Instance> {
    return new Instance(this, await api.createInstance(this.client, input, o));
  }

  /** A new instance from a backup (pyrax `restore_backup(backup, name, flavor, volume)`); its users and databases come back too. */
  async restore(backup: Ref, input: RestoreInput, o?: CallOptions): Promise<Instance> {
    return new Instance(this, await api.restoreBackup(this.client, backup, input, o));
  }

  /** Deletes the instance (its backups stay). */
  delete(instance: Ref, o?: CallOptions): Promise<void> {
    return api.deleteInstance(this.client, instance, o);
  }

  /** Restarts MySQL on the instance (status REBOOT, then ACTIVE). Not ACTIVE now → `InstanceNotAvailable`: wait, then retry. */
  restart(instance: Ref, o?: CallOptions): Promise<void> {
    return api.restartInstance(this.client, instance, o);
  }

  /**
   * A new flavor (RAM): a `Flavor`, id, name ("2GB Instance") or RAM (2048). Status RESIZE, then ACTIVE.
   * Given an `Instance`, its next `waitFor("ACTIVE")` also waits for the new flavor (see `InstanceWaitOptions`).
   */
  async resize(instance: Ref, flavor: FlavorRef, o?: CallOptions): Promise<void> {
    remember(instance, { flavorId: await api.resizeInstance(this.client, instance, flavor, o) });
  }

  /**
   * A bigger volume (GB). Not bigger than the current one → `InvalidVolumeResize`. Given an `Instance`, its
   * next `waitFor("ACTIVE")` also waits for the new size; with an id, pass `{ volumeSize }` to `waitFor`.
   */
  async resizeVolume(instance: Ref, size: number, o?: CallOptions): Promise<void> {
    await api.resizeVolume(this.client, instance, size, o);
    remember(instance, { volumeSize: size });
  }

  /** Enables the root user and returns it with the generated password (pyrax `enable_root_user`). */
  async enableRoot(instance: Ref, o?: CallOptions): Promise<RootUser> {
    const u = await api.enableRootUser(this.client, instance, o);
    return new RootUser(u.name, u.password);
  }

  /** Whether root has ever been enabled on the instance (pyrax `root_user_status`). */
  isRootEnabled(instance: Ref, o?: CallOptions): Promise<boolean> {
    return api.rootUserStatus(this.client, instance, o);
  }

  /**
   * Reloads the instance until its status is one of `status` (ACTIVE by default; "deleted" resolves
   * when the service says 404). ERROR (unless asked for) rejects with `InstanceFailed` carrying the
   * service's fault; running out of `attempts`/`timeout` with `WaitTimeout`; `signal` with `AbortError`.
   * Waiting for ACTIVE after a resize also waits for the size asked for (`InstanceWaitOptions`).
   */
  async waitFor(instance: Ref, status: string | string[] = "ACTIVE", o: InstanceWaitOptions = {}): Promise<Instance> {
    const want = (Array.isArray(status) ? status : [status]).map((x) => String(x).toUpperCase());
    const { volumeSize, flavorId, ...rest } = o;
    if (volumeSize !== undefined) validate(api.volumeSize(), volumeSize, "volumeSize");
    if (flavorId !== undefined && (typeof flavorId !== "string" || flavorId === "")) throw new ValidationError("flavorId", "must be a flavor id (a non-empty string)");
    const asked = instance instanceof Instance ? requestedResize.get(instance) : undefined;
    const target: ResizeTarget = { ...asked, ...(volumeSize === undefined ? {} : { volumeSize }), ...(flavorId === undefined ? {} : { flavorId }) };
    const checksResize = want.includes("ACTIVE") && (target.volumeSize !== undefined || target.flavorId !== undefined);
    const wait = { interval: 5000, timeout: DEFAULT_WAIT_MS, ...rest };
    const load = async () => {
      const inst = await this.get(instance, { signal: o.signal });
      const why = checksResize && String(inst.status).toUpperCase() === "ACTIVE" ? unapplied(inst, target) : undefined;
      if (why !== undefined) {
        // Trove marks the instance RESIZE before it answers the request, so ACTIVE without the new size is a resize that ended.
        if (instance instanceof Instance) requestedResize.delete(instance);
        throw new InstanceFailed(inst, `ACTIVE${describeTarget(target)}`, "Instance", why);
      }
      return inst;
    };
    if (want.includes("DELETED")) {
      // An instance in ERROR can still be deleted: only its disappearance counts here.
      await waitUntilGone(load, wait);
      const id = validate(ref(), instance, "instance");
      const last = instance instanceof Instance ? instance : undefined;
      return new Instance(this, { ...(last ?? { id, name: "", raw: {} }), raw: last?.raw ?? {}, status: "DELETED" });
    }
    try {
      const done = await waitUntil(load, "status", want, { ...wait, failOn: want.includes("ERROR") ? [] : ["ERROR"] });
      if (instance instanceof Instance && checksResize) requestedResize.delete(instance);
      return done;
    } catch (e) {
      if (e instanceof InstanceFailed) throw e;
      if (e instanceof ResourceFailed) {
        if (instance instanceof Instance) requestedResize.delete(instance);
        const inst = e.resource as Instance;
        throw new InstanceFailed(inst, want.join("/"), "Instance", inst.fault);
      }
      throw e;
    }
  }
}

export interface Instance extends InstanceData {}

/**
 * An instance as the service last described it (pyrax's `CloudDatabaseInstance`; `reload()` to
 * refresh), with pyrax's object verbs delegating to `cdb.instances`, `cdb.databases`, `cdb.users`
 * and `cdb.backups`.
 */
export class Instance {
  // The class refers to itself (waitFor/currentToken), so the build emits it as `class _Instance`: this keeps its
  // name (tests/packaging/export-names).
  static get name(): string {
    return "Instance";
  }
  readonly #instances: Instances;

  constructor(instances: Instances, data: InstanceData) {
    this.#instances = instances;
    assignData(this, data);
  }

  /** Reloads this object in place and returns it. */
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getInstance(this.#instances.client, this, o));
    return this;
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#instances.delete(this, o);
  }
  restart(o?: CallOptions): Promise<void> {
    return this.#instances.restart(this, o);
  }
  /** pyrax `inst.resize("2GB Instance")`, `inst.resize(2048)`, `inst.resize(3)`. */
  resize(flavor: FlavorRef, o?: CallOptions): Promise<void> {
    return this.#instances.resize(this, flavor, o);
  }
  /** pyrax `inst.resize_volume(8)`: checked against this object's volume size first. */
  resizeVolume(size: number, o?: CallOptions): Promise<void> {
    return this.#instances.resizeVolume(this, size, o);
  }
  enableRootUser(o?: CallOptions): Promise<RootUser> {
    return this.#instances.enableRoot(this, o);
  }
  rootUserStatus(o?: CallOptions): Promise<boolean> {
    return this.#instances.isRootEnabled(this, o);
  }
  /**
   * `instances.waitFor(this, …)` that also refreshes this object with what the service said last (on success
   * and on `InstanceFailed`), as pyrax's waits do: `instance.status` is not left at the status it started from.
   */
  waitFor(status?: string | string[], o?: InstanceWaitOptions): Promise<this> {
    return waitInPlace(this, () => this.#instances.waitFor(this, status, o));
  }

  listDatabases(filters?: ListNamedInput, o?: CallOptions): Paginated<Database> {
    return this.#instances.databases.list(this, filters, o);
  }
  createDatabase(name: string, options?: CreateDatabaseOptions, o?: CallOptions): Promise<Database> {
    return this.#instances.databases.create(this, name, options, o);
  }
  getDatabase(name: NameRef, o?: CallOptions): Promise<Database> {
    return this.#instances.databases.get(this, name, o);
  }
  deleteDatabase(name: NameRef, o?: CallOptions): Promise<void> {
    return this.#instances.databases.delete(this, name, o);
  }

  listUsers(filters?: ListNamedInput, o?: CallOptions): Paginated<User> {
    return this.#instances.users.list(this, filters, o);
  }
  createUser(input: UserInput, o?: CallOptions): Promise<User> {
    return this.#instances.users.create(this, input, o);
  }
  getUser(user: UserRef, o?: CallOptions): Promise<User> {
    return this.#instances.users.get(this, user, o);
  }
  deleteUser(user: UserRef, o?: CallOptions): Promise<void> {
    return this.#instances.users.delete(this, user, o);
  }
  updateUser(user: UserRef, changes: UpdateUserInput, o?: CallOptions): Promise<void> {
    return this.#instances.users.update(this, user, changes, o);
  }
  changeUserPassword(user: UserRef, newPassword: string, o?: CallOptions): Promise<void> {
    return this.#instances.users.changePassword(this, user, newPassword, o);
  }
  listUserAccess(user: UserRef, o?: CallOptions): Promise<string[]> {
    return this.#instances.users.listAccess(this, user, o);
  }
  grantUserAccess(user: UserRef, databases: DatabaseNames, o?: CallOptions): Promise<void> {
    return this.#instances.users.grantAccess(this, user, databases, o);
  }
  revokeUserAccess(user: UserRef, databases: DatabaseNames, o?: CallOptions): Promise<void> {
    return this.#instances.users.revokeAccess(this, user, databases, o);
  }

  listBackups(filters?: { limit?: number; marker?: string; pageSize?: number }, o?: CallOptions): Paginated<Backup> {
    return this.#instances.backups.list({ ...filters, instance: this.id }, o);
  }
  /** pyrax `instance.create_backup(name[, description])`, or `{ name, description, incremental, parent }`. */
  createBackup(name: string, description?: string, o?: CallOptions): Promise<Backup>;
  createBackup(input: CreateBackupInput, o?: CallOptions): Promise<Backup>;
  createBackup(input: string | CreateBackupInput, description?: string | CallOptions, o?: CallOptions): Promise<Backup> {
    if (typeof input !== "string") return this.#instances.backups.create(this, input, description as CallOptions | undefined);
    return this.#instances.backups.create(this, { name: input, ...(typeof description === "string" ? { description } : {}) }, o);
  }
}
