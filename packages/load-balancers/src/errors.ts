import { HttpError, type HttpError as HttpErrorType, httpErrorInit, NotFound, RaxError, ResourceFailed } from "@rax/core";

function notFoundClass(label: string, errorName: string) {
  return class extends NotFound {
    static override readonly errorName: string = errorName;
    constructor(
      readonly id: string,
      from: HttpErrorType,
    ) {
      super(httpErrorInit(from, `No such ${label}: ${id}`));
    }
  };
}

/** The load balancer does not exist (404 from CLB, or no load balancer matched `find`). */
export class NoSuchLoadBalancer extends notFoundClass("load balancer", "NoSuchLoadBalancer") {}
/** The node does not exist on that load balancer. */
export class NoSuchNode extends notFoundClass("node", "NoSuchNode") {}
/** The virtual IP does not exist on that load balancer. */
export class NoSuchVirtualIp extends notFoundClass("virtual IP", "NoSuchVirtualIp") {}
/** An access-list item id that the load balancer's list does not hold (pyrax's AccessListIDNotFound). */
export class NoSuchAccessListItem extends notFoundClass("access-list item", "NoSuchAccessListItem") {}
/** The load balancer has no SSL termination configured (CLB's 404; pyrax's NoSSLTerminationConfiguration on update). */
export class NoSslTermination extends notFoundClass("SSL termination on load balancer", "NoSslTermination") {}

/** `find` matched more than one load balancer where acting on an arbitrary one would be wrong (pyrax's NoUniqueMatch). */
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
 * CLB refused a change because the load balancer is not ACTIVE (422: "… has a status of
 * 'PENDING_UPDATE' and is considered immutable"). One change at a time: wait for ACTIVE
 * (`lb.waitForActive()`, or chain `.whenActive()` on the previous change) and send it again.
 */
export class LoadBalancerImmutable extends HttpError {
  static override readonly errorName: string = "LoadBalancerImmutable";
  /** The status CLB named (`PENDING_UPDATE`, `PENDING_DELETE`, `BUILD`…), when it named one. */
  readonly lbStatus?: string;
  constructor(
    readonly loadBalancer: string,
    from: HttpErrorType,
  ) {
    super(httpErrorInit(from));
    const m = /status of '([A-Z_-]+)'/.exec(from.serverMessage); // mimic hyphenates: PENDING-UPDATE
    if (m) this.lbStatus = m[1];
  }
}

/** A load balancer went to ERROR (or was deleted) while `waitFor` waited for another status. */
export class LoadBalancerFailed<R extends { id: number | string; status?: string } = { id: number | string; status?: string }> extends ResourceFailed<R> {
  static override readonly errorName: string = "LoadBalancerFailed";
  constructor(resource: R, wanted: string) {
    super({ resource, value: resource.status ?? "ERROR", attribute: "status" }, `Load balancer ${resource.id} went to ${resource.status ?? "ERROR"} while waiting for ${wanted}`);
  }
}
