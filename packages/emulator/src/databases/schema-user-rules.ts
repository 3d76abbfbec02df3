import type { SchemaRecord, UserRecord } from "./model";
import { badRequest } from "./trove-errors";
import { isObject } from "./trove-request";

// MySQL's rules as Trove applies them (trove/common/db/mysql/models.py).
const SCHEMA_NAME = /^[A-Za-z0-9_-]+[\s?#@]*[A-Za-z0-9_-]+$/;
const UNSUPPORTED = /^\s|\s$|['";`,/\\]/;
export const IGNORED_DATABASES = ["mysql", "information_schema", "performance_schema", "sys"];
export const IGNORED_USERS = ["os_admin", "root"];
const CHARSETS: Record<string, string[]> = {
  utf8: ["utf8_general_ci", "utf8_bin", "utf8_unicode_ci"],
  utf8mb4: ["utf8mb4_general_ci", "utf8mb4_bin", "utf8mb4_unicode_ci"],
  latin1: ["latin1_swedish_ci", "latin1_general_ci", "latin1_bin"],
  ascii: ["ascii_general_ci", "ascii_bin"],
};

export function checkSchemaName(name: string): void {
  if (name.length > 64) throw badRequest(`Schema name '${name}' is too long. Max length = 64.`);
  if (!SCHEMA_NAME.test(name)) throw badRequest(`'${name}' is not a valid schema name.`);
  if (IGNORED_DATABASES.includes(name)) throw badRequest(`Database name "${name}" is on the reserved list: ['mysql', 'information_schema', 'performance_schema', 'sys'].`);
}

/** A database of a create body (`{"name", "character_set"?, "collate"?}`), checked as Trove does. */
export function schemaFrom(v: unknown, at: string): SchemaRecord {
  if (!isObject(v) || typeof v.name !== "string" || v.name === "") throw badRequest(`Validation error: ${at} 'name' is a required property`);
  checkSchemaName(v.name);
  let characterSet = typeof v.character_set === "string" && v.character_set ? v.character_set : undefined;
  let collate = typeof v.collate === "string" && v.collate ? v.collate : undefined;
  if (characterSet && !CHARSETS[characterSet]) throw badRequest(`'${characterSet}' not a valid character set.`);
  if (collate) {
    const owner = Object.entries(CHARSETS).find(([, list]) => list.includes(collate!))?.[0];
    if (!owner) throw badRequest(`'${collate}' not a valid collation.`);
    if (characterSet && owner !== characterSet) throw badRequest(`${collate} not a valid collation for charset ${characterSet}.`);
    characterSet ??= owner;
  }
  characterSet ??= "utf8";
  collate ??= CHARSETS[characterSet]![0]!;
  return { name: v.name, characterSet, collate };
}

/** Trove wraps a user's ValueError in its create error ("User create error: …"). */
export function checkUserName(name: string, wrap = "User create error: "): void {
  if (name.length > 16) throw badRequest(`${wrap}User name '${name}' is too long. Max length = 16.`);
  if (UNSUPPORTED.test(name)) throw badRequest(`${wrap}'${name}' is not a valid user name.`);
  if (IGNORED_USERS.includes(name)) throw badRequest(`${wrap}User name "${name}" is on the reserved list: ['os_admin', 'root'].`);
}

export function checkPassword(password: string, wrap = "User create error: "): void {
  // Trove echoes the refused password; the emulator masks it, as a service should.
  if (password === "" || UNSUPPORTED.test(password)) throw badRequest(`${wrap}'${"*".repeat(password.length)}' is not a valid password.`);
}

/** A user of a create body (`{"name", "password", "host"?, "databases"?}`), checked as Trove does. */
export function userFrom(v: unknown, at: string): UserRecord {
  if (!isObject(v)) throw badRequest(`Validation error: ${at} is not of type 'object'`);
  if (typeof v.name !== "string" || v.name === "") throw badRequest(`Validation error: ${at} 'name' is a required property`);
  if (typeof v.password !== "string") throw badRequest(`Validation error: ${at} 'password' is a required property`);
  checkUserName(v.name);
  checkPassword(v.password);
  const host = v.host === undefined || v.host === null ? "%" : v.host;
  if (typeof host !== "string" || host === "") throw badRequest(`User create error: '${String(host)}' is not a valid hostname.`);
  const dbs = v.databases === undefined ? [] : v.databases;
  if (!Array.isArray(dbs)) throw badRequest(`Validation error: ${at}['databases'] is not of type 'array'`);
  const databases = new Set<string>();
  for (const d of dbs) {
    if (!isObject(d) || typeof d.name !== "string") throw badRequest(`Validation error: ${at}['databases'] item 'name' is a required property`);
    checkSchemaName(d.name);
    // MySQL grants on a database that does not exist yet; Trove does not check either.
    databases.add(d.name);
  }
  return { name: v.name, host, password: v.password, databases };
}
