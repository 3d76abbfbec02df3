import { restoreDotSegments } from "../raw-request";
import { swiftError } from "./errors";

/** What a Swift URL addresses: `/v1/<account>[/<container>[/<object>]]` at a region's endpoint. */
export interface StorageTarget {
  region: string;
  account: string;
  container?: string;
  object?: string;
  /** The decoded `/v1/<account>/<container>/<object>` path temp-URL signatures cover. */
  swiftPath: string;
}

/**
 * Swift decodes the whole path before splitting it, so `%2F` in the
 * container segment separates container from object, as it does on a real
 * proxy. `dotMarker` is the one the server put on dot segments (`..` is a name Swift keeps).
 */
export function parseTarget(url: URL, region: string, dotMarker: string | null = null): StorageTarget | Response {
  const segments = url.pathname.split("/");
  if (segments[1] !== "v1") return swiftError(404);
  const rawAccount = safeDecode(segments[2] ?? "");
  const account = rawAccount === undefined ? undefined : restoreDotSegments(rawAccount, dotMarker);
  if (!account) return swiftError(404);
  const decoded = safeDecode(segments.slice(3).join("/"));
  const rest = decoded === undefined ? undefined : restoreDotSegments(decoded, dotMarker);
  if (account === undefined || rest === undefined || rest.includes("\u0000") || account.includes("\u0000"))
    return swiftError(412, "Invalid UTF8 or contains NULL");
  const cut = rest.indexOf("/");
  const container = cut < 0 ? rest : rest.slice(0, cut);
  const object = cut < 0 ? "" : rest.slice(cut + 1);
  if (!container && object) return swiftError(400, "Bad URL");
  const target: StorageTarget = { region, account, swiftPath: `/v1/${account}${rest ? `/${rest}` : ""}` };
  if (container) target.container = container;
  if (object) target.object = object;
  return target;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
