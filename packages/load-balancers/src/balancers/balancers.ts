import { assignData, type CallOptions, type Paginated, type ServiceClient, ValidationError } from "@rax/core";
import type { AccessList } from "../access-list/access-list";
import type { AccessItemData, AccessItemInput } from "../access-list/models";
import { type Change, changed } from "../change";
import type { Metadata } from "../metadata/metadata";
import type { NodeInput } from "../nodes/models";
import type { Node, Nodes } from "../nodes/nodes";
import { idOf, type Ref } from "../ref";
import type { ConnectionThrottleData, ConnectionThrottleInput, HealthMonitorData, HealthMonitorInput, PersistenceType } from "../settings/models";
import type { ConnectionLogging, ConnectionThrottle, ContentCaching, ErrorPage, HealthMonitor, SessionPersistence } from "../settings/settings";
import type { SslTerminationData, SslTerminationInput, UpdateSslTerminationInput } from "../ssl-termination/models";
import type { SslTermination } from "../ssl-termination/ssl-termination";
import type { UsageRangeInput, UsageRecord } from "../usage/models";
import type { Usage } from "../usage/usage";
import type { AddVirtualIpInput } from "../virtual-ips/models";
import type { VirtualIp, VirtualIps } from "../virtual-ips/virtual-ips";
import { type CreateLoadBalancerInput, HALF_CLOSED_ONLY, HALF_CLOSED_PROTOCOLS, type ListLoadBalancersInput, type LoadBalancerData, type RateLimitData, type StatsData, type UpdateLoadBalancerInput } from "./models";
import * as api from "./requests";

/** The namespaces a `LoadBalancer` object's verbs delegate to (the `LoadBalancers` client has them all). */
export interface LoadBalancerParts {
  readonly nodes: Nodes;
  readonly virtualIps: VirtualIps;
  readonly sslTermination: SslTermination;
  readonly metadata: Metadata;
  readonly accessList: AccessList;
  readonly healthMonitor: HealthMonitor;
  readonly sessionPersistence: SessionPersistence;
  readonly connectionLogging: ConnectionLogging;
  readonly connectionThrottle: ConnectionThrottle;
  readonly errorPage: ErrorPage;
  readonly contentCaching: ContentCaching;
  readonly usage: Usage;
}

/** `clb.loadBalancers`: Cloud Load Balancers. Every method takes a load balancer id or a `LoadBalancer`. */
export class Balancers {
  constructor(
    readonly client: ServiceClient,
    readonly parts: LoadBalancerParts,
  ) {}

