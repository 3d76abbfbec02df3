import { BadRequest, HttpError, httpErrorInit, namedError, notFoundError, notUniqueError, RaxError } from "@rax/core";

/** The network does not exist (404, or no network has the label `find` looked for; pyrax's NetworkNotFound). */
export class NoSuchNetwork extends /* @__PURE__ */ notFoundError("NoSuchNetwork", "network", "network") {}

/** The subnet does not exist (Neutron 404). */
export class NoSuchSubnet extends /* @__PURE__ */ notFoundError("NoSuchSubnet", "subnet", "subnet") {}

/** The port does not exist (Neutron 404). */
export class NoSuchPort extends /* @__PURE__ */ notFoundError("NoSuchPort", "port", "port") {}

/**
 * The network is in use: a server is attached (os-networksv2 answers 403), or on Neutron any port
 * still is (409 `NetworkInUse`, its reason naming the ports). Isolated networks cannot be detached
 * from a server: delete the servers (on Neutron, the ports) first (pyrax's NetworkInUse).
 */
export class NetworkInUse extends HttpError {
  static override readonly errorName: string = "NetworkInUse";
  constructor(
    readonly network: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from, `Network ${network} is in use (servers or ports are attached) and cannot be deleted (${from.serverMessage || from.status})`));
  }
}

/** Rackspace refused a new network: the account already has its maximum (10 by default). */
export class NetworkCountExceeded extends /* @__PURE__ */ namedError(BadRequest, "NetworkCountExceeded") {}

/** Rackspace refused the CIDR: the range does not hold enough addresses. */
export class NetworkCIDRInvalid extends /* @__PURE__ */ namedError(BadRequest, "NetworkCIDRInvalid") {}

/** Rackspace refused the CIDR as malformed (rax checks the form first; this is the server's word). */
export class NetworkCIDRMalformed extends /* @__PURE__ */ namedError(BadRequest, "NetworkCIDRMalformed") {}

/** `find` matched more than one network with that label (pyrax's NetworkLabelNotUnique). */
export class NetworkLabelNotUnique extends /* @__PURE__ */ notUniqueError("NetworkLabelNotUnique", "label", "networks are labelled") {}

/** The call exists only on Neutron (subnets, ports) and this client talks to Rackspace's os-networksv2. */
export class NotSupportedByBackend extends RaxError {
  static override readonly errorName: string = "NotSupportedByBackend";
  constructor(
    readonly call: string,
    readonly backend: string,
  ) {
    super(`${call} needs OpenStack Neutron (a "network" service in the catalog); this client uses ${backend}`);
  }
}
