import { http } from "msw";
import { endpointOf } from "../arrival";
import { presentedToken } from "../auth-check";
import type { EmulatorContext } from "../context";
import { handled, jsonResponse } from "../respond";
import { createBackup, deleteBackup, listBackups, showBackup } from "./backup-routes";
import { createInstance, datastores, deleteInstance, enableRoot, instanceAction, listFlavors, listInstances, rootStatus, showFlavor, showInstance } from "./instance-routes";
import { troveState } from "./model";
import { changePasswords, createSchemas, createUsers, deleteSchema, deleteUser, grantAccess, listAccess, listSchemas, listUsers, revokeAccess, showUser, updateUser } from "./schema-user-routes";
import { troveError, TroveFault } from "./trove-errors";
import { MalformedBody, type TroveRequest } from "./trove-request";

/**
 * Cloud Databases / Trove v1.0 at `/v1.0/<project>/…` of each region's databases endpoint:
 * flavors, datastores, instances BUILD → ACTIVE (REBOOT, RESIZE, BACKUP, SHUTDOWN) on the emulator's
 * clock, databases, users (`name@host`) and their access, root, backups NEW → BUILDING → COMPLETED,
 * and restore. Errors are Trove's `{"badRequest": {"code": 400, "message": …}}` bodies, with its
 * messages and codes as real Trove 18 sends them.
 */
export function troveHandlers(ctx: EmulatorContext) {
  return [
    http.get("/", handled(ctx, (request) => jsonResponse(200, { versions: [{ id: "v1.0", status: "CURRENT", updated: "2012-08-01T00:00:00Z", links: [{ rel: "self", href: `${endpointOf(request).base.replace(/\/v1\.0\/[^/]+$/, "")}/v1.0/` }] }] }))),
    http.all("/:version/:tenantId/*", handled(ctx, (request) => route(ctx, request))),
  ];
}

async function route(ctx: EmulatorContext, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const [, version = "", tenantId = "", ...parts] = url.pathname.split("/").map((p) => decodeURIComponent(p));
  if (version !== "v1.0") return troveError(404, "The resource could not be found.");
  const check = presentedToken(ctx, request);
  if (!check.ok) return jsonResponse(401, { unauthorized: { code: 401, message: "The request you have made requires authentication." } });
  if (tenantId !== check.token.tenantId) return troveError(403, "User does not have admin privileges.");
  const region = endpointOf(request).region ?? ctx.regions[0]!;
  const base = `${url.origin}${url.pathname.slice(0, url.pathname.indexOf(`/${version}/`))}/${version}/${encodeURIComponent(tenantId)}`;
  const admin = ctx.state.users.byId(check.token.userId)?.roles.some((x) => x.name === "admin") ?? false;
  const r: TroveRequest = { ctx, request, url, trove: troveState(ctx.state).region(region), region, project: tenantId, base, admin };
  try {
    return await dispatch(r, parts);
  } catch (e) {
    if (e instanceof TroveFault) return troveError(e.status, e.message);
    if (e instanceof MalformedBody) return e.response;
    throw e;
  }
}

const badMethod = () => new TroveFault(405, "The method is not allowed for this resource.");
const nothingHere = () => new TroveFault(404, "The resource could not be found.");

async function dispatch(r: TroveRequest, parts: string[]): Promise<Response> {
  const m = r.request.method;
  const [collection, id, sub, key, leaf, db, ...extra] = parts;
  if (extra.length || (db !== undefined && !(sub === "users" && leaf === "databases")) || (collection === "datastores" && leaf !== undefined)) throw nothingHere();
  if (collection === "flavors" && sub === undefined) {
    if (m !== "GET") throw badMethod();
    return id === undefined ? listFlavors(r) : showFlavor(r, id);
  }
  if (collection === "datastores") {
    if (m !== "GET") throw badMethod();
    return datastores(r, id, sub, key);
  }
  if (collection === "backups" && sub === undefined) {
    if (id === undefined) {
      if (m === "GET") return listBackups(r);
      if (m === "POST") return createBackup(r);
      throw badMethod();
    }
    if (m === "GET") return showBackup(r, id);
    if (m === "DELETE") return deleteBackup(r, id);
    throw badMethod();
  }
  if (collection !== "instances") throw nothingHere();
  if (id === "detail" && sub === undefined) {
    if (m === "GET") return listInstances(r, true);
    throw badMethod();
  }
  if (id === undefined) {
    if (m === "GET") return listInstances(r);
    if (m === "POST") return createInstance(r);
    throw badMethod();
  }
  if (sub === undefined) {
    if (m === "GET") return showInstance(r, id);
    if (m === "DELETE") return deleteInstance(r, id);
    throw badMethod();
  }
  if (sub === "action" && key === undefined) {
    if (m === "POST") return instanceAction(r, id);
    throw badMethod();
  }
  if (sub === "root" && key === undefined) {
    if (m === "POST") return enableRoot(r, id);
    if (m === "GET") return rootStatus(r, id);
    throw badMethod();
  }
  if (sub === "backups" && key === undefined) {
    if (m === "GET") return listBackups(r, id);
    throw badMethod();
  }
  if (sub === "databases") {
    if (key === undefined) {
      if (m === "GET") return listSchemas(r, id);
      if (m === "POST") return createSchemas(r, id);
      throw badMethod();
    }
    if (leaf !== undefined) throw nothingHere();
    if (m === "DELETE") return deleteSchema(r, id, key);
    // Trove has no GET for one database.
    if (m === "GET") throw new TroveFault(501, "The server has either erred or is incapable of performing the requested operation.");
    throw badMethod();
  }
  if (sub === "users") {
    if (key === undefined) {
      if (m === "GET") return listUsers(r, id);
      if (m === "POST") return createUsers(r, id);
      if (m === "PUT") return changePasswords(r, id);
      throw badMethod();
    }
    if (leaf === undefined) {
      if (m === "GET") return showUser(r, id, key);
      if (m === "PUT") return updateUser(r, id, key);
      if (m === "DELETE") return deleteUser(r, id, key);
      throw badMethod();
    }
    if (leaf !== "databases") throw nothingHere();
    if (db === undefined) {
      if (m === "GET") return listAccess(r, id, key);
      if (m === "PUT") return grantAccess(r, id, key);
      throw badMethod();
    }
    if (m === "DELETE") return revokeAccess(r, id, key, db);
    throw badMethod();
  }
  throw nothingHere();
}
