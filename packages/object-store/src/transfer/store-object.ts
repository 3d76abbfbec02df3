import { metadataFrom } from "../metadata-headers";
import type { ObjectInfo } from "../objects/models";
import type { SwiftClient } from "../swift-client";
import { storeLargeObject } from "./large-object";
import type { ObjectSource } from "./object-source";
import { putChecked } from "./put-object";
import type { StoreObjectOptions } from "./store-options";

export function isLarge(source: ObjectSource, o: StoreObjectOptions, segmentSize: number): boolean {
  if (o.largeObject || o.resume || o.manifest !== undefined) return true;
  return source.size !== undefined && source.size > segmentSize;
}

/**
 * Write checked content and options (see `storeOptions`): one checked PUT, or segments plus a
 * manifest above `segmentSize`. `headers` are the object's own (type, expiry, metadata…).
 */
export async function writeObject(
  client: SwiftClient,
  container: string,
  name: string,
  source: ObjectSource,
  o: StoreObjectOptions,
  headers: Record<string, string>,
): Promise<ObjectInfo> {
  const segmentSize = o.segmentSize ?? client.defaults.segmentSize;
  if (isLarge(source, o, segmentSize)) return storeLargeObject(client, container, name, source, o, headers, segmentSize);
  const r = await putChecked(client, container, name, source, headers, {
    etag: o.etag, chunkSize: o.chunkSize, signal: o.signal, maxBytes: segmentSize, onProgress: o.onProgress,
  });
  return {
    name,
    containerName: container,
    bytes: r.bytes,
    etag: r.etag,
    contentType: o.contentType,
    contentEncoding: o.contentEncoding,
    lastModified: r.headers["last-modified"],
    metadata: metadataFrom("Object", headers),
    headers: r.headers,
  };
}
