import { jsonResponse } from "../respond";
import { type InstanceRecord, userKey, type UserRecord } from "./model";
import { checkPassword, checkUserName, IGNORED_DATABASES, IGNORED_USERS, schemaFrom, userFrom } from "./schema-user-rules";
import { badRequest, TroveFault } from "./trove-errors";
import { accepted, isObject, jsonBody, page, type TroveRequest } from "./trove-request";

const dbNotFound = (name: string) => new TroveFault(404, `Database ${name} cannot be found on the instance.`);
const userNotFound = (key: string) => new TroveFault(404, `User ${key} cannot be found on the instance.`);

/** A user path segment: `name` (host `%`) or `name@host`. */
function keyOf(id: string): string {
  const at = id.lastIndexOf("@");
  return at > 0 ? id : userKey(id, "%");
}

function requireUser(i: InstanceRecord, id: string): UserRecord {
  const u = i.users.get(keyOf(id));
  if (!u) throw userNotFound(keyOf(id));
  return u;
}

/** GET /instances/{id}/databases: by name, Trove's paging. */
export function listSchemas(r: TroveRequest, id: string): Response {
  const i = r.trove.guestReady(r.project, id);
  const rows = [...i.databases.values()].filter((d) => !IGNORED_DATABASES.includes(d.name));
  const body = page(r, rows, (d) => d.name, "databases");
  return jsonResponse(200, { ...body, databases: (body.databases as typeof rows).map((d) => ({ name: d.name })) });
}

/** POST /instances/{id}/databases → 202, all or none. */
export async function createSchemas(r: TroveRequest, id: string): Promise<Response> {
  const body = await jsonBody(r);
  const i = r.trove.guestReady(r.project, id);
  if (!Array.isArray(body.databases) || body.databases.length === 0) throw badRequest("Validation error: 'databases' is a required property");
  const made = body.databases.map((d, n) => schemaFrom(d, `databases[${n}]`));
  for (const d of made) if (i.databases.has(d.name)) throw badRequest(`A database with the name "${d.name}" already exists.`);
  for (const d of made) i.databases.set(d.name, d);
  return accepted();
}

export function deleteSchema(r: TroveRequest, id: string, name: string): Response {
  const i = r.trove.guestReady(r.project, id);
  if (!i.databases.delete(name)) throw dbNotFound(name);
  for (const u of i.users.values()) u.databases.delete(name);
  return accepted();
}

const userView = (u: UserRecord) => ({ name: u.name, host: u.host, databases: [...u.databases].sort().map((name) => ({ name })) });

/** GET /instances/{id}/users: by `name@host`, Trove's paging. */
export function listUsers(r: TroveRequest, id: string): Response {
  const i = r.trove.guestReady(r.project, id);
  const rows = [...i.users.values()].filter((u) => !IGNORED_USERS.includes(u.name));
  const body = page(r, rows, (u) => userKey(u.name, u.host), "users");
  return jsonResponse(200, { ...body, users: (body.users as typeof rows).map(userView) });
}

/** POST /instances/{id}/users → 202, all or none; every database named must exist. */
export async function createUsers(r: TroveRequest, id: string): Promise<Response> {
  const body = await jsonBody(r);
  const i = r.trove.guestReady(r.project, id);
  if (!Array.isArray(body.users) || body.users.length === 0) throw badRequest("Validation error: 'users' is a required property");
  const made = body.users.map((u, n) => userFrom(u, `users[${n}]`));
  for (const u of made) {
    if (i.users.has(userKey(u.name, u.host))) throw badRequest(`A user with the name "${u.name}" already exists.`);
  }
  for (const u of made) i.users.set(userKey(u.name, u.host), u);
  return accepted();
}

export function showUser(r: TroveRequest, id: string, user: string): Response {
  const i = r.trove.guestReady(r.project, id);
  return jsonResponse(200, { user: userView(requireUser(i, user)) });
}

export function deleteUser(r: TroveRequest, id: string, user: string): Response {
  const i = r.trove.guestReady(r.project, id);
  requireUser(i, user);
  i.users.delete(keyOf(user));
  return accepted();
}

/** PUT /instances/{id}/users/{user} `{"user": {name?, host?, password?}}` → 202; grants follow a rename. */
export async function updateUser(r: TroveRequest, id: string, user: string): Promise<Response> {
  const body = await jsonBody(r);
  const i = r.trove.guestReady(r.project, id);
  const c = body.user;
  if (!isObject(c)) throw badRequest("Validation error: 'user' is a required property");
  if (Object.keys(c).length === 0) throw badRequest("Validation error: user {} does not have enough properties");
  const u = requireUser(i, user);
  const name = c.name === undefined ? u.name : c.name;
  const host = c.host === undefined ? u.host : c.host;
  if (typeof name !== "string" || typeof host !== "string" || host === "") throw badRequest("Validation error: user is not valid under any of the given schemas");
  checkUserName(name, "User update error: ");
  if (c.password !== undefined) {
    if (typeof c.password !== "string") throw badRequest("Validation error: user['password'] is not of type 'string'");
    checkPassword(c.password, "User update error: ");
  }
  const to = userKey(name, host);
  if (to !== keyOf(user) && i.users.has(to)) throw badRequest(`User ${to} already exists.`);
  i.users.delete(keyOf(user));
  i.users.set(to, { name, host, password: typeof c.password === "string" ? c.password : u.password, databases: u.databases });
  return accepted();
}

/** PUT /instances/{id}/users `{"users": [{name, password, host?}]}` → 202: passwords only. */
export async function changePasswords(r: TroveRequest, id: string): Promise<Response> {
  const body = await jsonBody(r);
  const i = r.trove.guestReady(r.project, id);
  if (!Array.isArray(body.users)) throw badRequest("Validation error: 'users' is a required property");
  const changes = body.users.map((x) => {
    if (!isObject(x) || typeof x.name !== "string" || typeof x.password !== "string") throw badRequest("Validation error: users item 'password' is a required property");
    checkPassword(x.password, "User password update error: ");
    return { u: requireUser(i, typeof x.host === "string" ? `${x.name}@${x.host}` : x.name), password: x.password };
  });
  for (const { u, password } of changes) u.password = password;
  return accepted();
}

export function listAccess(r: TroveRequest, id: string, user: string): Response {
  const i = r.trove.guestReady(r.project, id);
  return jsonResponse(200, { databases: [...requireUser(i, user).databases].sort().map((name) => ({ name })) });
}

/** PUT /instances/{id}/users/{user}/databases → 202 (as MySQL, a grant may name a database not made yet). */
export async function grantAccess(r: TroveRequest, id: string, user: string): Promise<Response> {
  const body = await jsonBody(r);
  const i = r.trove.guestReady(r.project, id);
  const u = requireUser(i, user);
  if (!Array.isArray(body.databases)) throw badRequest("Validation error: 'databases' is a required property");
  const names = body.databases.map((d) => {
    if (!isObject(d) || typeof d.name !== "string") throw badRequest("Validation error: databases item 'name' is a required property");
    return d.name;
  });
  for (const n of names) u.databases.add(n);
  return accepted();
}

export function revokeAccess(r: TroveRequest, id: string, user: string, db: string): Response {
  const i = r.trove.guestReady(r.project, id);
  const u = requireUser(i, user);
  if (!u.databases.has(db)) throw dbNotFound(db);
  u.databases.delete(db);
  return accepted();
}
