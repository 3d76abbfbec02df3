import { BadRequest, type CallOptions, encodeSegment, jsonFor, markerPager, type NotFound, notFoundAs, type Paginated, registerSecret, sendFor, type ServiceClient, validate } from "@rax/core";
import { AlreadyExists, NoSuchDatabase, NoSuchDatabaseUser, NoSuchInstance } from "../errors";
import { type UserInput, userInput, wireUser as toWireUser } from "../instances/models";
import { instancePath } from "../instances/requests";
import { type Ref, ref, type UserRef, userId, userRef } from "../ref";
import { listNamedInput, type ListNamedInput } from "../databases/models";
import { accessBody, type DatabaseNames, databaseNames, passwordInput, toUser, type UpdateUserInput, updateUserInput, type UserData, userBody, usersBody } from "./models";
import { busyAs } from "../instances/instance-busy";

const usersPath = (id: string, user?: string, rest = "") => instancePath(id, `/users${user === undefined ? "" : `/${encodeSegment(user)}`}${rest}`);

/** A 404 under /users names either the user (Trove: "User x@% cannot be found") or the instance. */
const missing = (id: string, user: string) => (e: NotFound) => (/user/i.test(e.serverMessage) ? new NoSuchDatabaseUser(user, e) : new NoSuchInstance(id, e));

/** GET /instances/{id}/users, page after page (Trove's marker is the last `name@host`). */
export function listUsers(client: ServiceClient, instance: Ref, filters?: ListNamedInput, o: CallOptions = {}): Paginated<UserData> {
  const id = validate(ref(), instance, "instance");
  const f = validate(listNamedInput(), filters, "filters") ?? {};
  return markerPager(
    async (marker, limit) => {
      const body = await busyAs(notFoundAs(client.json({ method: "GET", path: usersPath(id), query: { limit, marker }, ...o }, usersBody()), (e) => new NoSuchInstance(id, e)), id);
      return { items: body.users, more: (body.links ?? []).some((l) => l.rel === "next") };
    },
    { markerOf: (row) => `${row.name}@${row.host ?? "%"}`, pageSize: f.pageSize, limit: f.limit, marker: f.marker },
  ).map((w) => toUser(id, w));
}

/** GET /instances/{id}/users/{name[@host]}. `NoSuchDatabaseUser` if there is no such user. */
export async function getUser(client: ServiceClient, instance: Ref, user: UserRef, o: CallOptions = {}): Promise<UserData> {
  const id = validate(ref(), instance, "instance");
  const u = userId(validate(userRef(), user, "user"));
  const body = await busyAs(notFoundAs(client.json({ method: "GET", path: usersPath(id, u), ...o }, userBody()), missing(id, u)), id);
  return toUser(id, body.user);
}

/**
 * POST /instances/{id}/users → 202 (no body). A user needs a password (`ValidationError` before
 * any request otherwise); it is registered as a secret before it is sent. Returns the user as
 * created (never holding the password).
 */
export async function createUser(client: ServiceClient, instance: Ref, input: UserInput, o: CallOptions = {}): Promise<UserData> {
  const id = validate(ref(), instance, "instance");
  const u = validate(userInput(), input, "user");
  registerSecret(u.password, "session");
  try {
    const res = await busyAs(notFoundAs(sendFor(client, { method: "POST", path: usersPath(id), json: { users: [toWireUser(u)] }, ...o }, [202]), (e) => new NoSuchInstance(id, e)), id);
    await res.dump();
  } catch (e) {
    if (e instanceof BadRequest && /already exists/i.test(e.serverMessage)) throw new AlreadyExists(`User ${u.name}`, e);
    throw e;
  }
  return toUser(id, { name: u.name, host: u.host ?? "%", databases: (u.databases ?? []).map((name) => ({ name })) });
}

/** DELETE /instances/{id}/users/{name[@host]} → 202. */
export async function deleteUser(client: ServiceClient, instance: Ref, user: UserRef, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), instance, "instance");
  const u = userId(validate(userRef(), user, "user"));
  const res = await busyAs(notFoundAs(sendFor(client, { method: "DELETE", path: usersPath(id, u), ...o }, [202]), missing(id, u)), id);
  await res.dump();
}

/**
 * PUT /instances/{id}/users/{name[@host]} `{"user": {name?, host?, password?}}` → 202: only what
 * changes is sent; nothing to change is a `ValidationError` (pyrax's DBUpdateUnchanged).
 */
export async function updateUser(client: ServiceClient, instance: Ref, user: UserRef, changes: UpdateUserInput, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), instance, "instance");
  const u = userId(validate(userRef(), user, "user"));
  const c = validate(updateUserInput(), changes, "changes");
  if (c.password !== undefined) registerSecret(c.password, "session");
  const json = { user: { ...(c.name !== undefined ? { name: c.name } : {}), ...(c.host !== undefined ? { host: c.host } : {}), ...(c.password !== undefined ? { password: c.password } : {}) } };
  const res = await busyAs(notFoundAs(sendFor(client, { method: "PUT", path: usersPath(id, u), json, ...o }, [202]), missing(id, u)), id);
  await res.dump();
}

/** The user's new password (pyrax `change_user_password`): `updateUser` with only the password. */
export async function changeUserPassword(client: ServiceClient, instance: Ref, user: UserRef, newPassword: string, o: CallOptions = {}): Promise<void> {
  // The instance and user first, so the error names the first bad argument.
  validate(ref(), instance, "instance");
  validate(userRef(), user, "user");
  const p = validate(passwordInput(), newPassword, "password");
  return updateUser(client, instance, user, { password: p }, o);
}

/** GET /instances/{id}/users/{name[@host]}/databases: the names of the databases the user may use. */
export async function listUserAccess(client: ServiceClient, instance: Ref, user: UserRef, o: CallOptions = {}): Promise<string[]> {
  const id = validate(ref(), instance, "instance");
  const u = userId(validate(userRef(), user, "user"));
  const body = await busyAs(notFoundAs(jsonFor(client, { method: "GET", path: usersPath(id, u, "/databases"), ...o }, [200], accessBody()), missing(id, u)), id);
  return body.databases.map((d) => d.name);
}

/** PUT /instances/{id}/users/{name[@host]}/databases → 202: access to more databases. */
export async function grantUserAccess(client: ServiceClient, instance: Ref, user: UserRef, databases: DatabaseNames, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), instance, "instance");
  const u = userId(validate(userRef(), user, "user"));
  const names = validate(databaseNames(), databases, "databases");
  const res = await busyAs(notFoundAs(sendFor(client, { method: "PUT", path: usersPath(id, u, "/databases"), json: { databases: names.map((name) => ({ name })) }, ...o }, [202]), missing(id, u)), id);
  await res.dump();
}

/** DELETE /instances/{id}/users/{name[@host]}/databases/{db} → 202, one request per database. */
export async function revokeUserAccess(client: ServiceClient, instance: Ref, user: UserRef, databases: DatabaseNames, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), instance, "instance");
  const u = userId(validate(userRef(), user, "user"));
  const names = validate(databaseNames(), databases, "databases");
  for (const db of names) {
    const res = await busyAs(notFoundAs(sendFor(client, { method: "DELETE", path: usersPath(id, u, `/databases/${encodeSegment(db)}`), ...o }, [202]), (e) =>
      /database/i.test(e.serverMessage) ? new NoSuchDatabase(db, e) : missing(id, u)(e),
    ), id);
    await res.dump();
  }
}
