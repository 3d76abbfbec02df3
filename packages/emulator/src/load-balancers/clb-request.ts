import { isIP } from "node:net";
import type { EmulatorContext } from "../context";
import { BodyTooLarge, readBody } from "../request-body";
import { ClbFault, invalid, schemaMismatch } from "./clb-errors";
import type { RegionClb } from "./model";

/** One authorised CLB request, as the route functions see it. */
export interface ClbRequest {
  ctx: EmulatorContext;
  request: Request;
  url: URL;
  clb: RegionClb;
  tenant: string;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The JSON object body. Not JSON → 400 (reference §4 "schema" row: the message CLB gives a body it cannot read). */
export async function jsonBody(r: ClbRequest): Promise<Record<string, unknown>> {
  let raw: Buffer;
  try {
    raw = await readBody(r.request, 1024 * 1024);
  } catch (e) {
    if (e instanceof BodyTooLarge) throw new ClbFault(413, "Request entity too large");
    throw e;
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.toString("utf8"));
  } catch {
    throw schemaMismatch();
  }
  if (!isObject(data)) throw schemaMismatch();
  return data;
}

/** `body[key]` as an object, or 400. */
export function entity(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const e = body[key];
  if (!isObject(e)) throw schemaMismatch();
  return e;
}

export const isIp = (s: unknown): s is string => typeof s === "string" && isIP(s) !== 0;

export function isIpOrCidr(s: unknown): s is string {
  if (typeof s !== "string") return false;
  const [addr, bits, ...rest] = s.split("/");
  const v = isIP(addr ?? "");
  if (v === 0 || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (v === 4 ? 32 : 128));
}

export const isPort = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65535;

/** CLB's docs write booleans; pyrax sent "true"/"false" (load-balancers.md connection_logging row): both accepted. */
export function flag(v: unknown, field: string): boolean {
  if (v === true || v === "true") return true;
  if (v === false || v === "false") return false;
  throw invalid(`${field} must be true or false`);
}

/** The `id` query values (bulk deletes: `?id=1&id=2`), at most `max` (BATCH_DELETE_LIMIT). */
export function queryIds(r: ClbRequest, max = 10): number[] {
  const ids = r.url.searchParams.getAll("id");
  if (ids.length > max) throw invalid(`Must supply no more than ${max} ids per request`);
  return ids.map((x) => {
    if (!/^\d+$/.test(x)) throw invalid(`Invalid id: ${x}`);
    return Number(x);
  });
}
