import type { EmulatorContext } from "../context";
import { reasonPhrase } from "../reason-phrases";
import { jsonResponse } from "../respond";

/** Rackspace / Keystone v2.0 fault body: `{"<fault>":{"code":N,"message":"..."}}`. */
export function v2Fault(status: number, message: string): Response {
  const key =
    { 400: "badRequest", 401: "unauthorized", 403: "userDisabled", 404: "itemNotFound", 405: "badMethod", 413: "overLimit", 503: "serviceUnavailable" }[
      status
    ] ?? "identityFault";
  return jsonResponse(status, { [key]: { code: status, message } });
}

/** Keystone v3 error body: `{"error":{"code":N,"message":"...","title":"..."}}`. */
export function v3Error(status: number, message: string): Response {
  return jsonResponse(status, { error: { code: status, message, title: reasonPhrase(status) } });
}

/** Keystone appends this to every 400 its request validation raises. */
const V3_VALIDATION_SUFFIX =
  " The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.";

/** Keystone's 400 for a malformed request body, worded as Keystone words it. */
export function v3BadRequest(message: string): Response {
  return v3Error(400, `${message}${V3_VALIDATION_SUFFIX}`);
}

/** Keystone's policy refusal: 403 naming the rule (`identity:validate_token`), or none. */
export function v3Forbidden(rule?: string): Response {
  return v3Error(403, `You are not authorized to perform the requested action${rule ? `: ${rule}` : ""}.`);
}

export const V3_UNAUTHORIZED = "The request you have made requires authentication.";

/**
 * Keystone's 401: its body plus the `WWW-Authenticate` challenge naming the
 * v3 endpoint, which keystoneauth and the openstack CLI use to find where to
 * authenticate.
 */
export function v3Unauthorized(ctx: EmulatorContext): Response {
  const response = v3Error(401, V3_UNAUTHORIZED);
  response.headers.set("www-authenticate", `Keystone uri="${ctx.publicUrl}/v3"`);
  return response;
}
