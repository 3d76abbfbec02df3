import { type CallOptions, encodeSegment, Forbidden, jsonFor, type NotFound, notFoundAs, sendFor, type ServiceClient, validate, ValidationError } from "@rax/core";
import { v2 } from "../api-path";
import { NoSuchImageMember, UnsharableImage } from "../errors";
import { type Ref, ref } from "../ref";
import { type ImageMemberData, memberRef, memberStatus, type MemberStatus, membersBody, toMember, wireMember } from "./models";

// Sharing: the owner adds, lists and removes members; a member accepts or rejects for itself.

const path = (client: ServiceClient, signal: AbortSignal | undefined, image: string, member?: string) =>
  v2(client, `images/${encodeSegment(image, { field: "image" })}/members${member === undefined ? "" : `/${encodeSegment(member, { field: "member" })}`}`, signal);
const missing = (image: string, member: string) => (e: NotFound) => new NoSuchImageMember(image, member, e);

/** GET /v2/images/{id}/members (owner: every member; a member: itself). */
export async function listImageMembers(client: ServiceClient, image: Ref, o: CallOptions = {}): Promise<ImageMemberData[]> {
  const id = validate(ref(), image, "image");
  const body = await notFoundAs(jsonFor(client, { method: "GET", path: await path(client, o.signal, id), ...o }, [200], membersBody()), missing(id, "*"));
  return body.members.map(toMember);
}

/** GET /v2/images/{id}/members/{member}. */
export async function getImageMember(client: ServiceClient, image: Ref, projectId: string, o: CallOptions = {}): Promise<ImageMemberData> {
  const id = validate(ref(), image, "image");
  const m = validate(memberRef(), projectId, "projectId");
  return toMember(await notFoundAs(jsonFor(client, { method: "GET", path: await path(client, o.signal, id, m), ...o }, [200], wireMember()), missing(id, m)));
}

/**
 * POST /v2/images/{id}/members `{member}` → 200, status `pending` until the member accepts. 403
 * (the image is not `shared`, or not yours) → `UnsharableImage`, as pyrax raises.
 */
export async function addImageMember(client: ServiceClient, image: Ref, projectId: string, o: CallOptions = {}): Promise<ImageMemberData> {
  const id = validate(ref(), image, "image");
  const m = validate(memberRef(), projectId, "projectId");
  try {
    return toMember(await notFoundAs(jsonFor(client, { method: "POST", path: await path(client, o.signal, id), json: { member: m }, ...o }, [200], wireMember()), missing(id, m)));
  } catch (e) {
    if (e instanceof Forbidden) throw new UnsharableImage(id, m, e);
    throw e;
  }
}

/** DELETE /v2/images/{id}/members/{member} → 204. */
export async function removeImageMember(client: ServiceClient, image: Ref, projectId: string, o: CallOptions = {}): Promise<void> {
  const id = validate(ref(), image, "image");
  const m = validate(memberRef(), projectId, "projectId");
  await (await notFoundAs(sendFor(client, { method: "DELETE", path: await path(client, o.signal, id, m), ...o }, [204]), missing(id, m))).dump();
}

/**
 * PUT /v2/images/{id}/members/{member} `{status}` → 200: the member (by default your own project,
 * the session's tenant) accepts, rejects, or goes back to pending. Only the member may do this.
 */
export async function updateImageMember(client: ServiceClient, image: Ref, status: MemberStatus, o: CallOptions & { member?: string } = {}): Promise<ImageMemberData> {
  const id = validate(ref(), image, "image");
  const s = validate(memberStatus(), status, "status");
  const { member, ...call } = o;
  const m = member !== undefined ? validate(memberRef(), member, "member") : client.session.tenantId;
  if (!m) throw new ValidationError("member", "is required: this session does not know its project id");
  return toMember(await notFoundAs(jsonFor(client, { method: "PUT", path: await path(client, o.signal, id, m), json: { status: s }, ...call }, [200], wireMember()), missing(id, m)));
}
