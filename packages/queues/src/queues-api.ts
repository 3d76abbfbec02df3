import { encodeSegment, type ServiceClient } from "@rax/core";
import { QueueClientIDNotDefined } from "./errors";

/**
 * The wire dialect: 1 = Rackspace Cloud Queues v1 (Marconi: `…/v1/<tenant>/queues`, arrays for
 * posts and by-id reads, 204 for empty pages, `PUT …/metadata`); 2 = OpenStack Zaqar v2
 * (`…/v2/queues`, `{"messages": […]}` envelopes, JSON-patch metadata, Client-ID on every call).
 */
export type ApiVersion = 1 | 2;

/**
 * What the request functions need from the client: its dialect and Client-ID. Namespaces take
 * this, never the `Queues` class, so there is no import cycle.
 */
export interface QueuesApi extends ServiceClient {
  readonly apiVersion: ApiVersion;
  /** The Client-ID sent with every request, or undefined when the caller turned generation off. */
  readonly clientId: string | undefined;
  /** The queues collection's path relative to the endpoint: `queues`, or `v2/queues` under Zaqar's bare root. */
  readonly queuesRoot: string;
  /**
   * Authenticates when the endpoint is not known yet (it comes from the catalog with the token), so a
   * call on a fresh context works as everywhere else. Undefined when there is nothing to wait for:
   * the calls check it without an await on their hot path.
   */
  ready(signal?: AbortSignal): Promise<void> | undefined;
  /** Whether `ready()` has nothing to wait for, asked without starting an authentication. */
  readonly isReady: boolean;
}

/**
 * The version an endpoint speaks: `…/v1/<tenant>` (Rackspace's catalog) is v1; `…/v2`, or a bare
 * root as Zaqar's catalog entry lists it (`http://host:8888`), is v2.
 */
export function versionOf(endpoint: string): ApiVersion {
  return /\/v1(?:\/|$)/.test(new URL(endpoint).pathname) ? 1 : 2;
}

/** The path of `segments` under the queues collection, relative to the endpoint. */
export function queuesPath(client: QueuesApi, ...segments: string[]): string {
  let path = client.queuesRoot;
  for (const s of segments) path += `/${encodeSegment(s)}`;
  return path;
}

/** `queues`, or `v2/queues` when the endpoint is Zaqar's bare root (its catalog lists no version). */
export function queuesRootOf(endpoint: string): string {
  const path = new URL(endpoint).pathname;
  return /\/v[12](?:\.\d+)?(?:\/|$)/.test(path) ? "queues" : "v2/queues";
}

/**
 * Message and claim calls (and, on v2, every call) need a Client-ID; without one the call fails
 * here, before any request, as pyrax's QueueClientIDNotDefined.
 */
export function requireClientId(client: QueuesApi): string {
  const id = client.clientId;
  if (id === undefined) throw new QueueClientIDNotDefined();
  return id;
}

/** v1 needs a Client-ID on message and claim calls only; v2 on all of them. */
export function requireClientIdOnV2(client: QueuesApi): void {
  if (client.apiVersion === 2) requireClientId(client);
}
