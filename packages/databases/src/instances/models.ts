import { lazy } from "@rax/core";
import * as z from "zod";
import { flavorRef } from "../flavors/models";

const wireLink = lazy(() => z.looseObject({ href: z.string().optional(), rel: z.string().optional() }));

export const wireInstance = lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string().nullish(),
    status: z.string().optional(),
    hostname: z.string().nullish(),
    ip: z.array(z.string()).nullish(),
    flavor: z.looseObject({ id: z.union([z.string(), z.number()]), links: z.array(wireLink()).optional() }).nullish(),
    volume: z.looseObject({ size: z.number().nullish(), used: z.number().nullish() }).nullish(),
    datastore: z.looseObject({ type: z.string().nullish(), version: z.string().nullish() }).nullish(),
    created: z.string().nullish(),
    updated: z.string().nullish(),
    links: z.array(wireLink()).optional(),
    fault: z.looseObject({ message: z.string().nullish(), details: z.string().nullish() }).nullish(),
  }),
);
export type WireInstance = z.output<ReturnType<typeof wireInstance>>;

export const instanceBody = lazy(() => z.looseObject({ instance: wireInstance() }));
export const instancesBody = lazy(() => z.looseObject({ instances: z.array(wireInstance()), links: z.array(wireLink()).optional() }));
export const rootUserBody = lazy(() => z.looseObject({ user: z.looseObject({ name: z.string(), password: z.string() }) }));
export const rootStatusBody = lazy(() => z.looseObject({ rootEnabled: z.union([z.boolean(), z.string()]) }));

export interface InstanceData {
  id: string;
  name: string;
  /** BUILD, ACTIVE, RESIZE, REBOOT, BACKUP, RESTART_REQUIRED, SHUTDOWN, BLOCKED, ERROR… */
  status: string;
  /** What a server in the same region connects to (Rackspace); OpenStack sends `ip` instead. */
  hostname?: string;
  ip?: string[];
  flavorId?: string;
  /** GB; `used` once the guest has reported it. */
  volume?: { size: number; used?: number };
  datastore?: { type: string; version: string };
  created?: string;
  updated?: string;
  /** The service's message when the instance is in ERROR. */
  fault?: string;
  /** Every field the service sent, as sent. */
  raw: Record<string, unknown>;
}

export function toInstance(w: WireInstance): InstanceData {
  const opt = <K extends string>(k: K, v: string | null | undefined) => (v ? { [k]: v } : {}) as Partial<Record<K, string>>;
  return {
    id: w.id,
    name: w.name ?? "",
    status: w.status ?? "",
    ...opt("hostname", w.hostname),
    ...(w.ip?.length ? { ip: [...w.ip] } : {}),
    ...(w.flavor ? { flavorId: String(w.flavor.id) } : {}),
    ...(w.volume && typeof w.volume.size === "number" ? { volume: { size: w.volume.size, ...(typeof w.volume.used === "number" ? { used: w.volume.used } : {}) } } : {}),
    ...(w.datastore?.type ? { datastore: { type: w.datastore.type, version: w.datastore.version ?? "" } } : {}),
    ...opt("created", w.created),
    ...opt("updated", w.updated),
    ...opt("fault", w.fault?.message ?? w.fault?.details),
    raw: { ...w },
  };
}

