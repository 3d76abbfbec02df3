import { emptyResponse, jsonResponse } from "../respond";
import { GlanceFault } from "./glance-errors";
import { type GlanceRequest, isObject, jsonBody } from "./glance-request";
import { visibleImage } from "./image-routes";
import { iso, type ImageRecord, type MemberRecord } from "./model";

const view = (img: ImageRecord, m: MemberRecord) => ({
  member_id: m.memberId,
  image_id: img.id,
  status: m.status,
  created_at: iso(m.created),
  updated_at: iso(m.updated),
  schema: "/v2/schemas/member",
});

/**
 * /v2/images/{id}/members[/{member}]: the owner adds (only `shared` images have members), lists
 * and removes; a member sees and answers only its own membership. Refusals carry Glance 25's
 * wording: each call wraps its reason ("Only shared images have members.") in its own 403 message,
 * and `show` answers 404 rather than say why (glance/api/v2/image_members.py).
 */
export async function members(r: GlanceRequest, id: string, memberId: string | undefined): Promise<Response> {
  const m = r.request.method;
  const img = visibleImage(r, id);
  const owner = r.admin || img.owner === r.project;
  const shared = img.visibility === "shared";
  const notMember = (who: string) => new GlanceFault(404, `${who} not found in the member list of the image ${id}.`);
  if (memberId === undefined) {
    if (m === "GET" || m === "HEAD") {
      if (!shared) throw new GlanceFault(403, `Not allowed to list members for image ${id}: Only shared images have members.`);
      const rows = [...img.members.values()].filter((x) => owner || x.memberId === r.project);
      return jsonResponse(200, { members: rows.map((x) => view(img, x)), schema: "/v2/schemas/members" });
    }
    if (m !== "POST") throw new GlanceFault(405, "The method is not allowed for this resource.");
    // Not shared, or someone who can see the image but does not own it (a member, anyone for a public one).
    if (!shared || !owner) throw new GlanceFault(403, `Not allowed to create members for image ${id}.`);
    const b = await jsonBody(r);
    const member = isObject(b) ? b.member : undefined;
    if (typeof member !== "string" || member === "") throw new GlanceFault(400, "Member to be added not specified");
    if (img.members.has(member)) throw new GlanceFault(409, `Member ${member} is duplicated for image ${id}`);
    const at = r.glance.now;
    const rec: MemberRecord = { memberId: member, status: "pending", created: at, updated: at };
    img.members.set(member, rec);
    return jsonResponse(200, view(img, rec));
  }
  const rec = img.members.get(memberId);
  const mine = rec !== undefined && (owner || memberId === r.project);
  if (m === "GET" || m === "HEAD") {
    if (!shared) throw new GlanceFault(404, "Only shared images have members.");
    if (!mine) throw notMember(memberId);
    return jsonResponse(200, view(img, rec));
  }
  if (m === "PUT") {
    // Glance checks who asks before it looks the member up: the owner answering is 403, even for itself.
    if (!shared || (img.owner === r.project && !r.admin)) throw new GlanceFault(403, `Not allowed to update members for image ${id}.`);
    if (!mine) throw notMember(memberId);
    if (memberId !== r.project) throw new GlanceFault(403, `Not allowed to update members for image ${id}.`);
    const b = await jsonBody(r);
    const status = isObject(b) ? b.status : undefined;
    if (status !== "accepted" && status !== "rejected" && status !== "pending") throw new GlanceFault(400, `Invalid status: ${String(status)}`);
    rec.status = status;
    rec.updated = r.glance.now;
    return jsonResponse(200, view(img, rec));
  }
  if (m === "DELETE") {
    if (!shared || !owner) throw new GlanceFault(403, `Not allowed to delete members for image ${id}.`);
    if (!mine) throw notMember(memberId);
    img.members.delete(memberId);
    return emptyResponse(204);
  }
  throw new GlanceFault(405, "The method is not allowed for this resource.");
}
