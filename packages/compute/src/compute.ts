import { ServiceClient } from "@rax/core";
import { Flavors } from "./flavors/flavors";
import { Images } from "./images/images";
import { Keypairs } from "./keypairs/keypairs";
import { Limits } from "./limits/limits";
import { Servers } from "./servers/servers";

/**
 * Cloud Servers / Nova. Build it from a context (`ctx.client(Compute, { region })`) or from any
 * `AuthSession`; the endpoint comes from the catalog (type `compute`, name `cloudServersOpenStack`)
 * on first use. Each resource is a namespace: `compute.servers.create(…)`, `compute.flavors.list()`.
 */
export class Compute extends ServiceClient {
  static override readonly serviceType = "compute";
  static override readonly serviceName = "cloudServersOpenStack";

  #servers?: Servers;
  #flavors?: Flavors;
  #images?: Images;
  #keypairs?: Keypairs;
  #limits?: Limits;

  /** Servers: list, get, find, create, delete, waitFor, metadata, actions. */
  get servers(): Servers {
    return (this.#servers ??= new Servers(this));
  }
  /** Flavors (RAM/disk/vCPU sizes): list, get, find. */
  get flavors(): Flavors {
    return (this.#flavors ??= new Flavors(this));
  }
  /** Images as Nova sees them: base images and snapshots. */
  get images(): Images {
    return (this.#images ??= new Images(this));
  }
  /** SSH keypairs: create (with a private key), import a public key, list, get, delete. */
  get keypairs(): Keypairs {
    return (this.#keypairs ??= new Keypairs(this));
  }
  /** Rate limits and absolute quotas. */
  get limits(): Limits {
    return (this.#limits ??= new Limits(this));
  }
}
