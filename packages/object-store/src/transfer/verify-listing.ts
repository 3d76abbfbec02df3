import { type ObjectListing, walkObjects } from "../objects/listing";
import type { SwiftClient } from "../swift-client";

const utf8Compare = (a: string, b: string) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));

function commonPrefix(a: string, b: string): string {
  const x = [...a];
  const y = [...b];
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return x.slice(0, i).join("");
}

/**
 * The listing rows of `names` in `container`, from ONE paged listing that covers just their range:
 * prefix = their common prefix, marker just before the first (in Swift's UTF-8 byte order) and
 * end_marker just after the last, so the server renders no rows past it (a prefix alone let it
 * render up to 10,000 rows of a big folder per archive). A name with no row is absent from the map.
 */
export async function listedRows(client: SwiftClient, container: string, names: readonly string[], signal?: AbortSignal): Promise<Map<string, ObjectListing>> {
  const found = new Map<string, ObjectListing>();
  if (names.length === 0) return found;
  const sorted = [...names].sort(utf8Compare);
  const first = sorted[0] as string;
  const last = sorted[sorted.length - 1] as string;
  const wanted = new Set(names);
  // A proper prefix of `first` sorts before it: the walk starts at `first` or a few names earlier.
  const marker = [...first].slice(0, -1).join("");
  const prefix = commonPrefix(first, last);
  // end_marker is exclusive; Swift refuses NUL in names, so nothing sorts between `last` and `last`+U+0001.
  const endMarker = `${last}\u0001`;
  for await (const row of walkObjects(client, container, { prefix: prefix || undefined, marker: marker || undefined, endMarker, signal })) {
    if (row.isSubdir) continue;
    if (utf8Compare(row.name, last) > 0) break;
    if (wanted.has(row.name)) found.set(row.name, row);
  }
  return found;
}
