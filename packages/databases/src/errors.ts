import { BadRequest, type HttpError, httpErrorInit, notFoundError, statusFailedError, UnprocessableEntity, ValidationError } from "@rax/core";

/** The instance does not exist (404 from the service, or no instance matched `find`). */
export class NoSuchInstance extends /* @__PURE__ */ notFoundError("NoSuchInstance", "database instance") {}
/** No flavor has this id, name or RAM size (pyrax's FlavorNotFound). */
export class NoSuchFlavor extends /* @__PURE__ */ notFoundError("NoSuchFlavor", "flavor") {}
/** The database does not exist on the instance (pyrax's NoSuchDatabase). */
export class NoSuchDatabase extends /* @__PURE__ */ notFoundError("NoSuchDatabase", "database") {}
/** The user does not exist on the instance (pyrax's NoSuchDatabaseUser); `id` is `name` or `name@host`. */
export class NoSuchDatabaseUser extends /* @__PURE__ */ notFoundError("NoSuchDatabaseUser", "database user") {}
/** No datastore (or datastore version) has this id or name. */
export class NoSuchDatastore extends /* @__PURE__ */ notFoundError("NoSuchDatastore", "datastore") {}
/** The backup does not exist. */
export class NoSuchBackup extends /* @__PURE__ */ notFoundError("NoSuchBackup", "backup") {}

/** `find` matched more than one resource where acting on an arbitrary one would be wrong (pyrax's NoUniqueMatch). */
export { NoUniqueMatch } from "@rax/core";

/**
 * A volume can only grow (pyrax's InvalidVolumeResize). Thrown before any resize request when the
 * current size is known to be at least the new one, and for the service's own 400 saying the same.
 */
export class InvalidVolumeResize extends ValidationError {
  static override readonly errorName: string = "InvalidVolumeResize";
  constructor(
    readonly currentSize: number | undefined,
    readonly requestedSize: number,
    options?: { cause?: unknown },
  ) {
    super("size", `the new volume size (${requestedSize} GB) must be larger than the current volume size${currentSize === undefined ? "" : ` of ${currentSize} GB`}`, options);
  }
}

/** The service refused a database or user because one of that name exists already (Trove answers 400). */
export class AlreadyExists extends BadRequest {
  static override readonly errorName: string = "AlreadyExists";
  constructor(
    readonly what: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from, `${what} already exists: ${from.serverMessage}`));
  }
}

/**
 * Trove refused a request on an instance that is not ACTIVE (422: "Instance … is not currently
 * available for an action to be performed (task status was REBOOTING)." for restart, resize, backup
 * or delete; "Instance … is not ready." for databases, users and root while it builds, reboots or
 * resizes). Nothing was done: wait for it (`inst.waitFor("ACTIVE")`) and send the request again.
 */
export class InstanceNotAvailable extends UnprocessableEntity {
  static override readonly errorName: string = "InstanceNotAvailable";
  /** The status Trove named (`BUILD`, `REBOOTING`, `RESIZING`, `BACKUP`…), when it named one. */
  readonly instanceStatus?: string = undefined;
  constructor(
    readonly instanceId: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from));
    this.instanceStatus = troveStatusIn(from.serverMessage);
  }
}

/** The status in Trove's 422 text: Trove 18 "(task status was REBOOTING)", older "(status was BUILD)" or "Status [BUILD]". */
function troveStatusIn(message: string): string | undefined {
  const m = /status was ([A-Z][A-Z_-]*)|Status \[([A-Z][A-Z_-]*)\]/.exec(message);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** An instance or backup went to a failure status (ERROR, FAILED) while `waitFor` waited for another. */
export class InstanceFailed<R extends { id: string; status?: string } = { id: string; status?: string }> extends /* @__PURE__ */ statusFailedError("InstanceFailed", "Instance", "ERROR")<R> {}

/** A backup went to FAILED (or ERROR) while `waitFor` waited for COMPLETED. */
export class BackupFailed<R extends { id: string; status?: string } = { id: string; status?: string }> extends InstanceFailed<R> {
  static override readonly errorName: string = "BackupFailed";
  constructor(resource: R, wanted: string, message?: string) {
    super(resource, wanted, "Backup", message);
  }
}
