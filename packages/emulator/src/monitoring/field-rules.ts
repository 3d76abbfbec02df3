import { isIP } from "node:net";
import { invalid } from "./maas-errors";
import { isObject } from "./maas-request";

// The service's field checks, each failing as `Validation error for key '<key>'` (monitoring.md
// "Errors": pyrax parses that text). Bounds are the seed's where it gives them (period 30–1800,
// timeout below the period), Rackspace's API docs otherwise (label ≤ 255; inferred).

export function text(body: Record<string, unknown>, key: string, o: { required?: boolean; max?: number } = {}): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) {
    if (o.required) throw invalid(key, "Missing required key");
    return undefined;
  }
  if (typeof v !== "string") throw invalid(key, "Value must be a string");
  if (o.required && v.trim() === "") throw invalid(key, "Value must not be empty");
  if (v.length > (o.max ?? 255)) throw invalid(key, `Value must be at most ${o.max ?? 255} characters`);
  return v;
}

export function bool(body: Record<string, unknown>, key: string): boolean | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") throw invalid(key, "Value must be a boolean");
  return v;
}

export function int(body: Record<string, unknown>, key: string, min: number, max: number): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v)) throw invalid(key, "Value must be an integer");
  if (v < min || v > max) throw invalid(key, `Value must be between ${min} and ${max}`);
  return v;
}

export function metadata(body: Record<string, unknown>, key = "metadata"): Record<string, string> | null | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (!isObject(v)) throw invalid(key, "Value must be a hash");
  // The API's attribute tables: "Array or object with number of items between 0 and 256".
  if (Object.keys(v).length > 256) throw invalid(key, "Value must have at most 256 items");
  for (const [k, x] of Object.entries(v)) {
    if (k.length < 1 || k.length > 255) throw invalid(`${key}.${k}`, "Keys must be 1-255 characters");
    if (typeof x !== "string" || x.length > 255) throw invalid(`${key}.${k}`, "Values must be strings of at most 255 characters");
  }
  return v as Record<string, string>;
}

export function ipAddresses(body: Record<string, unknown>): Record<string, string> | null | undefined {
  const v = body.ip_addresses;
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (!isObject(v)) throw invalid("ip_addresses", "Value must be a hash of alias to IP address");
  if (Object.keys(v).length > 64) throw invalid("ip_addresses", "Value must have at most 64 items");
  for (const [alias, ip] of Object.entries(v)) {
    if (alias.length < 1 || alias.length > 64) throw invalid("ip_addresses", "Aliases must be 1-64 characters");
    if (typeof ip !== "string" || isIP(ip) === 0) throw invalid(`ip_addresses.${alias}`, "Value must be an IPv4 or IPv6 address");
  }
  return v as Record<string, string>;
}

/** `agent_id`: the API's entity table, "String matching the regex /^[-.\w]{1,255}$/". */
export function agentId(body: Record<string, unknown>): string | undefined {
  const v = text(body, "agent_id");
  if (v !== undefined && !/^[-.\w]{1,255}$/.test(v)) throw invalid("agent_id", "Value must match /^[-.\\w]{1,255}$/");
  return v;
}

/** A DNS name: labels of letters, digits and inner hyphens, 1–63 characters each, 253 in all. */
function isHostname(v: string): boolean {
  const name = v.endsWith(".") ? v.slice(0, -1) : v;
  return name.length > 0 && name.length <= 253 && name.split(".").every((l) => /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/.test(l));
}

/** `target_hostname`: the API's check table, "Valid FQDN, IPv4, or IPv6 address" (a URL is not one). */
export function targetHostname(body: Record<string, unknown>): string | undefined {
  const v = text(body, "target_hostname");
  if (v !== undefined && v !== "" && isIP(v) === 0 && !isHostname(v)) throw invalid("target_hostname", "Value must be a valid FQDN, IPv4 or IPv6 address");
  return v;
}

export function stringList(body: Record<string, unknown>, key: string): string[] | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) throw invalid(key, "Value must be a list of strings");
  return v as string[];
}

export function hash(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw invalid(key, "Value must be a hash");
  return v;
}
