import { assignData, type CallOptions, type Paginated, type ServiceClient } from "@rax/core";
import type { ListNamedInput } from "../databases/models";
import type { UserInput } from "../instances/models";
import type { Ref, UserRef } from "../ref";
import type { DatabaseNames, UpdateUserInput, UserData } from "./models";
import * as api from "./requests";

/**
 * `cdb.users`: database users on an instance. Every method takes the instance first (an id or an
 * `Instance`), then the user: its name, `name@host`, or a `User`.
 */
export class Users {
  constructor(readonly client: ServiceClient) {}

  /** The instance's users (pyrax `list_users`); a `Paginated`. */
  list(instance: Ref, filters?: ListNamedInput, o?: CallOptions): Paginated<User> {
    return api.listUsers(this.client, instance, filters, o).map((d) => new User(this, d));
  }

  /** One user (pyrax `get_user`); `NoSuchDatabaseUser` if there is none. */
  async get(instance: Ref, user: UserRef, o?: CallOptions): Promise<User> {
    return new User(this, await api.getUser(this.client, instance, user, o));
  }

  /**
   * Creates a user (pyrax `create_user(name, password, database_names, host)`). No password →
   * `ValidationError` before any request; the password is never kept on the returned `User`.
   */
  async create(instance: Ref, input: UserInput, o?: CallOptions): Promise<User> {
    return new User(this, await api.createUser(this.client, instance, input, o));
  }

  /** Deletes the user (pyrax `delete_user`). */
  delete(instance: Ref, user: UserRef, o?: CallOptions): Promise<void> {
    return api.deleteUser(this.client, instance, user, o);
  }

  /** New name, host and/or password (pyrax `update_user`); nothing to change → `ValidationError`. */
  update(instance: Ref, user: UserRef, changes: UpdateUserInput, o?: CallOptions): Promise<void> {
    return api.updateUser(this.client, instance, user, changes, o);
  }

  /** pyrax `change_user_password`. */
  changePassword(instance: Ref, user: UserRef, newPassword: string, o?: CallOptions): Promise<void> {
    return api.changeUserPassword(this.client, instance, user, newPassword, o);
  }

  /** Names of the databases the user may use (pyrax `list_user_access`). */
  listAccess(instance: Ref, user: UserRef, o?: CallOptions): Promise<string[]> {
    return api.listUserAccess(this.client, instance, user, o);
  }

  /** Lets the user use these databases too (pyrax `grant_user_access`). */
  grantAccess(instance: Ref, user: UserRef, databases: DatabaseNames, o?: CallOptions): Promise<void> {
    return api.grantUserAccess(this.client, instance, user, databases, o);
  }

  /** Takes these databases away from the user (pyrax `revoke_user_access`). */
  revokeAccess(instance: Ref, user: UserRef, databases: DatabaseNames, o?: CallOptions): Promise<void> {
    return api.revokeUserAccess(this.client, instance, user, databases, o);
  }
}

export interface User extends UserData {}

/**
 * A database user (pyrax's `CloudDatabaseUser`: name, host, databases) with pyrax's verbs, each
 * delegating to `cdb.users`. A read-only view: `update` changes the server, then call `reload()`
 * (or `get`) for the new state; after a rename or a host change this object names the old user.
 */
export class User {
  readonly #users: Users;

  constructor(users: Users, data: UserData) {
    this.#users = users;
    assignData(this, data);
  }

  /** Reloads this object in place and returns it. */
  async reload(o?: CallOptions): Promise<this> {
    assignData(this, await api.getUser(this.#users.client, this.instanceId, this, o));
    return this;
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#users.delete(this.instanceId, this, o);
  }
  /**
   * Changes name, host and/or password, then refreshes this object in place (Trove answers the PUT
   * with no body, so the user is read again under its new name) and returns it.
   */
  async update(changes: UpdateUserInput, o?: CallOptions): Promise<this> {
    await this.#users.update(this.instanceId, this, changes, o);
    assignData(this, await api.getUser(this.#users.client, this.instanceId, { name: changes.name ?? this.name, host: changes.host ?? this.host }, o));
    return this;
  }
  changePassword(newPassword: string, o?: CallOptions): Promise<void> {
    return this.#users.changePassword(this.instanceId, this, newPassword, o);
  }
  listUserAccess(o?: CallOptions): Promise<string[]> {
    return this.#users.listAccess(this.instanceId, this, o);
  }
  grantUserAccess(databases: DatabaseNames, o?: CallOptions): Promise<void> {
    return this.#users.grantAccess(this.instanceId, this, databases, o);
  }
  revokeUserAccess(databases: DatabaseNames, o?: CallOptions): Promise<void> {
    return this.#users.revokeAccess(this.instanceId, this, databases, o);
  }
}
