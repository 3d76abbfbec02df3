import type { EmulatorContext } from "../context";
import { BodyTooLarge, readBody } from "../request-body";
import type { ComputeState, RegionCompute } from "./model";
import { badRequest, forbidden, NovaFault } from "./nova-errors";
import type { LinkBase } from "./views";

// Nova's osapi max_request_body_size.
const MAX_BODY = 114_688;

/** One authorised Nova request, as the route functions see it. */
export interface NovaRequest {
  ctx: EmulatorContext;
  request: Request;
  url: URL;
  compute: ComputeState;
  region: RegionCompute;
  tenantId: string;
  userId: string;
  at: LinkBase;
  /** Role names the token carries (Keystone's implied roles included). */
  roles: readonly string[];
  /** Path segments after `/<version>/<tenant>`, decoded. */
  path: string[];
}

/** The JSON object body; Nova answers 400 to anything else. */
export async function jsonBody(r: NovaRequest): Promise<Record<string, unknown>> {
  let raw: Buffer;
  try {
    raw = await readBody(r.request, MAX_BODY);
  } catch (e) {
    if (e instanceof BodyTooLarge) throw new NovaFault(413, "Request is too large.");
    throw e;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch {
    throw badRequest("Malformed request body");
  }
  if (!isObject(parsed)) throw badRequest("Malformed request body");
  return parsed;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Nova's JSON-schema message for a bad field. */
export function invalid(field: string, why: string): NovaFault {
  return badRequest(`Invalid input for field/attribute ${field}. Value: ${why}`);
}

/** The object under `key` (`{"server": {…}}`), or 400. */
export function member(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = body[key];
  if (!isObject(v)) throw badRequest(`Invalid input for field/attribute ${key}. '${key}' is a required property`);
  return v;
}

/**
 * Nova's admin-only calls (os-resetState): allowed to Keystone's `admin` role, and to a Rackspace
 * account's user-admin (the seed's `cs.servers.reset_state` is run by account owners).
 */
export function requireAdmin(r: NovaRequest, policy: string): void {
  if (r.roles.includes("admin") || r.roles.includes("identity:user-admin")) return;
  throw forbidden(`Policy doesn't allow ${policy} to be performed.`);
}
