import { BadRequest, type HttpError, httpErrorInit, NotFound, RaxError, redact, ResourceFailed, ValidationError } from "@rax/core";

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

/** The instance does not exist (404 from the service, or no instance matched `find`). */
export class NoSuchInstance extends notFoundClass("database instance", "NoSuchInstance") {}
/** No flavor has this id, name or RAM size (pyrax's FlavorNotFound). */
export class NoSuchFlavor extends notFoundClass("flavor", "NoSuchFlavor") {}
/** The database does not exist on the instance (pyrax's NoSuchDatabase). */
export class NoSuchDatabase extends notFoundClass("database", "NoSuchDatabase") {}
/** The user does not exist on the instance (pyrax's NoSuchDatabaseUser); `id` is `name` or `name@host`. */
export class NoSuchDatabaseUser extends notFoundClass("database user", "NoSuchDatabaseUser") {}
/** No datastore (or datastore version) has this id or name. */
export class NoSuchDatastore extends notFoundClass("datastore", "NoSuchDatastore") {}
/** The backup does not exist. */
export class NoSuchBackup extends notFoundClass("backup", "NoSuchBackup") {}

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

/** An instance or backup went to a failure status (ERROR, FAILED) while `waitFor` waited for another. */
export class InstanceFailed<R extends { id: string; status?: string } = { id: string; status?: string }> extends ResourceFailed<R> {
  static override readonly errorName: string = "InstanceFailed";
  constructor(resource: R, wanted: string, kind = "Instance", message?: string) {
    const why = message ? `: ${redact(message)}` : "";
    super({ resource, value: resource.status ?? "ERROR", fault: message, attribute: "status" }, `${kind} ${resource.id} went to ${resource.status ?? "ERROR"} while waiting for ${wanted}${why}`);
  }
}

/** A backup went to FAILED (or ERROR) while `waitFor` waited for COMPLETED. */
export class BackupFailed<R extends { id: string; status?: string } = { id: string; status?: string }> extends InstanceFailed<R> {
  static override readonly errorName: string = "BackupFailed";
  constructor(resource: R, wanted: string, message?: string) {
    super(resource, wanted, "Backup", message);
  }
}
