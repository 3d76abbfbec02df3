/** One line of the emulator's request log: enough to count calls, never a secret. */
export interface RequestLogEntry {
  method: string;
  /** URL path without the query string (temp-URL signatures live there); token ids in paths are masked. */
  path: string;
  status: number;
  /** First path segment: "identity", "object-store", "cdn", "compute", ... */
  service: string;
  /** Set when an injected fault produced or shaped the response. */
  fault?: boolean;
  /** Epoch ms (emulator clock). */
  at: number;
}

export function serviceOf(pathname: string): string {
  const first = pathname.split("/")[1];
  return first ? decodeURIComponentSafe(first) : "";
}

/** Token ids appear in identity validation paths; the log must not carry them. */
export function loggablePath(pathname: string): string {
  return pathname.replace(/(\/tokens\/)[^/]+/, "$1***");
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
