import { emptyResponse, jsonResponse } from "../respond";
import type { GroupRecord } from "./model";
import { invalid, OtterFault } from "./otter-errors";
import { jsonBody, type OtterRequest, page } from "./otter-request";
import { groupConfigOf, isObject, launchConfigOf, policyOf } from "./validate";
import { groupHref, groupRow, groupView, stateView } from "./views";

/** GET /groups → 200 `{groups: [{id, links, state}], groups_links}`. */
export function listGroups(r: OtterRequest): Response {
  const { rows, links } = page(r, r.region.tenantGroups(r.tenantId), `${r.at.base}/v1.0/${r.tenantId}/groups/`);
  return jsonResponse(200, { groups: rows.map((g) => groupRow(r.region, r.at, g)), groups_links: links });
}

/** POST /groups → 201 `{group}` + Location; `minEntities` servers start building at once. */
export async function createGroup(r: OtterRequest): Promise<Response> {
  const body = await jsonBody(r);
  if (!isObject(body)) throw invalid("request body must be an object");
  const config = groupConfigOf(body.groupConfiguration);
  const launch = launchConfigOf(body.launchConfiguration, r.region, r.tenantId, r.userId);
  const policies = body.scalingPolicies === undefined ? [] : Array.isArray(body.scalingPolicies) ? body.scalingPolicies.map((p) => policyOf(p, r.region.now)) : (() => { throw invalid("scalingPolicies must be a list"); })();
  const g = r.region.create(r.tenantId, r.userId, config, launch, policies);
  return jsonResponse(201, { group: groupView(r.region, r.at, g) }, { location: groupHref(r.at, g.id) });
}

export function showGroup(r: OtterRequest, g: GroupRecord): Response {
  return jsonResponse(200, { group: groupView(r.region, r.at, g) });
}

/** DELETE /groups/{id}[?force=true] → 204 (reference: "`?force=true` deletes active servers"). */
export function deleteGroup(r: OtterRequest, g: GroupRecord): Response {
  const force = r.url.searchParams.get("force");
  if (force !== null && force !== "true" && force !== "false") throw invalid(`force must be true or false, not ${force}`);
  r.region.delete(g, force === "true");
  return emptyResponse(204);
}

export function groupState(r: OtterRequest, g: GroupRecord): Response {
  return jsonResponse(200, { group: stateView(r.region, r.at, g) });
}

/** POST /pause, /resume → 204; resume runs the convergence the pause held back (Otter marks the group divergent). */
export function setPaused(r: OtterRequest, g: GroupRecord, paused: boolean): Response {
  g.paused = paused;
  if (!paused) r.region.converge(g, true);
  return emptyResponse(204);
}

/** GET|PUT /groups/{id}/config (PUT → 204; the whole configuration; the group converges on the new bounds). */
export async function groupConfig(r: OtterRequest, g: GroupRecord): Promise<Response> {
  if (r.request.method === "GET") return jsonResponse(200, { groupConfiguration: g.config });
  r.region.setConfig(g, groupConfigOf(await jsonBody(r), true));
  return emptyResponse(204);
}

/** GET|PUT /groups/{id}/launch (PUT → 204; the whole launch configuration; new servers use it). */
export async function launchConfig(r: OtterRequest, g: GroupRecord): Promise<Response> {
  if (r.request.method === "GET") return jsonResponse(200, { launchConfiguration: g.launch });
  g.launch = launchConfigOf(await jsonBody(r), r.region, r.tenantId, g.userId);
  return emptyResponse(204);
}

/** POST /groups/{id}/converge → 204 (reference: "(docs, not pyrax) converge"); paused → 403 GroupPausedError. */
export function converge(r: OtterRequest, g: GroupRecord): Response {
  if (g.paused) throw new OtterFault(403, "GroupPausedError", `Cannot converge for group ${g.id} for tenant ${g.tenantId} because group is paused`);
  r.region.converge(g, true);
  return emptyResponse(204);
}

/**
 * DELETE /groups/{id}/servers/{serverId}[?replace=true|false] → 202 (reference: "(docs, not pyrax)
 * delete server", replace defaults true): the server leaves the group and is deleted; replaced, or
 * with replace=false the desired capacity drops (not below minEntities: 403 CannotDeleteServerBelowMinError, otter/rest/errors.py).
 */
export function deleteServer(r: OtterRequest, g: GroupRecord, serverId: string): Response {
  const flag = (name: string) => {
    const v = r.url.searchParams.get(name);
    if (v !== null && v !== "true" && v !== "false") throw invalid(`${name} must be true or false, not ${v}`);
    return v;
  };
  const replace = flag("replace") !== "false";
  flag("purge");
  r.region.deleteServer(g, serverId, replace);
  return emptyResponse(202);
}
