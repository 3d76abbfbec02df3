/** One line of the emulator's request log: enough to count calls, never a secret. */
export interface RequestLogEntry {
  method: string;
  /** URL path as the service sees it (no `/<slug>/<REGION>` prefix, no query string: temp-URL signatures live there); token ids in paths are masked. */
  path: string;
  status: number;
  /** The service's slug: "identity", "object-store", "cdn", "compute", ... ("" for a URL that is no endpoint's). */
  service: string;
  /** The endpoint's region; absent for global services. */
  region?: string;
  /** Set when an injected fault produced or shaped the response. */
  fault?: boolean;
  /** Epoch ms (emulator clock). */
  at: number;
}

/** Token ids appear in identity validation paths; the log must not carry them. */
export function loggablePath(pathname: string): string {
  return pathname.replace(/(\/tokens\/)[^/]+/, "$1***");
}
