import { lazy, BadRequest, type CallOptions, encodeSegment, type NotFound, notFoundAs, Paginated, type ServiceClient, validate } from "@rax/core";
import { idSegment } from "@rax/core/zod-mini";
import * as z from "zod/mini";
import { NoSuchDatastore } from "../errors";
import { type DatastoreData, type DatastoreVersionData, datastoreBody, datastoresBody, toDatastore, toVersion, versionBody, versionsBody } from "./models";

const idOrName = lazy(() => z.union([idSegment(), z.pipe(z.object({ id: idSegment() }), z.transform((o) => o.id))], { error: "must be a datastore id or name (not blank, no '/'), or an object with an id" }));
const missing = (id: string) => (e: NotFound) => new NoSuchDatastore(id, e);

/** GET /datastores: one page (Trove does not page datastores). */
export function listDatastores(client: ServiceClient, o: CallOptions = {}): Paginated<DatastoreData> {
  return new Paginated(async () => {
    const body = await client.json({ method: "GET", path: "datastores", ...o }, datastoresBody());
    return { items: body.datastores.map(toDatastore) };
  });
}

/** GET /datastores/{id or name}. */
export async function getDatastore(client: ServiceClient, datastore: string | { id: string }, o: CallOptions = {}): Promise<DatastoreData> {
  const id = validate(idOrName(), datastore, "datastore");
  const body = await notFoundAs(client.json({ method: "GET", path: `datastores/${encodeSegment(id)}`, ...o }, datastoreBody()), missing(id));
  return toDatastore(body.datastore);
}

/** GET /datastores/{id or name}/versions. */
export async function listDatastoreVersions(client: ServiceClient, datastore: string | { id: string }, o: CallOptions = {}): Promise<DatastoreVersionData[]> {
  const id = validate(idOrName(), datastore, "datastore");
  const body = await notFoundAs(client.json({ method: "GET", path: `datastores/${encodeSegment(id)}/versions`, ...o }, versionsBody()), missing(id));
  return body.versions.map(toVersion);
}

/**
 * GET /datastores/{id or name}/versions/{id or name}. Trove answers an unknown version with a 400
 * ("Datastore version '9.9' cannot be found."): both that and a 404 are `NoSuchDatastore`.
 */
export async function getDatastoreVersion(client: ServiceClient, datastore: string | { id: string }, version: string | { id: string }, o: CallOptions = {}): Promise<DatastoreVersionData> {
  const id = validate(idOrName(), datastore, "datastore");
  const v = validate(idOrName(), version, "version");
  try {
    const body = await notFoundAs(client.json({ method: "GET", path: `datastores/${encodeSegment(id)}/versions/${encodeSegment(v)}`, ...o }, versionBody()), (e) =>
      /version/i.test(e.serverMessage) ? new NoSuchDatastore(`${id} ${v}`, e) : new NoSuchDatastore(id, e),
    );
    return toVersion(body.version);
  } catch (e) {
    if (e instanceof BadRequest && /version .* cannot be found/i.test(e.serverMessage)) throw new NoSuchDatastore(`${id} ${v}`, e);
    throw e;
  }
}
