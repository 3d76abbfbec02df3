import { Forbidden, type HttpError, httpErrorInit, NotFound, notFoundError, notUniqueError, RaxError, ResourceFailed } from "@rax/core";

/** The image does not exist or is not visible to you (Glance 404, or `find` matched nothing). */
export class NoSuchImage extends /* @__PURE__ */ notFoundError("NoSuchImage", "image", "image") {}

/** The image has no such member, or you are not the owner (Glance 404; pyrax's InvalidImageMember). */
export class NoSuchImageMember extends NotFound {
  static override readonly errorName: string = "NoSuchImageMember";
  constructor(
    readonly image: string,
    readonly member: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from, `Image ${image} has no member ${member} visible to you`));
  }
}

/**
 * Glance refused to share the image (403 to adding a member; pyrax's UnsharableImage). Glance
 * (since v2.5) gives members only to images whose visibility is `shared`: a `public`, `private` or
 * `community` image is refused, as is an image you do not own (Glance 25 says "Not allowed to
 * create members for image …" to both). `img.update({ visibility: "shared" })` first.
 */
export class UnsharableImage extends Forbidden {
  static override readonly errorName: string = "UnsharableImage";
  constructor(
    readonly image: string,
    readonly member: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from, `Image ${image} cannot be shared with ${member}: ${from.serverMessage || `HTTP ${from.status}`}`));
  }
}

/** The task does not exist (Glance 404). */
export class NoSuchTask extends /* @__PURE__ */ notFoundError("NoSuchTask", "task", "task") {}

/** `find` matched several images with that name; pass an id instead. */
export class ImageNameNotUnique extends /* @__PURE__ */ notUniqueError("ImageNameNotUnique", "imageName", "images are named") {}

/**
 * An import or export task ended in `failure`; `task.message` is Glance's reason (pyrax:
 * `task.message`). A core `ResourceFailed`, so one `catch` serves every service's failed waits.
 */
export class TaskFailed<T extends { id: string; type: string; status: string; message?: string } = { id: string; type: string; status: string; message?: string }> extends ResourceFailed<T> {
  static override readonly errorName: string = "TaskFailed";
  constructor(readonly task: T) {
    super({ resource: task, value: task.status, fault: task.message, attribute: "status" }, `Image ${task.type} task ${task.id} failed${task.message ? `: ${task.message}` : ""}`);
  }
}

/** The image holds no data yet (Glance answers 204 to a download of a queued image). */
export class ImageHasNoData extends RaxError {
  static override readonly errorName: string = "ImageHasNoData";
  constructor(readonly image: string) {
    super(`Image ${image} has no data to download (upload or import it first)`);
  }
}
