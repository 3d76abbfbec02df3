import type { EmulatorContext } from "../context";
import { BodyTooLarge, readBody } from "../request-body";
import type { RegionAutoscale } from "./model";
import { invalid, OtterFault } from "./otter-errors";
import type { LinkBase } from "./views";

/** One authorised Auto Scale request, as the route functions see it. */
export interface OtterRequest {
  ctx: EmulatorContext;
  request: Request;
  url: URL;
  region: RegionAutoscale;
  tenantId: string;
  userId: string;
  at: LinkBase;
}

/** The JSON body (any JSON value: policy and webhook creates take arrays). */
export async function jsonBody(r: OtterRequest): Promise<unknown> {
  let raw: Buffer;
  try {
    raw = await readBody(r.request, 1024 * 1024);
  } catch (e) {
    if (e instanceof BodyTooLarge) throw new OtterFault(413, "RequestTooLarge", "Request is too large.");
    throw e;
  }
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw new OtterFault(400, "InvalidJsonError", "Request body is not valid JSON.");
  }
}

/**
 * `limit` + `marker` paging over rows sorted by id (reference autoscale.md, "Pagination"): limit
 * 1–100, more is held to 100 ("defaulted to 100"; the docs' 413 for >100 is not followed here);
 * `marker` = the last id seen. A full page carries a `next` link.
 */
export function page<T extends { id: string }>(r: OtterRequest, rows: T[], href: string): { rows: T[]; links: Array<{ rel: string; href: string }> } {
  const q = r.url.searchParams;
  const rawLimit = q.get("limit");
  let limit = 100;
  if (rawLimit !== null) {
    const n = Number(rawLimit);
    if (!Number.isInteger(n) || n < 1) throw new OtterFault(400, "InvalidQueryArgument", `Invalid query argument for limit: ${rawLimit}`);
    limit = Math.min(n, 100);
  }
  const marker = q.get("marker");
  const after = marker ? rows.filter((x) => x.id > marker) : rows;
  const out = after.slice(0, limit);
  const last = out[out.length - 1];
  return { rows: out, links: out.length === limit && last ? [{ rel: "next", href: `${href}?limit=${limit}&marker=${encodeURIComponent(last.id)}` }] : [] };
}

/** Creates take a JSON array (reference: POST …/policies and …/webhooks bodies). */
export function arrayBody(body: unknown, what: string): unknown[] {
  if (!Array.isArray(body) || body.length === 0) throw invalid(`${what} must be a non-empty JSON array`);
  return body;
}
