import { ValidationError, type CallOptions, type Paginated } from "@rax/core";
import type { Backup } from "./backups/backups";
import type { CreateBackupInput } from "./backups/models";
import type { Database } from "./databases/databases";
import type { Datastore } from "./datastores/datastores";
import type { DatastoreVersionData } from "./datastores/models";
import type { CreateDatabaseOptions } from "./databases/models";
import { Databases } from "./databases";
import type { Flavor } from "./flavors/flavors";
import type { FlavorRef } from "./flavors/models";
import type { Instance, RootUser } from "./instances/instances";
import type { CreateInstanceInput, RestoreInput, UserInput } from "./instances/models";
import type { NameRef, Ref, UserRef } from "./ref";
import type { DatabaseNames, UpdateUserInput } from "./users/models";
import type { User } from "./users/users";

/**
 * `Databases` plus pyrax's flat `cloud_databases` calls, camelCased, for scripts being ported
 * (`cdb.list_flavors()` → `cdb.listFlavors()`). Each is one line over the canonical namespaces;
 * new code should call those (`cdb.flavors.list()`).
 */
export class PyraxDatabases extends Databases {
  /** pyrax `cdb.list()`. */
  list(o?: CallOptions): Paginated<Instance> {
    return this.instances.list(undefined, o);
  }
  /** pyrax `cdb.get(id)`. */
  get(instance: Ref, o?: CallOptions): Promise<Instance> {
    return this.instances.get(instance, o);
  }
  /** pyrax `cdb.find(name=…)`. */
  find(name: string, o?: CallOptions): Promise<Instance> {
    return this.instances.find(name, o);
  }
  /** pyrax `cdb.create(name, flavor, volume, databases, users, version, type)`: `create(name, { flavor, volume, … })` or `create({ name, … })`. */
  create(name: string, options: Omit<CreateInstanceInput, "name">, o?: CallOptions): Promise<Instance>;
  create(input: CreateInstanceInput, o?: CallOptions): Promise<Instance>;
  create(input: string | CreateInstanceInput, options?: Omit<CreateInstanceInput, "name"> | CallOptions, o?: CallOptions): Promise<Instance> {
    if (typeof input === "string") return this.instances.create({ ...(options as Omit<CreateInstanceInput, "name">), name: input }, o);
    return this.instances.create(input, options as CallOptions | undefined);
  }
  /** pyrax `cdb.delete(instance)`. */
  delete(instance: Ref, o?: CallOptions): Promise<void> {
    return this.instances.delete(instance, o);
  }
  /** pyrax `cdb.restart(instance)`. */
  restart(instance: Ref, o?: CallOptions): Promise<void> {
    return this.instances.restart(instance, o);
  }
  /** pyrax `cdb.resize(instance, flavor)`. */
  resize(instance: Ref, flavor: FlavorRef, o?: CallOptions): Promise<void> {
    return this.instances.resize(instance, flavor, o);
  }
  /** pyrax `cdb.resize_volume(instance, size)`. */
  resizeVolume(instance: Ref, size: number, o?: CallOptions): Promise<void> {
    return this.instances.resizeVolume(instance, size, o);
  }
  /** pyrax `cdb.enable_root_user(instance)`. */
  enableRootUser(instance: Ref, o?: CallOptions): Promise<RootUser> {
    return this.instances.enableRoot(instance, o);
  }
  /** pyrax `cdb.root_user_status(instance)`. */
  rootUserStatus(instance: Ref, o?: CallOptions): Promise<boolean> {
    return this.instances.isRootEnabled(instance, o);
  }
  /** pyrax `cdb.list_flavors()`. */
  listFlavors(o?: CallOptions): Paginated<Flavor> {
    return this.flavors.list(undefined, o);
  }
  /** pyrax `cdb.get_flavor(id)`. */
  getFlavor(flavor: string | number | { id: string | number }, o?: CallOptions): Promise<Flavor> {
    return this.flavors.get(flavor, o);
  }
  /** pyrax `cdb.list_datastores()`. */
  listDatastores(o?: CallOptions): Paginated<Datastore> {
    return this.datastores.list(o);
  }
  /** pyrax `cdb.get_datastore(id)`. */
  getDatastore(datastore: string | { id: string }, o?: CallOptions): Promise<Datastore> {
    return this.datastores.get(datastore, o);
  }
  /** pyrax `cdb.list_datastore_versions(datastore)`. */
  listDatastoreVersions(datastore: string | { id: string }, o?: CallOptions): Promise<DatastoreVersionData[]> {
    return this.datastores.listVersions(datastore, o);
  }
  /** pyrax `cdb.get_datastore_version(datastore, version)`. */
  getDatastoreVersion(datastore: string | { id: string }, version: string | { id: string }, o?: CallOptions): Promise<DatastoreVersionData> {
    return this.datastores.getVersion(datastore, version, o);
  }
  /** pyrax `cdb.list_databases(instance)`. */
  listDatabases(instance: Ref, o?: CallOptions): Paginated<Database> {
    return this.databases.list(instance, undefined, o);
  }
  /** pyrax `cdb.create_database(instance, name, character_set, collate)`. */
  createDatabase(instance: Ref, name: string, options?: CreateDatabaseOptions, o?: CallOptions): Promise<Database> {
    return this.databases.create(instance, name, options, o);
  }
  /** pyrax `cdb.get_database(instance, name)`. */
  getDatabase(instance: Ref, name: NameRef, o?: CallOptions): Promise<Database> {
    return this.databases.get(instance, name, o);
  }
  /** pyrax `cdb.delete_database(instance, name)`. */
  deleteDatabase(instance: Ref, name: NameRef, o?: CallOptions): Promise<void> {
    return this.databases.delete(instance, name, o);
  }
  /** pyrax `cdb.list_users(instance)`. */
  listUsers(instance: Ref, o?: CallOptions): Paginated<User> {
    return this.users.list(instance, undefined, o);
  }
  /** pyrax `cdb.create_user(instance, name, password, database_names, host)`, positionally or as `{ name, password, databases, host }`. */
  createUser(instance: Ref, name: string, password: string, databases?: DatabaseNames, host?: string, o?: CallOptions): Promise<User>;
  createUser(instance: Ref, input: UserInput, o?: CallOptions): Promise<User>;
  createUser(instance: Ref, input: string | UserInput, password?: string | CallOptions, databases?: DatabaseNames, host?: string, o?: CallOptions): Promise<User> {
    if (typeof input !== "string") return this.users.create(instance, input, password as CallOptions | undefined);
    const user = { name: input, password: password as string, ...(databases !== undefined ? { databases } : {}), ...(host !== undefined ? { host } : {}) } as UserInput;
    return this.users.create(instance, user, o);
  }
  /** pyrax `cdb.get_user(instance, name)`. */
  getUser(instance: Ref, user: UserRef, o?: CallOptions): Promise<User> {
    return this.users.get(instance, user, o);
  }
  /** pyrax `cdb.delete_user(instance, name)`. */
  deleteUser(instance: Ref, user: UserRef, o?: CallOptions): Promise<void> {
    return this.users.delete(instance, user, o);
  }
  /** pyrax `cdb.update_user(instance, user, name, password, host)`. */
  updateUser(instance: Ref, user: UserRef, changes: UpdateUserInput, o?: CallOptions): Promise<void> {
    return this.users.update(instance, user, changes, o);
  }
  /** pyrax `cdb.change_user_password(instance, user, new_pass)`. */
  changeUserPassword(instance: Ref, user: UserRef, newPassword: string, o?: CallOptions): Promise<void> {
    return this.users.changePassword(instance, user, newPassword, o);
  }
  /** pyrax `cdb.list_user_access(instance, user)`. */
  listUserAccess(instance: Ref, user: UserRef, o?: CallOptions): Promise<string[]> {
    return this.users.listAccess(instance, user, o);
  }
  /** pyrax `cdb.grant_user_access(instance, user, db_names)`. */
  grantUserAccess(instance: Ref, user: UserRef, databases: DatabaseNames, o?: CallOptions): Promise<void> {
    return this.users.grantAccess(instance, user, databases, o);
  }
  /** pyrax `cdb.revoke_user_access(instance, user, db_names)`. */
  revokeUserAccess(instance: Ref, user: UserRef, databases: DatabaseNames, o?: CallOptions): Promise<void> {
    return this.users.revokeAccess(instance, user, databases, o);
  }
  /** pyrax `cdb.list_backups(instance=None)`. */
  listBackups(instance?: Ref, o?: CallOptions): Paginated<Backup> {
    return this.backups.list(instance === undefined ? undefined : { instance }, o);
  }
  /** pyrax `cdb.get_backup(backup)`. */
  getBackup(backup: Ref, o?: CallOptions): Promise<Backup> {
    return this.backups.get(backup, o);
  }
  /** pyrax `cdb.create_backup(instance, name[, description])`, positionally or as `{ name, description, … }`. */
  createBackup(instance: Ref, name: string, description?: string, o?: CallOptions): Promise<Backup>;
  createBackup(instance: Ref, input: CreateBackupInput, o?: CallOptions): Promise<Backup>;
  createBackup(instance: Ref, input: string | CreateBackupInput, description?: string | CallOptions, o?: CallOptions): Promise<Backup> {
    if (typeof input !== "string") return this.backups.create(instance, input, description as CallOptions | undefined);
    // Call options given where the description goes would otherwise be dropped and the request sent.
    if (description !== undefined && typeof description !== "string") return Promise.reject(new ValidationError("description", "must be a string"));
    return this.backups.create(instance, { name: input, ...(description === undefined ? {} : { description }) }, o);
  }
  /** pyrax `cdb.delete_backup(backup)`. */
  deleteBackup(backup: Ref, o?: CallOptions): Promise<void> {
    return this.backups.delete(backup, o);
  }
  /** pyrax `cdb.restore_backup(backup, name, flavor, volume)`, positionally or as `{ name, flavor, volume }`. */
  restoreBackup(backup: Ref, name: string, flavor: RestoreInput["flavor"], volume: RestoreInput["volume"], o?: CallOptions): Promise<Instance>;
  restoreBackup(backup: Ref, input: RestoreInput, o?: CallOptions): Promise<Instance>;
  restoreBackup(backup: Ref, input: string | RestoreInput, flavor?: RestoreInput["flavor"] | CallOptions, volume?: RestoreInput["volume"], o?: CallOptions): Promise<Instance> {
    if (typeof input !== "string") return this.instances.restore(backup, input, flavor as CallOptions | undefined);
    return this.instances.restore(backup, { name: input, flavor: flavor as RestoreInput["flavor"], volume: volume as RestoreInput["volume"] }, o);
  }
}
