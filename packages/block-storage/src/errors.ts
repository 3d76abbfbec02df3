import { BadRequest, type HttpError, httpErrorInit, NotFound, RaxError, redact, ResourceFailed } from "@rax/core";

function notFoundClass(label: string, errorName: string) {
  return class extends NotFound {
    static override readonly errorName: string = errorName;
    constructor(
      readonly id: string,
      from: HttpError,
    ) {
      super(httpErrorInit(from, `No such ${label}: ${id}`));
    }
  };
}

/** The volume does not exist (404 from Cinder, or no volume matched `find`). */
export class NoSuchVolume extends notFoundClass("volume", "NoSuchVolume") {}
/** The snapshot does not exist (404 from Cinder, or no snapshot matched `find`). */
export class NoSuchSnapshot extends notFoundClass("snapshot", "NoSuchSnapshot") {}
/** The volume type does not exist (404 from Cinder). */
export class NoSuchVolumeType extends notFoundClass("volume type", "NoSuchVolumeType") {}

/** `find` matched more than one resource where acting on an arbitrary one would be wrong (pyrax's NoUniqueMatch). */
export class NoUniqueMatch extends RaxError {
  static override readonly errorName: string = "NoUniqueMatch";
  constructor(
    readonly what: string,
    readonly ids: string[],
  ) {
    super(`${ids.length} ${what} match; pass an id instead (${ids.join(", ")})`);
  }
}

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

/** A volume or snapshot went to an error status while `waitFor` waited for another one. */
export class VolumeFailed<R extends { id: string; status?: string } = { id: string; status?: string }> extends ResourceFailed<R> {
  static override readonly errorName: string = "VolumeFailed";
  constructor(resource: R, wanted: string, kind = "Volume", message?: string) {
    // The server's text is the server's to write: redacted like every other message.
    const why = message ? `: ${redact(message)}` : "";
    super({ resource, value: resource.status ?? "error", fault: message, attribute: "status" }, `${kind} ${resource.id} went to ${resource.status ?? "error"} while waiting for ${wanted}${why}`);
  }
}

/** A snapshot went to `error` while `waitFor` waited for another status. */
export class SnapshotFailed<R extends { id: string; status?: string } = { id: string; status?: string }> extends VolumeFailed<R> {
  static override readonly errorName: string = "SnapshotFailed";
  constructor(resource: R, wanted: string, message?: string) {
    super(resource, wanted, "Snapshot", message);
  }
}
