import type { EmulatorContext } from "../context";
import { BodyTooLarge, readBody } from "../request-body";
import { GlanceFault } from "./glance-errors";
import type { RegionImages } from "./model";

/** One authorised Glance request, as the route functions see it. */
export interface GlanceRequest {
  ctx: EmulatorContext;
  request: Request;
  url: URL;
  glance: RegionImages;
  region: string;
  project: string;
  admin: boolean;
}

export async function jsonBody(r: GlanceRequest): Promise<unknown> {
  let raw: Buffer;
  try {
    raw = await readBody(r.request, 1024 * 1024);
  } catch (e) {
    if (e instanceof BodyTooLarge) throw new GlanceFault(413, "Request is too large.");
    throw e;
  }
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw new GlanceFault(400, "Malformed JSON in request body.");
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
