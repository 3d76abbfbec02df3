import { NoEndpointForService, type AuthSession, ServiceClient, type ServiceClientOptions, ValidationError } from "@rax/core";
import type { Backend, NetworkApi } from "./backend";
import { NetworkCollection } from "./networks/networks";
import { Ports } from "./ports/ports";
import { Subnets } from "./subnets/subnets";

export interface NetworksOptions extends ServiceClientOptions {
  /**
   * "auto" (default): Neutron when the catalog has a `network` service in the region, else
   * Rackspace's os-networksv2 on the compute endpoint. With an explicit `endpoint`, "auto" means
   * Neutron when the URL ends in `/v2.0` or uses Neutron's port 9696.
   */
  backend?: Backend | "auto";
}

interface Resolved {
  backend: Backend;
  endpoint: string;
}

/**
 * Cloud Networks / Neutron. Build it from a context (`ctx.client(Networks, { region })`) or from
 * any `AuthSession` (`new Networks(session, { region, backend })`). The backend is chosen from the
 * catalog on first use: Neutron (type `network`) when offered, else os-networksv2 under the compute
 * endpoint (type `compute`, name `cloudServersOpenStack`), as pyrax does.
 */
export class Networks extends ServiceClient implements NetworkApi {
  static override readonly serviceType = "network";
  static override readonly serviceName = "cloudNetworks";

  readonly #asked: Backend | "auto";
  readonly #fixed?: string;
  #resolved?: Resolved;
  #networks?: NetworkCollection;
  #subnets?: Subnets;
  #ports?: Ports;

  constructor(session: AuthSession, opts: NetworksOptions = {}) {
    super(session, opts);
    const b = opts.backend ?? "auto";
    if (b !== "auto" && b !== "neutron" && b !== "os-networksv2") throw new ValidationError("backend", 'must be "auto", "neutron" or "os-networksv2"');
    this.#asked = b;
    if (opts.endpoint !== undefined) this.#fixed = opts.endpoint.replace(/\/+$/, "");
  }

  /** The API this client speaks (resolved from the catalog on first use). */
  get backend(): Backend {
    return this.#resolve().backend;
  }

  /** Authenticates if needed (the catalog comes with the token) and picks the backend. */
  async ready(signal?: AbortSignal): Promise<Backend> {
    if (!this.#resolved) await this.session.getToken(signal);
    return this.#resolve().backend;
  }

  /** Base URL: Neutron's endpoint, or the compute endpoint that serves `/os-networksv2`. */
  override get endpoint(): string {
    return this.#resolve().endpoint;
  }

  neutronPath(rest: string): string {
    return /\/v2\.0$/.test(this.endpoint) ? rest : `v2.0/${rest}`;
  }

  #resolve(): Resolved {
    if (this.#resolved) return this.#resolved;
    const q = { ...(this.region ? { region: this.region } : {}), internal: this.internal };
    let r: Resolved;
    if (this.#fixed !== undefined) {
      const neutron = this.#asked === "neutron" || (this.#asked === "auto" && /(\/v2\.0$|:9696(\/|$))/.test(this.#fixed));
      r = { backend: neutron ? "neutron" : "os-networksv2", endpoint: this.#fixed };
    } else if (this.#asked === "os-networksv2") {
      r = { backend: "os-networksv2", endpoint: this.session.endpoint({ type: "compute", name: "cloudServersOpenStack", ...q }) };
    } else {
      try {
        r = { backend: "neutron", endpoint: this.session.endpoint({ type: "network", ...q }) };
      } catch (e) {
        if (this.#asked === "neutron" || !(e instanceof NoEndpointForService)) throw e;
        r = { backend: "os-networksv2", endpoint: this.session.endpoint({ type: "compute", name: "cloudServersOpenStack", ...q }) };
      }
    }
    r.endpoint = r.endpoint.replace(/\/+$/, "");
    this.#resolved = r;
    return r;
  }

  /** Networks: list, get, find by label, create (label + CIDR), delete, getServerNetworks. */
  get networks(): NetworkCollection {
    return (this.#networks ??= new NetworkCollection(this));
  }
  /** Neutron subnets (a network's address ranges). Not on os-networksv2. */
  get subnets(): Subnets {
    return (this.#subnets ??= new Subnets(this));
  }
  /** Neutron ports (a network's attachments). Not on os-networksv2. */
  get ports(): Ports {
    return (this.#ports ??= new Ports(this));
  }
}