// Trove's MySQL rules (trove/common/db/mysql/models.py), checked here so a refused name is a
// ValidationError before any request: schema names 2–64 characters of letters, digits, `_` and `-`
// (spaces, `?`, `#` and `@` only inside); user names ≤ 16 characters; names and passwords without
// leading/trailing spaces, quotes, `;`, backquotes, `,`, `/` or `\`.
const SCHEMA_NAME = /^[A-Za-z0-9_-]+[\s?#@]*[A-Za-z0-9_-]+$/;
const UNSUPPORTED = /^\s|\s$|['";`,/\\]/;
export const RESERVED_DATABASES = ["mysql", "information_schema", "performance_schema", "sys"];
export const RESERVED_USERS = ["root", "os_admin"];

export const databaseName = lazy(() =>
  z
    .string({ error: "must be a string" })
    .min(1, "must not be empty")
    .max(64, "must be at most 64 characters")
    .regex(SCHEMA_NAME, "must be 2 or more letters, digits, _ and - (MySQL schema name)")
    .refine((n) => !RESERVED_DATABASES.includes(n), "is reserved by the service"),
);

export const userName = lazy(() =>
  z
    .string({ error: "must be a string" })
    .min(1, "must not be empty")
    .max(16, "must be at most 16 characters")
    .refine((n) => !UNSUPPORTED.test(n), "must not start or end with a space or hold ' \" ; ` , / or \\")
    .refine((n) => !RESERVED_USERS.includes(n), "is reserved by the service"),
);

export const password = lazy(() =>
  z
    .string({ error: "is required (a user must have a password)" })
    .min(1, "must not be empty")
    .refine((n) => !UNSUPPORTED.test(n), "must not start or end with a space or hold ' \" ; ` , / or \\"),
);

export const hostName = lazy(() => z.string().min(1, "must not be empty (use % for any host)"));

/** A database as create takes it: a name, or the name with its character set and collation. */
export const databaseInput = lazy(() =>
  z.union([
    databaseName().transform((name) => ({ name })),
    z.strictObject({ name: databaseName(), characterSet: z.string().min(1).optional(), collate: z.string().min(1).optional() }),
  ]),
);
export type DatabaseInput = z.input<ReturnType<typeof databaseInput>>;

const dbNames = lazy(() => z.array(z.union([databaseName(), z.object({ name: databaseName() }).transform((d) => d.name)])));

/** A user as create takes it. A user without a password is refused here (pyrax too). */
export const userInput = lazy(() =>
  z.strictObject({
    name: userName(),
    password: password(),
    /** Where the user may connect from; `%` (anywhere) when absent. */
    host: hostName().optional(),
    /** Databases the user may use: names or `Database` objects (pyrax `database_names`). */
    databases: dbNames().optional(),
  }),
);
export type UserInput = z.input<ReturnType<typeof userInput>>;

const datastore = lazy(() => z.strictObject({ type: z.string().min(1), version: z.string().min(1) }, { error: "must be { type, version } (both: pyrax's MissingCloudDatabaseParameter)" }));

export const createInstanceInput = lazy(() =>
  z.strictObject({
    name: z.string().min(1).max(255, "must be at most 255 characters"),
    /** A `Flavor`, a flavor id, its name ("1GB Instance") or its RAM in MB (pyrax `flavor`, default 1). */
    flavor: flavorRef().default(1),
    /** Volume size in GB, a whole number (Rackspace: 1–50; pyrax `volume`, default 1). */
    volume: z.number().int("must be a whole number of GB").positive("must be at least 1 GB").default(1),
    databases: z.array(databaseInput()).optional(),
    users: z.array(userInput()).optional(),
    /** Both type and version, e.g. `{ type: "mysql", version: "5.7" }`; the cloud's default when absent. */
    datastore: datastore().optional(),
  }),
);
export type CreateInstanceInput = z.input<ReturnType<typeof createInstanceInput>>;

export const restoreInput = lazy(() =>
  z.strictObject({
    name: z.string().min(1).max(255, "must be at most 255 characters"),
    flavor: flavorRef().default(1),
    volume: z.number().int("must be a whole number of GB").positive("must be at least 1 GB").default(1),
  }),
);
export type RestoreInput = z.input<ReturnType<typeof restoreInput>>;

export const listInstancesInput = lazy(() =>
  z
    .strictObject({
      /** Stop after this many instances in all. */
      limit: z.number().int().positive().optional(),
      /** Start after this instance id. */
      marker: z.string().min(1).optional(),
      /** Instances per request. */
      pageSize: z.number().int().positive().optional(),
    })
    .optional(),
);
export type ListInstancesInput = z.input<ReturnType<typeof listInstancesInput>>;

/** The wire form of a create's databases and users (snake_case, `%` left to the service). */
export function wireDatabase(d: z.output<ReturnType<typeof databaseInput>>): Record<string, string> {
  return { name: d.name, ...("characterSet" in d && d.characterSet ? { character_set: d.characterSet } : {}), ...("collate" in d && d.collate ? { collate: d.collate } : {}) };
}
export function wireUser(u: z.output<ReturnType<typeof userInput>>): Record<string, unknown> {
  return { name: u.name, password: u.password, ...(u.host ? { host: u.host } : {}), databases: (u.databases ?? []).map((name) => ({ name })) };
}
