import { notFoundError, redact, ResourceFailed } from "@rax/core";

/** The server does not exist (404 from Nova). */
export class NoSuchServer extends /* @__PURE__ */ notFoundError("NoSuchServer", "server", "server") {}
/** The flavor does not exist (404 from Nova, or no flavor matched `find`). */
export class NoSuchFlavor extends /* @__PURE__ */ notFoundError("NoSuchFlavor", "flavor", "flavor") {}
/** The image does not exist (404 from Nova, or no image matched `find`). */
export class NoSuchImage extends /* @__PURE__ */ notFoundError("NoSuchImage", "image", "image") {}
/** The keypair does not exist (404 from Nova). */
export class NoSuchKeypair extends /* @__PURE__ */ notFoundError("NoSuchKeypair", "keypair", "keypair") {}

/**
 * Nova's words for a 404 on a metadata key or network label of a resource that exists ("Metadata
 * item was not found", images' "Invalid metadata key", "Instance is not a member of specified
 * network"): such a 404 stays core's `NotFound` with that message, never `NoSuchServer`/`NoSuchImage`.
 */
export const ITEM_MISSING = /Metadata item was not found|Invalid metadata key|not a member of specified network/i;

/** `find` matched more than one resource where acting on an arbitrary one would be wrong (pyrax's NoUniqueMatch). */
export { NoUniqueMatch } from "@rax/core";

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
