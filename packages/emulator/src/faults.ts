import type { Resolved } from "./endpoints";

export interface FaultMatch {
  /** HTTP method, case-insensitive. */
  method?: string;
  /**
   * Prefix of the URL path (`/v1/MossoCloudFS_123456/photos`), of the path written with its
   * service and region in front (`/object-store/DFW/v1/…`, `/identity/v2.0/tokens`), or of the full URL.
   */
  pathPrefix?: string;
  /** Tested against the URL path, and against the path with its service and region in front. */
  regex?: RegExp;
  /** Service slug: "identity", "object-store", "cdn", "compute", ... */
  service?: string;
  /** Region of the endpoint addressed. */
  region?: string;
}

export interface FaultSpec {
  match?: FaultMatch;
  /** Status to answer with instead of the real response. Omit to only delay / stall / reset. */
  status?: number;
  /** Retry-After header value: seconds, or an HTTP-date string sent as is. */
  retryAfter?: number | string;
  /** How many matching requests the fault hits (default 1; Infinity for all). */
  times?: number;
  /** Wait before answering (the real answer, or the fault's). */
  delayMs?: number;
  /** Destroy the connection instead of answering. */
  resetConnection?: boolean;
  /** Send the real status and headers, some of the body, then never finish it. */
  stallBody?: boolean;
  /** Response body for `status` (default: a service-shaped error). */
  body?: string | object;
  headers?: Record<string, string>;
}

export interface ActiveFault {
  readonly id: number;
  readonly spec: Readonly<FaultSpec>;
  /** Requests still to be hit. */
  remaining: number;
  /** Requests hit so far. */
  hits: number;
  cancel(): void;
}

/** Scripted failures tests inject to drive retries, backoff and re-auth. */
export class FaultRegistry {
  private readonly faults: ActiveFault[] = [];
  private nextId = 1;

  inject(spec: FaultSpec): ActiveFault {
    const times = spec.times ?? 1;
    if (!(times > 0)) throw new TypeError("fault.times must be > 0");
    if (spec.status !== undefined && (!Number.isInteger(spec.status) || spec.status < 200 || spec.status > 599))
      throw new TypeError("fault.status must be an HTTP status 200-599");
    const fault: ActiveFault = {
      id: this.nextId++,
      spec: { ...spec },
      remaining: times,
      hits: 0,
      cancel: () => this.remove(fault),
    };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults.length = 0;
  }

  list(): ActiveFault[] {
    return [...this.faults];
  }

  /** Finds the first fault matching the request and consumes one of its hits. */
  take(method: string, url: URL, where?: Resolved): ActiveFault | undefined {
    const fault = this.faults.find((f) => matches(f.spec.match, method, url, where));
    if (!fault) return undefined;
    fault.hits++;
    fault.remaining--;
    if (fault.remaining <= 0) this.remove(fault);
    return fault;
  }

  private remove(fault: ActiveFault): void {
    const index = this.faults.indexOf(fault);
    if (index >= 0) this.faults.splice(index, 1);
  }
}

function matches(match: FaultMatch | undefined, method: string, url: URL, where: Resolved | undefined): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.service && where?.endpoint.service.slug !== match.service) return false;
  if (match.region && where?.endpoint.region !== match.region) return false;
  // The same request named three ways: as sent, as its service sees it, and prefixed `/<slug>[/<REGION>]`.
  const paths = [url.pathname];
  if (where) {
    const { slug } = where.endpoint.service;
    paths.push(where.path, `/${slug}${where.endpoint.region ? `/${where.endpoint.region}` : ""}${where.path}`);
  }
  if (match.pathPrefix) {
    const prefix = match.pathPrefix;
    if (prefix.startsWith("/") ? !paths.some((p) => p.startsWith(prefix)) : !url.href.startsWith(prefix)) return false;
  }
  if (match.regex) {
    const regex = match.regex;
    const hit = paths.some((p) => {
      regex.lastIndex = 0;
      return regex.test(p);
    });
    if (!hit) return false;
  }
  return true;
}
