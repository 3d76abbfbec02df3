import { ServiceClient } from "@rax/core";
import { AccessList } from "./access-list/access-list";
import { Balancers, type LoadBalancerParts } from "./balancers/balancers";
import { Metadata } from "./metadata/metadata";
import { Nodes } from "./nodes/nodes";
import { ConnectionLogging, ConnectionThrottle, ContentCaching, ErrorPage, HealthMonitor, SessionPersistence } from "./settings/settings";
import { SslTermination } from "./ssl-termination/ssl-termination";
import { Usage } from "./usage/usage";
import { VirtualIps } from "./virtual-ips/virtual-ips";

/**
 * Cloud Load Balancers v1.0. Build it from a context (`ctx.client(LoadBalancers, { region })`) or
 * any `AuthSession`; the endpoint comes from the catalog (type `rax:load-balancer`, name
 * `cloudLoadBalancers`) on first use. Each part is a namespace taking the load balancer first:
 * `clb.loadBalancers.create({…})`, `clb.nodes.add(lb, nodes)`, `clb.healthMonitor.set(lb, {…})`;
 * `LoadBalancer` objects carry pyrax's verbs (`lb.addNodes`, `lb.addHealthMonitor`, …).
 */
export class LoadBalancers extends ServiceClient implements LoadBalancerParts {
  static override readonly serviceType = "rax:load-balancer";
  static override readonly serviceName = "cloudLoadBalancers";

  #balancers?: Balancers;
  #nodes?: Nodes;
  #virtualIps?: VirtualIps;
  #ssl?: SslTermination;
  #metadata?: Metadata;
  #accessList?: AccessList;
  #healthMonitor?: HealthMonitor;
  #sessionPersistence?: SessionPersistence;
  #connectionLogging?: ConnectionLogging;
  #connectionThrottle?: ConnectionThrottle;
  #errorPage?: ErrorPage;
  #contentCaching?: ContentCaching;
  #usage?: Usage;

  /** Load balancers: list, get, find, create, update, delete, waitFor, stats, algorithms, protocols. */
  get loadBalancers(): Balancers {
    return (this.#balancers ??= new Balancers(this, this));
  }
  /** Nodes: list, get, add (one or many), update (condition, weight, type), delete, metadata. */
  get nodes(): Nodes {
    return (this.#nodes ??= new Nodes(this));
  }
  /** Virtual IPs: list, add (IPv6), delete. */
  get virtualIps(): VirtualIps {
    return (this.#virtualIps ??= new VirtualIps(this));
  }
  /** SSL termination: get, set (certificate + private key), update, delete. */
  get sslTermination(): SslTermination {
    return (this.#ssl ??= new SslTermination(this));
  }
  /** A load balancer's metadata: get, set (replace), update (merge), delete. */
  get metadata(): Metadata {
    return (this.#metadata ??= new Metadata(this));
  }
  /** Access lists: get, add, delete all, delete items. */
  get accessList(): AccessList {
    return (this.#accessList ??= new AccessList(this));
  }
  /** Health monitor: CONNECT / HTTP / HTTPS. */
  get healthMonitor(): HealthMonitor {
    return (this.#healthMonitor ??= new HealthMonitor(this));
  }
  /** Session persistence: HTTP_COOKIE / SOURCE_IP. */
  get sessionPersistence(): SessionPersistence {
    return (this.#sessionPersistence ??= new SessionPersistence(this));
  }
  /** Connection logging on / off. */
  get connectionLogging(): ConnectionLogging {
    return (this.#connectionLogging ??= new ConnectionLogging(this));
  }
  /** Connection throttling. */
  get connectionThrottle(): ConnectionThrottle {
    return (this.#connectionThrottle ??= new ConnectionThrottle(this));
  }
  /** Custom error page. */
  get errorPage(): ErrorPage {
    return (this.#errorPage ??= new ErrorPage(this));
  }
  /** Content caching on / off. */
  get contentCaching(): ContentCaching {
    return (this.#contentCaching ??= new ContentCaching(this));
  }
  /** Usage records: the account's, one load balancer's, current. */
  get usage(): Usage {
    return (this.#usage ??= new Usage(this));
  }
}
