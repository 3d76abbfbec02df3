import { BadRequest, type CallOptions, encodeSegment, markerPager, type NotFound, notFoundAs, type Paginated, sendFor, type ServiceClient, validate } from "@rax/core";
import { AlreadyExists, NoSuchDatabase, NoSuchInstance } from "../errors";
import { databaseName } from "../instances/models";
import { instancePath } from "../instances/requests";
import { type NameRef, nameRef, type Ref, ref } from "../ref";
import { type CreateDatabaseOptions, createDatabaseOptions, type DatabaseData, databasesBody, type ListNamedInput, listNamedInput, toDatabase } from "./models";
import { busyAs } from "../instances/instance-busy";

const missingInstance = (id: string) => (e: NotFound) => new NoSuchInstance(id, e);

/** GET /instances/{id}/databases, page after page (`limit` + `marker` = the last name). */
export function listDatabases(client: ServiceClient, instance: Ref, filters?: ListNamedInput, o: CallOptions = {}): Paginated<DatabaseData> {
  const id = validate(ref(), instance, "instance");
  const f = validate(listNamedInput(), filters, "filters") ?? {};
  return markerPager(
    async (marker, limit) => {
      const body = await busyAs(notFoundAs(client.json({ method: "GET", path: instancePath(id, "/databases"), query: { limit, marker }, ...o }, databasesBody()), missingInstance(id)), id);
      return { items: body.databases, more: (body.links ?? []).some((l) => l.rel === "next") };
    },
    { markerOf: (row) => row.name, pageSize: f.pageSize, limit: f.limit, marker: f.marker },
  ).map((w) => toDatabase(id, w));
}

/**
 * POST /instances/{id}/databases → 202 (no body): `characterSet` `utf8` and `collate`
 * `utf8_general_ci` unless given, as pyrax. A name the service refuses is a `ValidationError`
 * first; one that exists → `AlreadyExists`.
 */
export async function createDatabase(client: ServiceClient, instance: Ref, name: string, options?: CreateDatabaseOptions, o: CallOptions = {}): Promise<DatabaseData> {
  const id = validate(ref(), instance, "instance");
  const n = validate(databaseName(), name, "name");
  const opts = validate(createDatabaseOptions(), options, "options") ?? {};
  const db = { name: n, character_set: opts.characterSet ?? "utf8", collate: opts.collate ?? "utf8_general_ci" };
  try {
    const res = await busyAs(notFoundAs(sendFor(client, { method: "POST", path: instancePath(id, "/databases"), json: { databases: [db] }, ...o }, [202]), missingInstance(id)), id);
    await res.dump();
  } catch (e) {
    if (e instanceof BadRequest && /already exists/i.test(e.serverMessage)) throw new AlreadyExists(`Database ${n}`, e);
    throw e;
  }
  return toDatabase(id, db);
}

/**
 * The database named `name` (pyrax `get_database`: Trove has no GET for one database, so the
 * listing is searched). `NoSuchDatabase` if it is not there.
 */
export async function getDatabase(client: ServiceClient, instance: Ref, name: NameRef, o: CallOptions = {}): Promise<DatabaseData> {
  const id = validate(ref(), instance, "instance");
  const n = validate(nameRef(), name, "name");
  for await (const d of listDatabases(client, id, undefined, o)) if (d.name === n) return d;
  throw new NoSuchDatabase(n, { in: client, on: `instance ${id}` });
}

/** DELETE /instances/{id}/databases/{name} → 202; a database not there → `NoSuchDatabase`. */
export async function deleteDatabase(client: ServiceClient, instance: Ref, name: NameRef, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), instance, "instance");
  const n = validate(nameRef(), name, "name");
  const res = await busyAs(notFoundAs(sendFor(client, { method: "DELETE", path: instancePath(id, `/databases/${encodeSegment(n)}`), ...o }, [202]), (e) =>
    /database/i.test(e.serverMessage) ? new NoSuchDatabase(n, e) : new NoSuchInstance(id, e),
  ), id);
  await res.dump();
}
