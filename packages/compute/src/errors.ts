import { type HttpError, httpErrorInit, NotFound, RaxError, redact, ResourceFailed } from "@rax/core";

/** The server does not exist (404 from Nova). */
export class NoSuchServer extends NotFound {
  static override readonly errorName: string = "NoSuchServer";
  constructor(
    readonly server: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from, `No such server: ${server}`));
  }
}

/** The flavor does not exist (404 from Nova, or no flavor matched `find`). */
export class NoSuchFlavor extends NotFound {
  static override readonly errorName: string = "NoSuchFlavor";
  constructor(
    readonly flavor: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from, `No such flavor: ${flavor}`));
  }
}

/** The image does not exist (404 from Nova, or no image matched `find`). */
export class NoSuchImage extends NotFound {
  static override readonly errorName: string = "NoSuchImage";
  constructor(
    readonly image: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from, `No such image: ${image}`));
  }
}

/** The keypair does not exist (404 from Nova). */
export class NoSuchKeypair extends NotFound {
  static override readonly errorName: string = "NoSuchKeypair";
  constructor(
    readonly keypair: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from, `No such keypair: ${keypair}`));
  }
}

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

/** What Nova says went wrong with a server in ERROR (`server.fault`). */
export interface ServerFault {
  code?: number;
  message?: string;
  details?: string;
  created?: string;
}

/** A server went to ERROR while `waitFor` waited for another status; `fault` is Nova's reason. */
export class ServerFailed<S extends { id: string; status?: string; fault?: ServerFault } = { id: string; status?: string; fault?: ServerFault }> extends ResourceFailed<S> {
  static override readonly errorName: string = "ServerFailed";
  declare readonly fault?: ServerFault;
  constructor(server: S, wanted: string) {
    // Fault text is the server's to write: redacted like every other message.
    const why = server.fault?.message ? `: ${redact(server.fault.message)}` : "";
    super({ resource: server, value: server.status ?? "ERROR", fault: server.fault, attribute: "status" }, `Server ${server.id} went to ${server.status ?? "ERROR"} while waiting for ${wanted}${why}`);
  }

  /** The server as last loaded (with its `fault`). */
  get server(): S {
    return this.resource;
  }
}
