import { assignData } from "@rax/core";
import type { CallOptions, ServiceClient } from "@rax/core";
import type { Ref } from "../ref";
import type { ImageMemberData, MemberStatus } from "./models";
import * as api from "./requests";

/** `imgs.members`: sharing an image with other projects, and answering a share. */
export class Members {
  constructor(readonly client: ServiceClient) {}

  /** The image's members (pyrax `list_image_members`). */
  async list(image: Ref, o?: CallOptions): Promise<ImageMember[]> {
    return (await api.listImageMembers(this.client, image, o)).map((d) => new ImageMember(this, d));
  }
  /** One member (pyrax `get_image_member`). */
  async get(image: Ref, projectId: string, o?: CallOptions): Promise<ImageMember> {
    return new ImageMember(this, await api.getImageMember(this.client, image, projectId, o));
  }
  /** Shares the image with a project (pyrax `add_image_member`); its status is `pending` until that project accepts. */
  async add(image: Ref, projectId: string, o?: CallOptions): Promise<ImageMember> {
    return new ImageMember(this, await api.addImageMember(this.client, image, projectId, o));
  }
  /** Stops sharing with a project (pyrax `delete_image_member`). */
  remove(image: Ref, projectId: string, o?: CallOptions): Promise<void> {
    return api.removeImageMember(this.client, image, projectId, o);
  }
  /**
   * As the project an image was shared with: "accepted" (it appears in your listings), "rejected",
   * or back to "pending" (pyrax `update_image_member`). `member` defaults to your own project.
   */
  async update(image: Ref, status: MemberStatus, o?: CallOptions & { member?: string }): Promise<ImageMember> {
    return new ImageMember(this, await api.updateImageMember(this.client, image, status, o));
  }
}

export interface ImageMember extends ImageMemberData {}

/** A member of a shared image. */
export class ImageMember {
  readonly #members: Members;
  constructor(members: Members, data: ImageMemberData) {
    this.#members = members;
    assignData(this, data);
  }
  /** The owner stops sharing with this member. */
  delete(o?: CallOptions): Promise<void> {
    return this.#members.remove(this.imageId, this.memberId, o);
  }
}
