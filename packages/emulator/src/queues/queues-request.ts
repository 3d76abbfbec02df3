import type { EmulatorContext } from "../context";
import { BodyTooLarge, readBody } from "../request-body";
import type { ProjectQueues } from "./model";
import { badBody, invalid, ZaqarFault } from "./zaqar-errors";

export type ZaqarVersion = "v1" | "v2";

/** One authorised Queues request, as the route functions see it. */
export interface QueuesRequest {
  ctx: EmulatorContext;
  request: Request;
  url: URL;
  version: ZaqarVersion;
  project: string;
  store: ProjectQueues;
  /** The request's Client-ID, when it sent a valid one. */
  clientId?: string;
  /** `/v1/<tenant>` or `/v2`: hrefs the server hands out start with it (Marconi v1 says `/v1`). */
  hrefBase: string;
}

/** The request body parsed as JSON (`undefined` when empty). */
export async function jsonOf(r: QueuesRequest, limit = 1024 * 1024): Promise<unknown> {
  let raw: Buffer;
  try {
    raw = await readBody(r.request, limit);
  } catch (e) {
    if (e instanceof BodyTooLarge) throw new ZaqarFault(400, "Invalid request body", `Request body can not be larger than ${limit} bytes.`);
    throw e;
  }
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw badBody("Request body could not be parsed.");
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** oslo's bool_from_string, as Zaqar reads `echo` and `include_claimed`. */
export function flag(url: URL, name: string): boolean {
  const v = url.searchParams.get(name);
  return v !== null && ["1", "t", "true", "on", "y", "yes"].includes(v.trim().toLowerCase());
}

/** `limit` within 1..max (default `def`), in Zaqar's words when it is not. */
export function limitOf(url: URL, max: number, def: number, wording = "may not be greater than"): number {
  const raw = url.searchParams.get("limit");
  if (raw === null || raw === "") return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw invalid(`Limit must be at least 1 and ${wording} ${max}.`);
  return n;
}

/** A whole number of seconds within [min, max], or Zaqar's 400 naming the field. */
export function secondsOf(v: unknown, field: string, what: string, min: number, max: number): number {
  if (typeof v !== "number" || !Number.isInteger(v)) throw badBody(`The value of the "${field}" field must be a int.`);
  if (v < min || v > max) throw invalid(`The ${field.toUpperCase() === "TTL" ? "TTL" : field} for ${what} may not exceed ${max} seconds, and must be at least ${min} seconds long.`);
  return v;
}

/**
 * A `next` link's query as Zaqar v2 writes it: the parameters it read, in the order it reads them
 * (a marker the request carried keeps its place at the front), booleans as `true`/`false`, and the
 * new marker last when the request had none.
 */
export function nextQuery(url: URL, order: readonly string[], marker: string, always: ReadonlyArray<[string, string]> = []): string {
  const had = url.searchParams.has("marker");
  const out = new URLSearchParams();
  if (had) out.set("marker", marker);
  for (const k of order) {
    const v = url.searchParams.get(k);
    if (v === null) continue;
    out.set(k, k === "limit" ? v : String(flagValue(v)));
  }
  for (const [k, v] of always) out.set(k, v);
  if (!had) out.set("marker", marker);
  return out.toString();
}

function flagValue(v: string): boolean | string {
  const t = v.trim().toLowerCase();
  if (["1", "t", "true", "on", "y", "yes"].includes(t)) return true;
  if (["0", "f", "false", "off", "n", "no"].includes(t)) return false;
  return v;
}