  /** The account's load balancers (pyrax `clb.list()`); a `Paginated`: `await` it for the first page, `for await` for all. */
  list(filters?: ListLoadBalancersInput, o?: CallOptions): Paginated<LoadBalancer> {
    return api.listLoadBalancers(this.client, filters, o).map((d) => new LoadBalancer(this, d));
  }
  /** One load balancer with its nodes and settings (pyrax `clb.get(id)`); `NoSuchLoadBalancer` if none. */
  async get(loadBalancer: Ref, o?: CallOptions): Promise<LoadBalancer> {
    return new LoadBalancer(this, await api.getLoadBalancer(this.client, loadBalancer, o));
  }
  /** The one load balancer named exactly `name`; `NoSuchLoadBalancer` if none, `NoUniqueMatch` if several. */
  async find(name: string, o?: CallOptions): Promise<LoadBalancer> {
    return new LoadBalancer(this, await api.findLoadBalancer(this.client, name, o));
  }
  /**
   * Creates a load balancer (pyrax `clb.create(name, port, protocol, nodes, virtual_ips, …)`); it
   * starts in BUILD: `await clb.loadBalancers.create({…}).whenActive()` resolves once it is ACTIVE.
   */
  create(input: CreateLoadBalancerInput, o?: CallOptions): Change<LoadBalancer> {
    let loadBalancer: LoadBalancer | undefined;
    const p = api.createLoadBalancer(this.client, input, o).then((d) => (loadBalancer = new LoadBalancer(this, d)));
    const c = p as Change<LoadBalancer>;
    c.whenActive = async (w) => {
      const made = await p;
      return changed(Promise.resolve(made), this.client, String(made.id), o, (fresh) => loadBalancer && assignData(loadBalancer, withObjects(this, fresh))).whenActive(w);
    };
    return c;
  }
  /** Changes name, algorithm, protocol, port, timeout, halfClosed or httpsRedirect (pyrax `clb.update(lb, …)`). */
  update(loadBalancer: Ref, changes: UpdateLoadBalancerInput, o?: CallOptions): Change<void> {
    return changed(api.updateLoadBalancer(this.client, loadBalancer, changes, o), this.client, idOf(loadBalancer), o);
  }
  /** Deletes a load balancer (PENDING_DELETE, then gone: `waitFor(lb, "DELETED")`). */
  delete(loadBalancer: Ref, o?: CallOptions): Promise<void> {
    return api.deleteLoadBalancer(this.client, loadBalancer, o);
  }
  /** Deletes up to 10 load balancers in one request. */
  deleteMany(loadBalancers: Ref[], o?: CallOptions): Promise<void> {
    return api.deleteLoadBalancers(this.client, loadBalancers, o);
  }
  /**
   * Reloads until the status is one of `status` (default ACTIVE; "DELETED" also when CLB says 404).
   * ERROR rejects with `LoadBalancerFailed`; `timeout`/`attempts` with `WaitTimeout`; `signal` with `AbortError`.
   * Polls every 5 s unless `interval` says otherwise (pyrax `utils.wait_until(lb, "status", "ACTIVE")`).
   */
  async waitFor(loadBalancer: Ref, status: string | string[] = "ACTIVE", o: api.WaitForOptions<LoadBalancer> = {}): Promise<LoadBalancer> {
    const id = idOf(loadBalancer);
    return api.waitForLoadBalancer(() => this.get(id, { ...(o.signal ? { signal: o.signal } : {}) }), id, status, o);
  }
  /** Connection counters (pyrax `get_stats`). */
  stats(loadBalancer: Ref, o?: CallOptions): Promise<StatsData> {
    return api.getStats(this.client, loadBalancer, o);
  }
  /** Names of the balancing algorithms (pyrax `clb.algorithms`). */
  algorithms(o?: CallOptions): Promise<string[]> {
    return api.listAlgorithms(this.client, o);
  }
  /** The protocols with their default ports (pyrax `clb.protocols` gives the names). */
  protocols(o?: CallOptions): Promise<Array<{ name: string; port?: number }>> {
    return api.listProtocols(this.client, o);
  }
  /** Domains a node address may name instead of an IP (pyrax `clb.allowed_domains`). */
  allowedDomains(o?: CallOptions): Promise<string[]> {
    return api.listAllowedDomains(this.client, o);
  }
  /** The account's request-rate limits per verb (GET /limits; pyrax `clb.get_limits()`). */
  rateLimits(o?: CallOptions): Promise<RateLimitData[]> {
    return api.getRateLimits(this.client, o);
  }
  /** The account's absolute limits (`NODE_LIMIT`, `LOADBALANCER_LIMIT`, …). */
  absoluteLimits(o?: CallOptions): Promise<Record<string, number>> {
    return api.getAbsoluteLimits(this.client, o);
  }
}

/** LoadBalancer's own view: nodes and virtual IPs as objects with their verbs. */
function withObjects(b: Balancers, d: LoadBalancerData): Omit<LoadBalancerData, "nodes" | "virtualIps"> & { nodes: Node[]; virtualIps: VirtualIp[] } {
  const id = String(d.id);
  return { ...d, nodes: d.nodes.map((n) => b.parts.nodes.wrap(id, n)), virtualIps: d.virtualIps.map((v) => b.parts.virtualIps.wrap(id, v)) };
}

export interface LoadBalancer extends Omit<LoadBalancerData, "nodes" | "virtualIps"> {}

/**
 * A load balancer as CLB last described it (pyrax's `CloudLoadBalancer`; `reload()` refreshes it),
 * with pyrax's object verbs delegating to the client's namespaces. Each change returns a `Change`:
 * `await lb.addNodes([node]).whenActive()` waits until CLB takes the next one.
 */
export class LoadBalancer {
  readonly #b: Balancers;
  /** The back-end nodes (present when fetched by id or after `reload()`). */
  declare nodes: Node[];
  declare virtualIps: VirtualIp[];

  constructor(b: Balancers, data: LoadBalancerData) {
    this.#b = b;
    assignData(this, withObjects(b, data));
  }

