import { isIP, isIPv4, isIPv6 } from "node:net";
import type { EmulatorContext } from "../context";
import { BodyTooLarge, readBody } from "../request-body";
import { DnsFault, DnsValidation } from "./dns-errors";
import type { DnsAccount } from "./model";

/** One authorised Cloud DNS request, as the route functions see it. */
export interface DnsRequest {
  ctx: EmulatorContext;
  request: Request;
  url: URL;
  account: DnsAccount;
  /** `…/v1.0/{tenant}` as the client reached it: links and callback URLs start here. */
  base: string;
}

/** The request's JSON object body, and its text (jobs keep the original request as a string). */
export async function jsonBody(r: DnsRequest): Promise<{ body: Record<string, unknown>; text: string }> {
  let raw: Buffer;
  try {
    raw = await readBody(r.request, 1024 * 1024);
  } catch (e) {
    if (e instanceof BodyTooLarge) throw new DnsFault(413, "Request Entity Too Large", "The request body is too large.");
    throw e;
  }
  const text = raw.toString("utf8");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new DnsFault(400, "Bad Request", "The request body could not be parsed as JSON.");
  }
  if (!isObject(data)) throw new DnsFault(400, "Bad Request", "The request body must be a JSON object.");
  return { body: data, text };
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * dns.md "Pagination": `limit` (default and maximum 100) and `offset` (0 or a multiple of `limit`,
 * else 400); collections carry `totalEntries` and `links` with `rel` "next" / "previous".
 */
export function page<T>(r: DnsRequest, rows: T[], path: string, keep: Record<string, string> = {}): { rows: T[]; totalEntries: number; links?: Array<{ content: string; href: string; rel: string }> } {
  const rawLimit = r.url.searchParams.get("limit");
  const rawOffset = r.url.searchParams.get("offset");
  const limit = rawLimit === null ? 100 : Number(rawLimit);
  const offset = rawOffset === null ? 0 : Number(rawOffset);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new DnsValidation(["limit must be between 1 and 100"]);
  if (!Number.isInteger(offset) || offset < 0 || offset % limit !== 0) throw new DnsValidation(["offset must be 0 or a multiple of limit"]);
  const out = rows.slice(offset, offset + limit);
  const href = (o: number) => {
    const q = new URLSearchParams({ ...keep, limit: String(limit), offset: String(o) });
    return `${r.base}/${path}?${q.toString()}`;
  };
  const links: Array<{ content: string; href: string; rel: string }> = [];
  if (offset > 0) links.push({ content: "", href: href(Math.max(0, offset - limit)), rel: "previous" });
  if (offset + limit < rows.length) links.push({ content: "", href: href(offset + limit), rel: "next" });
  return { rows: out, totalEntries: rows.length, ...(links.length ? { links } : {}) };
}

export const SUPPORTED_TYPES = ["A", "AAAA", "CNAME", "MX", "NS", "TXT", "SRV", "PTR"];
const HOST = /^(?:\*\.)?(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.)*[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;
export const isHost = (s: string) => s.length <= 253 && HOST.test(s);
export const isFqdn = (s: string) => isHost(s) && s.includes(".") && !s.startsWith("*");

/** The seed's "Adding DNS Records" rules, as Cloud DNS's validation messages; [] when the record is good. */
export function recordProblems(rec: Record<string, unknown>, i: number, full: boolean): string[] {
  const at = `records[${i}]`;
  const out: string[] = [];
  const type = typeof rec.type === "string" ? rec.type.toUpperCase() : undefined;
  if (full && !type) out.push(`${at}.type: is required`);
  else if (type && !SUPPORTED_TYPES.includes(type)) out.push(`${at}.type: ${String(rec.type)} is not a supported record type`);
  if (full && (typeof rec.name !== "string" || !isHost(rec.name))) out.push(`${at}.name: must be a valid domain name`);
  const data = rec.data;
  if (full && (typeof data !== "string" || data === "")) out.push(`${at}.data: is required`);
  if (typeof data === "string" && type) {
    if (type === "A" && !isIPv4(data)) out.push(`${at}.data: must be a valid IPv4 address`);
    if (type === "AAAA" && !isIPv6(data)) out.push(`${at}.data: must be a valid IPv6 address`);
    if (type === "PTR" && !isIP(data)) out.push(`${at}.data: must be a valid IP address`);
    if ((type === "CNAME" || type === "MX" || type === "NS") && !isHost(data)) out.push(`${at}.data: must be a valid host name`);
  }
  const p = rec.priority;
  if (type === "MX" || type === "SRV") {
    if (full && p === undefined) out.push(`${at}.priority: is required for ${type} records`);
    if (p !== undefined && (!Number.isInteger(p) || (p as number) < 0 || (p as number) > 65535)) out.push(`${at}.priority: must be an integer from 0 to 65535`);
  } else if (type && p !== undefined && p !== null) out.push(`${at}.priority: is only allowed for MX and SRV records`);
  out.push(...ttlProblems(rec.ttl, at), ...commentProblems(rec.comment, at));
  return out;
}

/** dns.md "Rules": TTL ≥ 300. */
export function ttlProblems(ttl: unknown, at: string): string[] {
  if (ttl === undefined || ttl === null) return [];
  return Number.isInteger(ttl) && (ttl as number) >= 300 && (ttl as number) <= 2147483647 ? [] : [`${at}.ttl: must be an integer of at least 300`];
}

/** dns.md "Rules": comment ≤ 160 characters. */
export function commentProblems(c: unknown, at: string): string[] {
  if (c === undefined || c === null) return [];
  return typeof c === "string" && c.length <= 160 ? [] : [`${at}.comment: must be a string of at most 160 characters`];
}

export function emailProblems(e: unknown, at: string, required: boolean): string[] {
  if (e === undefined || e === null) return required ? [`${at}.emailAddress: is required`] : [];
  return typeof e === "string" && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e) ? [] : [`${at}.emailAddress: must be a valid email address`];
}
