import { assignData, type CallOptions, type Paginated, type ServiceClient } from "@rax/core";
import type { DatastoreData, DatastoreVersionData } from "./models";
import * as api from "./requests";

/** `cdb.datastores`: the database engines and versions an instance can run (MySQL 5.6, 5.7…). Read-only. */
export class Datastores {
  constructor(readonly client: ServiceClient) {}

  /** Every datastore with its versions (pyrax `list_datastores`). */
  list(o?: CallOptions): Paginated<Datastore> {
    return api.listDatastores(this.client, o).map((d) => new Datastore(d));
  }
  /** One datastore by id or name (pyrax `get_datastore`); `NoSuchDatastore` if there is none. */
  async get(datastore: string | { id: string }, o?: CallOptions): Promise<Datastore> {
    return new Datastore(await api.getDatastore(this.client, datastore, o));
  }
  /** A datastore's versions (pyrax `list_datastore_versions`). */
  listVersions(datastore: string | { id: string }, o?: CallOptions): Promise<DatastoreVersionData[]> {
    return api.listDatastoreVersions(this.client, datastore, o);
  }
  /** One version by id or name (pyrax `get_datastore_version`); `NoSuchDatastore` if there is none. */
  getVersion(datastore: string | { id: string }, version: string | { id: string }, o?: CallOptions): Promise<DatastoreVersionData> {
    return api.getDatastoreVersion(this.client, datastore, version, o);
  }
}

export interface Datastore extends DatastoreData {}

/** A datastore (pyrax's `CloudDatabaseDatastore`): its name, versions and default version. */
export class Datastore {
  constructor(data: DatastoreData) {
    assignData(this, data);
  }
}
