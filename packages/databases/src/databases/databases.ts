import { assignData, type CallOptions, type Paginated, type ServiceClient } from "@rax/core";
import type { NameRef, Ref } from "../ref";
import type { CreateDatabaseOptions, DatabaseData, ListNamedInput } from "./models";
import * as api from "./requests";

/** `cdb.databases`: the databases (schemas) inside an instance. Every method takes the instance first (an id or an `Instance`). */
export class InstanceDatabases {
  constructor(readonly client: ServiceClient) {}

  /** The instance's databases (pyrax `list_databases`); a `Paginated`. */
  list(instance: Ref, filters?: ListNamedInput, o?: CallOptions): Paginated<Database> {
    return api.listDatabases(this.client, instance, filters, o).map((d) => new Database(this, d));
  }

  /** Creates a database (pyrax `create_database(name, character_set="utf8", collate="utf8_general_ci")`). */
  async create(instance: Ref, name: string, options?: CreateDatabaseOptions, o?: CallOptions): Promise<Database> {
    return new Database(this, await api.createDatabase(this.client, instance, name, options, o));
  }

  /** The database named `name` (pyrax `get_database`); `NoSuchDatabase` if it is not there. */
  async get(instance: Ref, name: NameRef, o?: CallOptions): Promise<Database> {
    return new Database(this, await api.getDatabase(this.client, instance, name, o));
  }

  /** Deletes the database (pyrax `delete_database`). */
  delete(instance: Ref, name: NameRef, o?: CallOptions): Promise<void> {
    return api.deleteDatabase(this.client, instance, name, o);
  }
}

export interface Database extends DatabaseData {}

/**
 * A database on an instance (pyrax's `CloudDatabaseDatabase`): a read-only view whose one verb is
 * `delete()`.
 */
export class Database {
  readonly #databases: InstanceDatabases;

  constructor(databases: InstanceDatabases, data: DatabaseData) {
    this.#databases = databases;
    assignData(this, data);
  }

  /** Deletes this database from its instance. */
  delete(o?: CallOptions): Promise<void> {
    return this.#databases.delete(this.instanceId, this.name, o);
  }
}