  get #p(): LoadBalancerParts {
    return this.#b.parts;
  }
  #fresh = (d: LoadBalancerData) => assignData(this, withObjects(this.#b, d));
  #changed<T>(c: Change<T>): Change<T> {
    // The object refreshes itself when a caller waits for ACTIVE.
    return changed(c, this.#b.client, String(this.id), {}, this.#fresh);
  }

  /**
   * Where this load balancer lives, as a self link (CLB's own JSON has none): what pyrax's
   * `_get_ptr_details` builds from the public endpoint, so `dns.ptr.add(lb, records)` takes this
   * object as its device. A getter: it neither prints nor serializes.
   */
  get links(): Array<{ rel: "self"; href: string }> {
    const client = this.#b.client;
    // Cloud DNS names a device by its public URL; a ServiceNet client's own endpoint is not that.
    const base = client.internal
      ? client.session.endpoint({ type: "rax:load-balancer", name: "cloudLoadBalancers", ...(client.region ? { region: client.region } : {}), internal: false }).replace(/\/+$/, "")
      : client.endpoint;
    return [{ rel: "self", href: `${base}/loadbalancers/${encodeURIComponent(String(this.id))}` }];
  }

  /** Reloads this object in place and returns it. */
  async reload(o?: CallOptions): Promise<this> {
    this.#fresh(await api.getLoadBalancer(this.#b.client, this, o));
    return this;
  }
  /** Waits until ACTIVE (or `status`), refreshing this object. */
  async waitFor(status: string | string[] = "ACTIVE", o: api.WaitForOptions<LoadBalancerData> = {}): Promise<this> {
    const id = String(this.id);
    const client = this.#b.client;
    this.#fresh(await api.waitForLoadBalancer(() => api.getLoadBalancer(client, id, o.signal ? { signal: o.signal } : {}), id, status, o));
    return this;
  }
  /** `waitFor("ACTIVE")`. */
  waitForActive(o?: api.WaitForOptions<LoadBalancerData>): Promise<this> {
    return this.waitFor("ACTIVE", o);
  }
  /** pyrax `lb.update(…)`; halfClosed on for a load balancer whose protocol (this one's, or the new one) is not TCP / TCP_CLIENT_FIRST is refused before sending. */
  update(changes: UpdateLoadBalancerInput, o?: CallOptions): Change<void> {
    const c = changes as { halfClosed?: unknown; protocol?: unknown } | undefined;
    const protocol = typeof c?.protocol === "string" ? c.protocol : this.protocol;
    if (c?.halfClosed === true && protocol && !HALF_CLOSED_PROTOCOLS.includes(protocol))
      return changed(Promise.reject(new ValidationError("changes.halfClosed", HALF_CLOSED_ONLY)), this.#b.client, String(this.id));
    return this.#changed(this.#b.update(this, changes, o));
  }
  delete(o?: CallOptions): Promise<void> {
    return this.#b.delete(this, o);
  }
  getStats(o?: CallOptions): Promise<StatsData> {
    return this.#b.stats(this, o);
  }
  getUsage(range?: UsageRangeInput, o?: CallOptions): Promise<UsageRecord[]> {
    return this.#p.usage.loadBalancer(this, range, o);
  }
  getCurrentUsage(o?: CallOptions): Promise<UsageRecord[]> {
    return this.#p.usage.current(this, o);
  }

  /** Adds one node or several (pyrax `lb.add_nodes`). */
  addNodes(nodes: NodeInput | NodeInput[], o?: CallOptions): Change<Node[]> {
    return this.#changed(this.#p.nodes.add(this, nodes, o));
  }
  listNodes(o?: CallOptions): Promise<Node[]> {
    return this.#p.nodes.list(this, o);
  }
  getNode(node: Ref, o?: CallOptions): Promise<Node> {
    return this.#p.nodes.get(this, node, o);
  }
  deleteNodes(nodes: Ref | Ref[], o?: CallOptions): Change<void> {
    return this.#changed(this.#p.nodes.delete(this, nodes, o));
  }

  /** pyrax `lb.add_virtualip(vip)`. */
  addVirtualIp(vip: AddVirtualIpInput, o?: CallOptions): Change<VirtualIp> {
    return this.#changed(this.#p.virtualIps.add(this, vip, o));
  }
  deleteVirtualIp(vip: Ref, o?: CallOptions): Change<void> {
    return this.#changed(this.#p.virtualIps.delete(this, vip, o));
  }

  getAccessList(o?: CallOptions): Promise<AccessItemData[]> {
    return this.#p.accessList.get(this, o);
  }
  addAccessList(items: AccessItemInput | AccessItemInput[], o?: CallOptions): Change<void> {
    return this.#changed(this.#p.accessList.add(this, items, o));
  }
  deleteAccessList(o?: CallOptions): Change<void> {
    return this.#changed(this.#p.accessList.delete(this, o));
  }
  deleteAccessListItems(items: Ref | Ref[], o?: CallOptions): Change<void> {
    return this.#changed(this.#p.accessList.deleteItems(this, items, o));
  }

  getHealthMonitor(o?: CallOptions): Promise<HealthMonitorData> {
    return this.#p.healthMonitor.get(this, o);
  }
  /** pyrax `add_health_monitor`; an HTTP(S) monitor whose type differs from this load balancer's protocol is refused before sending (pyrax's ProtocolMismatch). */
  addHealthMonitor(monitor: HealthMonitorInput, o?: CallOptions): Change<void> {
    const type = (monitor as { type?: unknown } | undefined)?.type;
    if ((type === "HTTP" || type === "HTTPS") && this.protocol && type !== this.protocol) {
      const refused = Promise.reject(new ValidationError("healthMonitor.type", `must match the load balancer's protocol (${this.protocol}) for an HTTP(S) monitor; use CONNECT otherwise`));
      return changed(refused, this.#b.client, String(this.id));
    }
    return this.#changed(this.#p.healthMonitor.set(this, monitor, o));
  }
  deleteHealthMonitor(o?: CallOptions): Change<void> {
    return this.#changed(this.#p.healthMonitor.delete(this, o));
  }

  getConnectionThrottle(o?: CallOptions): Promise<ConnectionThrottleData> {
    return this.#p.connectionThrottle.get(this, o);
  }
  addConnectionThrottle(throttle: ConnectionThrottleInput, o?: CallOptions): Change<void> {
    return this.#changed(this.#p.connectionThrottle.set(this, throttle, o));
  }
  deleteConnectionThrottle(o?: CallOptions): Change<void> {
    return this.#changed(this.#p.connectionThrottle.delete(this, o));
  }

  getSslTermination(o?: CallOptions): Promise<SslTerminationData | undefined> {
    return this.#p.sslTermination.get(this, o);
  }
  addSslTermination(input: SslTerminationInput, o?: CallOptions): Change<void> {
    return this.#changed(this.#p.sslTermination.set(this, input, o));
  }
  updateSslTermination(changes: UpdateSslTerminationInput, o?: CallOptions): Change<void> {
    return this.#changed(this.#p.sslTermination.update(this, changes, o));
  }
  deleteSslTermination(o?: CallOptions): Change<void> {
    return this.#changed(this.#p.sslTermination.delete(this, o));
  }

  getMetadata(o?: CallOptions): Promise<Record<string, string>> {
    return this.#p.metadata.get(this, o);
  }
  setMetadata(metadata: Record<string, string>, o?: CallOptions): Promise<void> {
    return this.#p.metadata.set(this, metadata, o);
  }
  updateMetadata(metadata: Record<string, string>, o?: CallOptions): Promise<void> {
    return this.#p.metadata.update(this, metadata, o);
  }
  deleteMetadata(keys?: string | string[], o?: CallOptions): Promise<void> {
    return this.#p.metadata.delete(this, keys, o);
  }
  /** pyrax `lb.get_metadata_for_node(node)`. */
  getMetadataForNode(node: Ref, o?: CallOptions): Promise<Record<string, string>> {
    return this.#p.nodes.getMetadata(this, node, o);
  }
  setMetadataForNode(node: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<void> {
    return this.#p.nodes.setMetadata(this, node, metadata, o);
  }
  updateMetadataForNode(node: Ref, metadata: Record<string, string>, o?: CallOptions): Promise<void> {
    return this.#p.nodes.updateMetadata(this, node, metadata, o);
  }
  deleteMetadataForNode(node: Ref, keys?: string | string[], o?: CallOptions): Promise<void> {
    return this.#p.nodes.deleteMetadata(this, node, keys, o);
  }

  getErrorPage(o?: CallOptions): Promise<string> {
    return this.#p.errorPage.get(this, o);
  }
  setErrorPage(html: string, o?: CallOptions): Change<void> {
    return this.#changed(this.#p.errorPage.set(this, html, o));
  }
  clearErrorPage(o?: CallOptions): Change<void> {
    return this.#changed(this.#p.errorPage.delete(this, o));
  }

  getSessionPersistence(o?: CallOptions): Promise<PersistenceType | undefined> {
    return this.#p.sessionPersistence.get(this, o);
  }
  setSessionPersistence(type: PersistenceType, o?: CallOptions): Change<void> {
    return this.#changed(this.#p.sessionPersistence.set(this, type, o));
  }
  deleteSessionPersistence(o?: CallOptions): Change<void> {
    return this.#changed(this.#p.sessionPersistence.delete(this, o));
  }

  getConnectionLogging(o?: CallOptions): Promise<boolean> {
    return this.#p.connectionLogging.get(this, o);
  }
  setConnectionLogging(enabled: boolean, o?: CallOptions): Change<void> {
    return this.#changed(this.#p.connectionLogging.set(this, enabled, o));
  }

  getContentCaching(o?: CallOptions): Promise<boolean> {
    return this.#p.contentCaching.get(this, o);
  }
  setContentCaching(enabled: boolean, o?: CallOptions): Change<void> {
    return this.#changed(this.#p.contentCaching.set(this, enabled, o));
  }
}
