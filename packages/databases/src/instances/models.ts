import { lazy } from "@rax/core";
import * as z from "zod/mini";
import { flavorRef } from "../flavors/models";

const wireLink = lazy(() => z.looseObject({ href: z.optional(z.string()), rel: z.optional(z.string()) }));

export const wireInstance = lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.nullish(z.string()),
    status: z.optional(z.string()),
    hostname: z.nullish(z.string()),
    ip: z.nullish(z.array(z.string())),
    addresses: z.nullish(z.array(z.looseObject({ address: z.string(), type: z.nullish(z.string()) }))),
    flavor: z.nullish(z.looseObject({ id: z.union([z.string(), z.number()]), links: z.optional(z.array(wireLink())) })),
    volume: z.nullish(z.looseObject({ size: z.nullish(z.number()), used: z.nullish(z.number()) })),
    datastore: z.nullish(z.looseObject({ type: z.nullish(z.string()), version: z.nullish(z.string()) })),
    created: z.nullish(z.string()),
    updated: z.nullish(z.string()),
    links: z.optional(z.array(wireLink())),
    fault: z.nullish(z.looseObject({ message: z.nullish(z.string()), details: z.nullish(z.string()) })),
  }),
);
export type WireInstance = z.output<ReturnType<typeof wireInstance>>;

export const instanceBody = lazy(() => z.looseObject({ instance: wireInstance() }));
export const instancesBody = lazy(() => z.looseObject({ instances: z.array(wireInstance()), links: z.optional(z.array(wireLink())) }));
export const rootUserBody = lazy(() => z.looseObject({ user: z.looseObject({ name: z.string(), password: z.string() }) }));
export const rootStatusBody = lazy(() => z.looseObject({ rootEnabled: z.union([z.boolean(), z.string()]) }));

export interface InstanceData {
  id: string;
  name: string;
  /** BUILD, ACTIVE, RESIZE, REBOOT, BACKUP, RESTART_REQUIRED, SHUTDOWN, BLOCKED, ERROR… */
  status: string;
  /** What a server in the same region connects to (Rackspace); OpenStack sends `ip` / `addresses` instead. */
  hostname?: string;
  /** The instance's addresses (Trove's `ip`, deprecated there since Ussuri; else read from `addresses`). */
  ip?: string[];
  /** Trove's typed addresses (`type` "private" or "public"), when it sends them. */
  addresses?: { address: string; type?: string }[];
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
    ...(w.ip?.length ? { ip: [...w.ip] } : w.addresses?.length ? { ip: w.addresses.map((a) => a.address) } : {}),
    ...(w.addresses?.length ? { addresses: w.addresses.map((a) => ({ address: a.address, ...(a.type ? { type: a.type } : {}) })) } : {}),
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
  z.string({ error: "must be a string" }).check(
    z.minLength(1, "must not be empty"),
    z.maxLength(64, "must be at most 64 characters"),
    z.regex(SCHEMA_NAME, "must be 2 or more letters, digits, _ and - (MySQL schema name)"),
    z.refine((n) => !RESERVED_DATABASES.includes(n), "is reserved by the service"),
  ),
);

export const userName = lazy(() =>
  z.string({ error: "must be a string" }).check(
    z.minLength(1, "must not be empty"),
    z.maxLength(16, "must be at most 16 characters"),
    z.refine((n) => !UNSUPPORTED.test(n), "must not start or end with a space or hold ' \" ; ` , / or \\"),
    z.refine((n) => !RESERVED_USERS.includes(n), "is reserved by the service"),
  ),
);

export const password = lazy(() =>
  z.string({ error: "is required (a user must have a password)" }).check(
    z.minLength(1, "must not be empty"),
    z.refine((n) => !UNSUPPORTED.test(n), "must not start or end with a space or hold ' \" ; ` , / or \\"),
  ),
);

export const hostName = lazy(() => z.string().check(z.minLength(1, "must not be empty (use % for any host)")));

/** A database as create takes it: a name, or the name with its character set and collation. */
export const databaseInput = lazy(() =>
  z.union([
    z.pipe(databaseName(), z.transform((name: string) => ({ name }))),
    z.strictObject({ name: databaseName(), characterSet: z.optional(z.string().check(z.minLength(1))), collate: z.optional(z.string().check(z.minLength(1))) }),
  ]),
);
export type DatabaseInput = z.input<ReturnType<typeof databaseInput>>;

const dbNames = lazy(() => z.array(z.union([databaseName(), z.pipe(z.object({ name: databaseName() }), z.transform((d) => d.name))])));

/** A user as create takes it. A user without a password is refused here (pyrax too). */
export const userInput = lazy(() =>
  z.strictObject({
    name: userName(),
    password: password(),
    /** Where the user may connect from; `%` (anywhere) when absent. */
    host: z.optional(hostName()),
    /** Databases the user may use: names or `Database` objects (pyrax `database_names`). */
    databases: z.optional(dbNames()),
  }),
);
export type UserInput = z.input<ReturnType<typeof userInput>>;

const datastore = lazy(() => z.strictObject({ type: z.string().check(z.minLength(1)), version: z.string().check(z.minLength(1)) }, { error: "must be { type, version } (both: pyrax's MissingCloudDatabaseParameter)" }));

export const createInstanceInput = lazy(() =>
  z.strictObject({
    name: z.string().check(z.minLength(1), z.maxLength(255, "must be at most 255 characters")),
    /** A `Flavor`, a flavor id, its name ("1GB Instance") or its RAM in MB (pyrax `flavor`, default 1). */
    flavor: z._default(flavorRef(), 1),
    /** Volume size in GB, a whole number (Rackspace: 1–50; pyrax `volume`, default 1). */
    volume: z._default(z.number().check(z.int("must be a whole number of GB"), z.positive("must be at least 1 GB")), 1),
    databases: z.optional(z.array(databaseInput())),
    users: z.optional(z.array(userInput())),
    /** Both type and version, e.g. `{ type: "mysql", version: "5.7" }`; the cloud's default when absent. */
    datastore: z.optional(datastore()),
  }),
);
export type CreateInstanceInput = z.input<ReturnType<typeof createInstanceInput>>;

export const restoreInput = lazy(() =>
  z.strictObject({
    name: z.string().check(z.minLength(1), z.maxLength(255, "must be at most 255 characters")),
    flavor: z._default(flavorRef(), 1),
    volume: z._default(z.number().check(z.int("must be a whole number of GB"), z.positive("must be at least 1 GB")), 1),
  }),
);
export type RestoreInput = z.input<ReturnType<typeof restoreInput>>;

export const listInstancesInput = lazy(() =>
  z.optional(
    z.strictObject({
      /** Stop after this many instances in all. */
      limit: z.optional(z.int().check(z.positive())),
      /** Start after this instance id. */
      marker: z.optional(z.string().check(z.minLength(1))),
      /** Instances per request. */
      pageSize: z.optional(z.int().check(z.positive())),
    }),
  ),
);
export type ListInstancesInput = z.input<ReturnType<typeof listInstancesInput>>;

/** The wire form of a create's databases and users (snake_case, `%` left to the service). */
export function wireDatabase(d: z.output<ReturnType<typeof databaseInput>>): Record<string, string> {
  return { name: d.name, ...("characterSet" in d && d.characterSet ? { character_set: d.characterSet } : {}), ...("collate" in d && d.collate ? { collate: d.collate } : {}) };
}
export function wireUser(u: z.output<ReturnType<typeof userInput>>): Record<string, unknown> {
  return { name: u.name, password: u.password, ...(u.host ? { host: u.host } : {}), databases: (u.databases ?? []).map((name) => ({ name })) };
}
