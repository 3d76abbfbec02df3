import { randomBytes } from "node:crypto";
import { registerSecret, ValidationError } from "@rax/core";
import { countHeader, type ResponseRef } from "../count-headers";
import { type Metadata, metadataFrom, toWire, metaHeaderName, metaHeaders } from "../metadata-headers";
import { checkBool, checkMetadataArg, checkObject, checkSignal, signalOption } from "../options";
import { OK } from "../success-status";
import { storage, type SwiftClient } from "../swift-client";

export interface AccountInfo {
  containerCount: number;
  objectCount: number;
  bytesUsed: number;
  /** `X-Account-Meta-*`, lower-case keys without the prefix (the temp-URL keys included). */
  metadata: Metadata;
}

function registerTempUrlKeys(headers: Record<string, string>): void {
  registerSecret(headers["x-account-meta-temp-url-key"]);
  registerSecret(headers["x-account-meta-temp-url-key-2"]);
}

async function headAccountResponse(client: SwiftClient, signal?: AbortSignal): Promise<ResponseRef> {
  const res = await storage(client, { method: "HEAD", ok: OK.head, path: "", signal });
  await res.dump();
  // Lower-case again in case a proxy hands back mixed case: pyrax's case-sensitive prefix strip
  // lost the temp-URL key that way.
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) headers[k.toLowerCase()] = v;
  registerTempUrlKeys(headers);
  return { status: res.status, method: res.method, url: res.url, requestId: res.requestId, headers };
}

export async function headAccount(client: SwiftClient, signal?: AbortSignal): Promise<Record<string, string>> {
  return (await headAccountResponse(client, signal)).headers;
}

export async function getAccountDetails(client: SwiftClient, options?: unknown): Promise<AccountInfo> {
  const res = await headAccountResponse(client, signalOption(options));
  return {
    containerCount: countHeader(res, "x-account-container-count"),
    objectCount: countHeader(res, "x-account-object-count"),
    bytesUsed: countHeader(res, "x-account-bytes-used"),
    metadata: metadataFrom("Account", res.headers),
  };
}

export async function getAccountMetadata(client: SwiftClient, options?: unknown): Promise<Metadata> {
  return metadataFrom("Account", await headAccount(client, signalOption(options)));
}

/** Add (default) or, with `clear: true`, replace the account metadata. */
export async function setAccountMetadata(client: SwiftClient, meta: unknown, options?: unknown): Promise<void> {
  checkMetadataArg(meta);
  const o = checkObject(options, "options", ["clear", "signal"]);
  const clear = checkBool(o.clear, "options.clear") ?? false;
  const signal = checkSignal(o.signal);
  const headers: Record<string, string> = metaHeaders("Account", meta);
  if (clear) {
    // An empty value deletes a key; send one for every existing key the new set does not keep.
    const existing = metadataFrom("Account", await headAccount(client, signal));
    for (const key of Object.keys(existing)) {
      const name = `x-account-meta-${key}`;
      if (!(name in headers)) headers[name] = "";
    }
  }
  const res = await storage(client, { method: "POST", ok: OK.post, path: "", headers, signal });
  await res.dump();
}

export async function removeAccountMetadataKey(client: SwiftClient, key: unknown, options?: unknown): Promise<void> {
  if (typeof key !== "string") throw new ValidationError("key", "must be a string");
  const name = metaHeaderName("Account", key, "key");
  const signal = signalOption(options);
  const res = await storage(client, { method: "POST", ok: OK.post, path: "", headers: { [name]: "" }, signal });
  await res.dump();
}

export async function setTempUrlKey(client: SwiftClient, key: unknown, options?: unknown): Promise<string> {
  // HTTP drops a header value's surrounding whitespace, so such a key would be stored as another
  // than the one returned, and every URL signed with it would be refused.
  if (key !== undefined && (typeof key !== "string" || key.trim() !== key || key.length === 0 || /[\r\n\0]/.test(key)))
    throw new ValidationError("key", "must be a non-empty string without CR/LF/NUL or surrounding whitespace");
  const signal = signalOption(options);
  const value = (key as string | undefined) ?? randomBytes(16).toString("hex");
  registerSecret(value);
  const res = await storage(client, { method: "POST", ok: OK.post, path: "", headers: { "x-account-meta-temp-url-key": toWire(value) }, signal });
  await res.dump();
  return value;
}

export async function getTempUrlKey(client: SwiftClient, options?: unknown): Promise<string | undefined> {
  const h = await headAccount(client, signalOption(options));
  return h["x-account-meta-temp-url-key"] || undefined;
}
