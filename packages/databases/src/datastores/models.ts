import { lazy } from "@rax/core";
import * as z from "zod/mini";

export const wireVersion = lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string(),
    version: z.nullish(z.string()),
    active: z.nullish(z.union([z.boolean(), z.number()])),
    datastore: z.nullish(z.string()),
  }),
);
export type WireVersion = z.output<ReturnType<typeof wireVersion>>;

export const wireDatastore = lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string(),
    default_version: z.nullish(z.string()),
    versions: z.nullish(z.array(wireVersion())),
  }),
);
export type WireDatastore = z.output<ReturnType<typeof wireDatastore>>;

export const datastoreBody = lazy(() => z.looseObject({ datastore: wireDatastore() }));
export const datastoresBody = lazy(() => z.looseObject({ datastores: z.array(wireDatastore()) }));
export const versionBody = lazy(() => z.looseObject({ version: wireVersion() }));
export const versionsBody = lazy(() => z.looseObject({ versions: z.array(wireVersion()) }));

export interface DatastoreVersionData {
  id: string;
  /** What `create({ datastore: { type, version } })` takes ("5.7"). */
  name: string;
  active: boolean;
  /** Every field the service sent, as sent. */
  raw: Record<string, unknown>;
}

export interface DatastoreData {
  id: string;
  /** What `create({ datastore: { type } })` takes ("mysql"). */
  name: string;
  /** The id of the version an instance gets when it names only the type. */
  defaultVersion?: string;
  versions: DatastoreVersionData[];
  raw: Record<string, unknown>;
}

export function toVersion(w: WireVersion): DatastoreVersionData {
  return { id: w.id, name: w.name, active: w.active === undefined || w.active === null ? true : Boolean(w.active), raw: { ...w } };
}

export function toDatastore(w: WireDatastore): DatastoreData {
  return { id: w.id, name: w.name, ...(w.default_version ? { defaultVersion: w.default_version } : {}), versions: (w.versions ?? []).map(toVersion), raw: { ...w } };
}
