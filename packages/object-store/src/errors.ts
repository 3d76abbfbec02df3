import { type HttpError, httpErrorInit, namedError, NotFound, notFoundError, RaxError, type RaxErrorOptions, ValidationError } from "@rax/core";

/** The container does not exist (HTTP 404 on a container). */
export class NoSuchContainer extends /* @__PURE__ */ notFoundError("NoSuchContainer", "container", "container") {}

/** The object does not exist (HTTP 404 on an object). */
export class NoSuchObject extends NotFound {
  static override readonly errorName: string = "NoSuchObject";
  readonly container: string;
  readonly object: string;
  constructor(container: string, object: string, from: HttpError) {
    super(httpErrorInit(from, `No such object: ${container}/${object}`));
    this.container = container;
    this.object = object;
  }
}

/** The container exists but is not CDN-enabled (or the account has no CDN). */
export class NotCDNEnabled extends NotFound {
  static override readonly errorName: string = "NotCDNEnabled";
  readonly container: string;
  constructor(container: string, from: HttpError) {
    super(httpErrorInit(from, `Container is not CDN-enabled: ${container}`));
    this.container = container;
  }
}

export interface UploadFailedInit extends RaxErrorOptions {
  container: string;
  object: string;
  /** HTTP status when the server rejected the upload (422 = ETag mismatch). */
  status?: number;
  /** MD5 the client computed / expected. */
  expectedEtag?: string;
  /** ETag the server reported. */
  serverEtag?: string;
  /** Set for segmented uploads: pass it back with `resume: true` to continue. */
  uploadId?: string;
  /** Whether the bad object was deleted after a checksum mismatch. */
  removed?: boolean;
}

/** The stored object is not what was sent (checksum mismatch) or the server refused it. */
export class UploadFailed extends RaxError {
  static override readonly errorName: string = "UploadFailed";
  readonly container: string;
  readonly object: string;
  readonly status?: number;
  readonly expectedEtag?: string;
  readonly serverEtag?: string;
  readonly uploadId?: string;
  readonly removed?: boolean;
  constructor(message: string, init: UploadFailedInit) {
    super(`${message} (${init.container}/${init.object})`, init);
    this.container = init.container;
    this.object = init.object;
    this.status = init.status;
    this.expectedEtag = init.expectedEtag;
    this.serverEtag = init.serverEtag;
    this.uploadId = init.uploadId;
    this.removed = init.removed;
  }
}

/** A download did not complete or its MD5 did not match the object's ETag; no file was left behind. */
export class DownloadFailed extends RaxError {
  static override readonly errorName: string = "DownloadFailed";
  readonly container: string;
  readonly object: string;
  constructor(message: string, container: string, object: string, options?: RaxErrorOptions) {
    super(`${message} (${container}/${object})`, options);
    this.container = container;
    this.object = object;
  }
}

/** The account has no temp-URL key: call `setTempUrlKey()` first or pass `key`. */
export class MissingTempUrlKey extends /* @__PURE__ */ namedError(RaxError, "MissingTempUrlKey") {}

/** Rethrow a 404 from a container call as `NoSuchContainer`. */
export function asNoSuchContainer(e: unknown, container: string): unknown {
  if (e instanceof NotFound && !(e instanceof NoSuchContainer)) return new NoSuchContainer(container, e);
  return e;
}

/** Rethrow a 404 from an object call as `NoSuchObject`. */
export function asNoSuchObject(e: unknown, container: string, object: string): unknown {
  if (e instanceof NotFound && !(e instanceof NoSuchObject) && !(e instanceof NoSuchContainer))
    return new NoSuchObject(container, object, e);
  return e;
}
