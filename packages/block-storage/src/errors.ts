import { BadRequest, type HttpError, httpErrorInit, notFoundError, RaxError, statusFailedError } from "@rax/core";

/** The volume does not exist (404 from Cinder, or no volume matched `find`). */
export class NoSuchVolume extends /* @__PURE__ */ notFoundError("NoSuchVolume", "volume") {}
/** The snapshot does not exist (404 from Cinder, or no snapshot matched `find`). */
export class NoSuchSnapshot extends /* @__PURE__ */ notFoundError("NoSuchSnapshot", "snapshot") {}
/** The volume type does not exist (404 from Cinder). */
export class NoSuchVolumeType extends /* @__PURE__ */ notFoundError("NoSuchVolumeType", "volume type") {}

/** `find` matched more than one resource where acting on an arbitrary one would be wrong (pyrax's NoUniqueMatch). */
export { NoUniqueMatch } from "@rax/core";

/** Why a volume cannot be deleted without `force`. */
export type UndeletableReason = "attached" | "snapshots" | "status";

/**
 * The volume cannot be deleted as it is (the seed's rules): it is attached to a server, snapshots
 * were made of it, or its status is neither `available` nor `error`. `delete(vol, { force: true })`
 * detaches it and deletes its snapshots first.
 */
export class VolumeNotDeletable extends RaxError {
  static override readonly errorName: string = "VolumeNotDeletable";
  constructor(
    readonly volume: string,
    readonly reason: UndeletableReason,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Volume ${volume} cannot be deleted: ${detail}`, options);
  }
}

/** Cinder refused a snapshot because the volume is attached or busy (pyrax's VolumeNotAvailable); pass `force` for an attached volume. */
export class VolumeNotAvailable extends BadRequest {
  static override readonly errorName: string = "VolumeNotAvailable";
  constructor(
    readonly volume: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from, `Volume ${volume} is not available for a snapshot: ${from.serverMessage}`));
  }
}

/**
 * Cinder refused to delete a snapshot that is neither `available` nor `error` (creating, deleting…; pyrax's
 * SnapshotNotAvailable). Wait for it to settle (`waitFor(snap, ["available", "error"])`), then delete.
 */
export class SnapshotNotAvailable extends BadRequest {
  static override readonly errorName: string = "SnapshotNotAvailable";
  constructor(
    readonly snapshot: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from, `Snapshot ${snapshot} cannot be deleted now: ${from.serverMessage}`));
  }
}

/** A volume or snapshot went to an error status while `waitFor` waited for another one. */
export class VolumeFailed<R extends { id: string; status?: string } = { id: string; status?: string }> extends /* @__PURE__ */ statusFailedError("VolumeFailed", "Volume", "error")<R> {}

/** A snapshot went to `error` while `waitFor` waited for another status. */
export class SnapshotFailed<R extends { id: string; status?: string } = { id: string; status?: string }> extends VolumeFailed<R> {
  static override readonly errorName: string = "SnapshotFailed";
  constructor(resource: R, wanted: string, message?: string) {
    super(resource, wanted, "Snapshot", message);
  }
}
