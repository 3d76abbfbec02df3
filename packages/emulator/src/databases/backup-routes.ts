import { jsonResponse } from "../respond";
import { badRequest, resourceNotFound, TroveFault } from "./trove-errors";
import { accepted, entity, jsonBody, type TroveRequest } from "./trove-request";
import { backupView } from "./views";

/**
 * GET /backups (every backup of the project; `instance_id` filters) or /instances/{id}/backups:
 * newest first, as Trove lists them; `marker` is the last id of the previous page, `limit` 20 by default.
 */
export function listBackups(r: TroveRequest, instanceId?: string): Response {
  if (instanceId !== undefined) r.trove.requireInstance(r.project, instanceId);
  const only = instanceId ?? r.url.searchParams.get("instance_id") ?? undefined;
  const rows = r.trove.tenantBackups(r.project).filter((b) => only === undefined || b.instanceId === only);
  const marker = r.url.searchParams.get("marker");
  const raw = r.url.searchParams.get("limit");
  const limit = raw === null || raw === "" || raw === "0" ? 20 : Number(raw);
  if (!Number.isInteger(limit) || limit < 0) throw badRequest("limit must be a non-negative integer");
  const start = marker ? rows.findIndex((b) => b.id === marker) + 1 : 0;
  const out = rows.slice(start, start + limit);
  const links = start + limit < rows.length && out.length ? { links: [{ rel: "next", href: nextHref(r, out.at(-1)!.id) }] } : {};
  return jsonResponse(200, { backups: out.map(backupView), ...links });
}

function nextHref(r: TroveRequest, marker: string): string {
  const u = new URL(r.url);
  u.searchParams.set("marker", marker);
  return u.toString();
}

export function showBackup(r: TroveRequest, id: string): Response {
  return jsonResponse(200, { backup: backupView(r.trove.requireBackup(r.project, id)) });
}

/** POST /backups → 202 NEW; the instance must be ACTIVE (one backup at a time: 422 otherwise). */
export async function createBackup(r: TroveRequest): Promise<Response> {
  const e = entity(await jsonBody(r), "backup");
  if (typeof e.name !== "string" || e.name === "") throw badRequest("Validation error: backup 'name' is a required property");
  if (e.name.length > 64) throw badRequest(`Validation error: backup['name'] '${e.name}' is too long`);
  if (e.instance === undefined || e.instance === null || e.instance === "") throw badRequest("instance is missing.");
  if (typeof e.instance !== "string") throw badRequest("Validation error: backup['instance'] is not of type 'string'");
  if (e.description !== undefined && e.description !== null && typeof e.description !== "string") throw badRequest("Validation error: backup['description'] is not of type 'string'");
  const i = r.trove.requireInstance(r.project, e.instance);
  let parentId: string | null = null;
  if (e.parent_id !== undefined && e.parent_id !== null) {
    const parent = r.trove.backup(r.project, String(e.parent_id));
    if (!parent) throw resourceNotFound(String(e.parent_id));
    parentId = parent.id;
  } else if (e.incremental !== undefined && e.incremental !== null && !(typeof e.incremental === "number" && Number.isInteger(e.incremental))) {
    throw badRequest(`Validation error: backup['incremental'] ${e.incremental === true ? "True" : e.incremental === false ? "False" : JSON.stringify(e.incremental)} is not of type 'integer'`);
  } else if (e.incremental) {
    parentId = r.trove.tenantBackups(r.project).find((b) => b.instanceId === i.id && b.status === "COMPLETED")?.id ?? null;
  }
  r.trove.activeInstance(r.project, i.id);
  const b = r.trove.createBackup(r.project, i, e.name, typeof e.description === "string" ? e.description : null, parentId);
  return jsonResponse(202, { backup: backupView(b) });
}

/** DELETE /backups/{id} → 202; gone at once. A backup still being made cannot be deleted. */
export function deleteBackup(r: TroveRequest, id: string): Response {
  const b = r.trove.requireBackup(r.project, id);
  if (b.status === "NEW" || b.status === "BUILDING") throw new TroveFault(422, `Backup ${id} cannot be deleted because it is running.`);
  r.trove.backups.delete(id);
  return accepted();
}
