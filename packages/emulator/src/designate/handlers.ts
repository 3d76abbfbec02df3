import { http } from "msw";
import { endpointOf } from "../arrival";
import { presentedToken } from "../auth-check";
import type { EmulatorContext } from "../context";
import { handled, jsonResponse } from "../respond";
import type { DesignateRequest } from "./designate-request";
import { uuidParam } from "./designate-request";
import { DesignateFault, designateError } from "./errors";
import { designateState } from "./model";
import { createRecordset, deleteRecordset, listAllRecordsets, listRecordsets, requireRecordset, showRecordset, updateRecordset } from "./recordset-routes";
import { createZone, deleteZone, listZones, requireZone, showZone, updateZone, zoneNameservers } from "./zone-routes";

/**
 * OpenStack Designate v2 at the `dns` endpoint of Keystone v3's catalog (its bare root, as a real
 * cloud lists it): the version list at `/`, zones and their recordsets under `/v2`. Changes answer
 * 202 PENDING and turn ACTIVE on the emulator's clock (`designateState(emu.state).timings`); Designate
 * makes each zone's SOA and NS recordsets. Behaviour read from Designate 15's source
 * (api/v2/controllers, central/service.py) and checked with python-designateclient (`openstack zone …`).
 * Its zones are its own: Rackspace Cloud DNS (`rax:dns`) does not see them.
 */
export function designateHandlers(ctx: EmulatorContext) {
  return [
    http.get("/", handled(ctx, (request) => jsonResponse(200, { versions: versions(request) }))),
    http.all("/v2/*", handled(ctx, (request) => route(ctx, request))),
  ];
}

/** api/versions.py: `v2` SUPPORTED and `v2.0` CURRENT, both at `<root>/v2`. */
function versions(request: Request) {
  const href = `${root(request)}/v2`;
  return ["v2", "v2.0"].map((id) => ({
    id,
    status: id === "v2" ? "SUPPORTED" : "CURRENT",
    updated: "2022-06-29T00:00:00Z",
    links: [
      { href, rel: "self" },
      { href: "https://docs.openstack.org/api-ref/dns", rel: "help" },
    ],
  }));
}

const root = (request: Request) => endpointOf(request).base.replace(/\/+$/, "");

async function route(ctx: EmulatorContext, request: Request): Promise<Response> {
  const check = presentedToken(ctx, request);
  // keystonemiddleware answers before Designate does.
  if (!check.ok) return jsonResponse(401, { error: { code: 401, title: "Unauthorized", message: "The request you have made requires authentication." } });
  const url = new URL(request.url);
  const r: DesignateRequest = { ctx, request, url, dns: designateState(ctx.state), projectId: check.token.tenantId, root: root(request) };
  const parts = url.pathname.split("/").slice(2).map((p) => decodeURIComponent(p));
  if (parts.at(-1) === "") parts.pop();
  try {
    return await dispatch(r, parts);
  } catch (e) {
    if (e instanceof DesignateFault) return designateError(e.status, e.type, e.detail, e.errors);
    throw e;
  }
}

const notFound = () => new DesignateFault(404, "not_found", "The resource could not be found.");
const notAllowed = () => new DesignateFault(405, "method_not_allowed", "The method is not allowed for this resource.");

async function dispatch(r: DesignateRequest, parts: string[]): Promise<Response> {
  const m = r.request.method;
  const [top, zoneId, sub, rsId, ...extra] = parts;
  if (extra.length) throw notFound();
  if (top === "recordsets" && zoneId === undefined) {
    if (m === "GET") return listAllRecordsets(r);
    throw notAllowed();
  }
  if (top !== "zones") throw notFound();
  if (zoneId === undefined) {
    if (m === "GET") return listZones(r);
    if (m === "POST") return createZone(r);
    throw notAllowed();
  }
  const z = requireZone(r, uuidParam("zone_id", zoneId));
  if (sub === undefined) {
    if (m === "GET") return showZone(r, z);
    if (m === "PATCH") return updateZone(r, z);
    if (m === "DELETE") return deleteZone(r, z);
    throw notAllowed();
  }
  if (sub === "nameservers" && rsId === undefined) {
    if (m === "GET") return zoneNameservers();
    throw notAllowed();
  }
  if (sub !== "recordsets") throw notFound();
  if (rsId === undefined) {
    if (m === "GET") return listRecordsets(r, z);
    if (m === "POST") return createRecordset(r, z);
    throw notAllowed();
  }
  const rs = requireRecordset(r, z, uuidParam("recordset_id", rsId));
  if (m === "GET") return showRecordset(r, z, rs);
  if (m === "PUT") return updateRecordset(r, z, rs);
  if (m === "DELETE") return deleteRecordset(r, z, rs);
  throw notAllowed();
}
