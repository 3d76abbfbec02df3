import { type HttpError as HttpErrorType, httpErrorInit, notFoundError, type StatusResource, statusFailedError, UnprocessableEntity } from "@rax/core";

/** The load balancer does not exist (404 from CLB, or no load balancer matched `find`). */
export class NoSuchLoadBalancer extends /* @__PURE__ */ notFoundError("NoSuchLoadBalancer", "load balancer") {}
/** The node does not exist on that load balancer. */
export class NoSuchNode extends /* @__PURE__ */ notFoundError("NoSuchNode", "node") {}
/** The virtual IP does not exist on that load balancer. */
export class NoSuchVirtualIp extends /* @__PURE__ */ notFoundError("NoSuchVirtualIp", "virtual IP") {}
/** An access-list item id that the load balancer's list does not hold (pyrax's AccessListIDNotFound). */
export class NoSuchAccessListItem extends /* @__PURE__ */ notFoundError("NoSuchAccessListItem", "access-list item") {}
/** The load balancer has no SSL termination configured (CLB's 404; pyrax's NoSSLTerminationConfiguration on update). */
export class NoSslTermination extends /* @__PURE__ */ notFoundError("NoSslTermination", "SSL termination on load balancer") {}

/** `find` matched more than one load balancer where acting on an arbitrary one would be wrong (pyrax's NoUniqueMatch). */
export { NoUniqueMatch } from "@rax/core";

/**
 * CLB refused a change because the load balancer is not ACTIVE (422: "… has a status of
 * 'PENDING_UPDATE' and is considered immutable"). One change at a time: wait for ACTIVE
 * (`lb.waitForActive()`, or chain `.whenActive()` on the previous change) and send it again.
 */
export class LoadBalancerImmutable extends UnprocessableEntity {
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
export class LoadBalancerFailed<R extends StatusResource = StatusResource> extends /* @__PURE__ */ statusFailedError<StatusResource>("LoadBalancerFailed", "Load balancer", "ERROR")<R> {}
