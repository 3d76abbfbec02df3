import { lazy } from "@rax/core";
import { idSegment } from "@rax/core/zod-mini";
import * as z from "zod/mini";

export const wireMember = lazy(() => z.looseObject({
  member_id: z.string(),
  image_id: z.string(),
  status: z.string(),
  created_at: z.optional(z.string()),
  updated_at: z.optional(z.string()),
}));
export type WireMember = z.output<ReturnType<typeof wireMember>>;
export const membersBody = lazy(() => z.looseObject({ members: z.array(wireMember()) }));

export interface ImageMemberData {
  /** The project (tenant) the image is shared with. */
  id: string;
  memberId: string;
  imageId: string;
  /** pending, accepted, rejected. */
  status: string;
  createdAt?: string;
  updatedAt?: string;
  raw: Record<string, unknown>;
}

export function toMember(w: WireMember): ImageMemberData {
  return {
    id: w.member_id,
    memberId: w.member_id,
    imageId: w.image_id,
    status: w.status,
    ...(w.created_at ? { createdAt: w.created_at } : {}),
    ...(w.updated_at ? { updatedAt: w.updated_at } : {}),
    raw: { ...w },
  };
}

export const memberStatus = lazy(() => z.enum(["accepted", "rejected", "pending"], { error: 'must be "accepted", "rejected" or "pending"' }));
export type MemberStatus = z.output<ReturnType<typeof memberStatus>>;

/** A project id, or a member object (its `memberId`). */
export const memberRef = lazy(() => z.union([idSegment(), z.pipe(z.object({ memberId: idSegment() }), z.transform((m) => m.memberId))], {
  error: "must be a project id (not blank, no '/') or an image member",
}));
