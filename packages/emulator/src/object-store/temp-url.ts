import { createHmac, timingSafeEqual } from "node:crypto";
import { headerBytes, pyQuote } from "./header-text";
import type { Account, Container } from "./model";

export interface TempUrlGrant {
  /** Content-Disposition the response must carry, when the URL asks for one. */
  filename?: string;
  inline: boolean;
  /** Epoch seconds the URL stops working (Swift sends it as the response's Expires). */
  expires: number;
  /** A container's key signed it: it reaches nothing outside that container (large-object segments included). */
  scope: "account" | "container";
}

const HEX_DIGEST_BY_LENGTH: Record<number, "sha1" | "sha256" | "sha512"> = { 40: "sha1", 64: "sha256", 128: "sha512" };

/** Which request methods a signature made for `method` also admits (Swift: HEAD rides on GET/PUT/POST). */
function signedMethodsFor(method: string): string[] {
  return method === "HEAD" ? ["HEAD", "GET", "PUT", "POST"] : [method];
}

function parseExpires(raw: string): number | undefined {
  if (/^\d+$/.test(raw)) return Number(raw);
  // Swift also accepts ISO 8601 UTC (2021-01-01T00:00:00Z).
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(raw)) return Date.parse(raw) / 1000;
  return undefined;
}

function signatureBytes(sig: string): { digest: "sha1" | "sha256" | "sha512"; bytes: Buffer } | undefined {
  const colon = sig.indexOf(":");
  if (colon >= 0) {
    const digest = sig.slice(0, colon);
    if (digest !== "sha1" && digest !== "sha256" && digest !== "sha512") return undefined;
    // Swift accepts standard and URL-safe base64, padding optional.
    const b64 = sig.slice(colon + 1).replace(/-/g, "+").replace(/_/g, "/");
    return { digest, bytes: Buffer.from(b64, "base64") };
  }
  const digest = HEX_DIGEST_BY_LENGTH[sig.length];
  if (!digest || !/^[0-9a-fA-F]+$/.test(sig)) return undefined;
  return { digest, bytes: Buffer.from(sig, "hex") };
}

function tempUrlKeys(account: Account, container: Container | undefined): Array<[string, TempUrlGrant["scope"]]> {
  const keys: Array<[string | undefined, TempUrlGrant["scope"]]> = [
    [account.meta.get("temp-url-key"), "account"],
    [account.meta.get("temp-url-key-2"), "account"],
  ];
  if (container) keys.push([container.meta.get("temp-url-key"), "container"], [container.meta.get("temp-url-key-2"), "container"]);
  return keys.filter((k): k is [string, TempUrlGrant["scope"]] => k[0] !== undefined && k[0] !== "");
}

/**
 * Validates `temp_url_sig` / `temp_url_expires` (and `temp_url_prefix`)
 * against the account's and the container's keys: HMAC over
 * `METHOD\nEXPIRES\nPATH` with SHA-1, SHA-256 or SHA-512, hex or
 * `<digest>:<base64>`. Undefined means 401.
 */
export function checkTempUrl(
  url: URL,
  method: string,
  swiftPath: string,
  objectName: string,
  account: Account,
  container: Container | undefined,
  nowSeconds: number,
): TempUrlGrant | undefined {
  const q = url.searchParams;
  const sig = q.get("temp_url_sig");
  const rawExpires = q.get("temp_url_expires");
  if (!sig || !rawExpires) return undefined;
  const expires = parseExpires(rawExpires);
  if (expires === undefined || expires < nowSeconds) return undefined;
  const parsed = signatureBytes(sig);
  if (!parsed) return undefined;
  const prefix = q.get("temp_url_prefix");
  let signedPath = swiftPath;
  if (prefix !== null) {
    if (!objectName.startsWith(prefix)) return undefined;
    const containerPath = swiftPath.slice(0, swiftPath.length - objectName.length);
    signedPath = `prefix:${containerPath}${prefix}`;
  }
  const ipRange = q.get("temp_url_ip_range");
  for (const [key, scope] of tempUrlKeys(account, container)) {
    for (const signed of signedMethodsFor(method)) {
      const body = `${ipRange !== null ? `ip=${ipRange}\n` : ""}${signed}\n${expires}\n${signedPath}`;
      // The key is the bytes it was stored as (UTF-8 keys included), not the chars Node read them as.
      const expected = createHmac(parsed.digest, headerBytes(key)).update(body).digest();
      if (expected.length === parsed.bytes.length && timingSafeEqual(expected, parsed.bytes)) {
        const filename = q.get("filename");
        return { ...(filename !== null ? { filename } : {}), inline: q.has("inline"), expires, scope };
      }
    }
  }
  return undefined;
}

/** The Content-Disposition Swift's tempurl middleware puts on GET responses. */
export function tempUrlDisposition(grant: TempUrlGrant, objectName: string, stored: string | undefined): string | undefined {
  // Swift's disposition_format: both forms %-escaped, so any name fits in a header.
  const quoteName = (name: string) => `filename="${pyQuote(name, " /")}"; filename*=UTF-8''${pyQuote(name)}`;
  if (grant.inline) return grant.filename !== undefined ? `inline; ${quoteName(grant.filename)}` : "inline";
  if (grant.filename !== undefined) return `attachment; ${quoteName(grant.filename)}`;
  if (stored !== undefined) return stored;
  const path = objectName.replace(/\/+$/, "");
  return `attachment; ${quoteName(path.slice(path.lastIndexOf("/") + 1))}`;
}
