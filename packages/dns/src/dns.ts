import { type AuthSession, ServiceClient, type ServiceClientOptions, ValidationError } from "@rax/core";
import type { Backend, DnsApi } from "./backend";
import { Domains } from "./domains/domains";
import { Jobs } from "./jobs/jobs";
import { PtrRecords } from "./ptr/ptr";
import { Records } from "./records/records";

export interface CloudDNSOptions extends ServiceClientOptions {
  /**
   * "auto" (default): Rackspace Cloud DNS when the catalog has `rax:dns`, else OpenStack Designate
   * (type `dns`). With an explicit `endpoint`, "auto" means Cloud DNS when the URL's path has
   * `/v1.0` (`…/v1.0/{tenant}`), else Designate.
   */
  backend?: Backend | "auto";
  /**
   * ms to wait for each async call before `DNSCallTimedOut`; 0 = forever. Default 5000 (pyrax's 5 s)
   * on Cloud DNS, 60000 on Designate (a deleted zone takes ~13 s to go on a stock Designate).
   */
  jobTimeout?: number;
  /** ms between status polls. Default 500 (pyrax's 0.5 s). */
  jobDelay?: number;
}

interface Resolved {
  backend: Backend;
  endpoint: string;
}

function checkMs(v: unknown, field: string): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new ValidationError(field, "must be a number of ms ≥ 0");
  return v;
}

/**
 * Cloud DNS (Rackspace DNS v1.0) or OpenStack Designate v2, picked from the catalog. Build it from
 * a context (`ctx.client(CloudDNS)`; DNS has no region) or from any `AuthSession`. Namespaces:
 * `dns.domains`, `dns.records`, `dns.ptr`, `dns.jobs`. Calls that change something return a core
 * `Job` that polls the server's job (`jobTimeout`, `jobDelay`) and resolves with the result.
 */
export class CloudDNS extends ServiceClient implements DnsApi {
  static override readonly serviceType = "rax:dns";
  static override readonly serviceName = "cloudDNS";

  readonly #asked: Backend | "auto";
  readonly #fixed?: string;
  #resolved?: Resolved;
  #jobTimeout?: number;
  #jobDelay: number;
  #domains?: Domains;
  #records?: Records;
  #ptr?: PtrRecords;
  #jobs?: Jobs;

  constructor(session: AuthSession, opts: CloudDNSOptions = {}) {
    super(session, opts);
    const b = opts.backend ?? "auto";
    if (b !== "auto" && b !== "rackspace" && b !== "designate") throw new ValidationError("backend", 'must be "auto", "rackspace" or "designate"');
    this.#asked = b;
    if (opts.endpoint !== undefined) this.#fixed = opts.endpoint.replace(/\/+$/, "");
    if (opts.jobTimeout !== undefined) this.#jobTimeout = checkMs(opts.jobTimeout, "jobTimeout");
    this.#jobDelay = checkMs(opts.jobDelay ?? 500, "jobDelay");
  }

  /** ms to wait for an async call (0 = forever); pyrax `set_timeout` (which takes seconds). */
  get jobTimeout(): number {
    return this.#jobTimeout ?? (this.#resolved?.backend === "designate" ? 60_000 : 5000);
  }
  set jobTimeout(ms: number) {
    this.#jobTimeout = checkMs(ms, "jobTimeout");
  }
  /** ms between status polls; pyrax `set_delay` (which takes seconds). */
  get jobDelay(): number {
    return this.#jobDelay;
  }
  set jobDelay(ms: number) {
    this.#jobDelay = checkMs(ms, "jobDelay");
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

  override get endpoint(): string {
    return this.#resolve().endpoint;
  }

  designatePath(rest: string): string {
    return /\/v2$/.test(this.endpoint) ? rest : `v2/${rest}`;
  }

  deviceEndpoint(type: string, name: string, region?: string): string {
    const r = region ?? this.region;
    return this.session.endpoint({ type, name, ...(r ? { region: r } : {}), internal: false }).replace(/\/+$/, "");
  }

  #resolve(): Resolved {
    if (this.#resolved) return this.#resolved;
    let url: string;
    let type: string | undefined;
    if (this.#fixed !== undefined) url = this.#fixed;
    else {
      // Identity files `rax:dns` and `dns` under one key, so asking for `rax:dns` on an OpenStack
      // cloud answers with Designate: the catalog entry's own type (when the session can tell it) decides.
      const q = { type: "rax:dns", name: "cloudDNS", ...(this.region ? { region: this.region } : {}), internal: this.internal };
      const s = this.session as { resolveEndpoint?: (q: object) => { url: string; service?: { type?: string } } };
      if (typeof s.resolveEndpoint === "function") {
        const r = s.resolveEndpoint(q);
        url = r.url;
        type = r.service?.type;
      } else url = this.session.endpoint(q);
    }
    url = url.replace(/\/+$/, "");
    // Without a catalog type: Cloud DNS lives at …/v1.0/{tenant}; Designate at its root or /v2.
    const rackspace = type !== undefined ? type.toLowerCase().startsWith("rax:") : /\/v1\.0(\/|$)/.test(new URL(url).pathname);
    const backend: Backend = this.#asked !== "auto" ? this.#asked : rackspace ? "rackspace" : "designate";
    this.#resolved = { backend, endpoint: url };
    return this.#resolved;
  }

  /** Domains (Designate: zones): list, get, find, create, update, delete, import/export BIND, subdomains. */
  get domains(): Domains {
    return (this.#domains ??= new Domains(this, this.records));
  }
  /** Records (Designate: recordsets): list, get, find, add, update, delete. */
  get records(): Records {
    return (this.#records ??= new Records(this));
  }
  /** Reverse DNS (PTR) records of servers and load balancers (Cloud DNS only). */
  get ptr(): PtrRecords {
    return (this.#ptr ??= new PtrRecords(this));
  }
  /** Cloud DNS async jobs: get, resume (after `DNSCallTimedOut`), list. */
  get jobs(): Jobs {
    return (this.#jobs ??= new Jobs(this));
  }
}
