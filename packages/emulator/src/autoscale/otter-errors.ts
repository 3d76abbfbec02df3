import { jsonResponse } from "../respond";

/**
 * Otter's error body (reference autoscale.md, "Errors"):
 * `{"error": {"type": "NoSuchScalingGroupError", "code": 404, "message": "…", "details": ""}}`.
 */
export function otterError(status: number, type: string, message: string): Response {
  return jsonResponse(status, { error: { type, code: status, message, details: "" } });
}

/** An Otter error raised deep in a route; the handler turns it into `otterError`. */
export class OtterFault extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** Otter's schema failures are 400 `ValidationError` (the SDK's own ValidationError is a different thing: client-side). */
export const invalid = (message: string) => new OtterFault(400, "ValidationError", message);
export const noSuchGroup = (tenant: string, id: string) => new OtterFault(404, "NoSuchScalingGroupError", `No such scaling group ${id} for tenant ${tenant}`);
export const noSuchPolicy = (group: string, id: string) => new OtterFault(404, "NoSuchPolicyError", `No such scaling policy ${id} for group ${group}`);
export const noSuchWebhook = (policy: string, id: string) => new OtterFault(404, "NoSuchWebhookError", `No such webhook ${id} for policy ${policy}`);
/** Otter's wording (otter/controller.py CannotExecutePolicyError): "Cannot execute scaling policy {p} for group {g} for tenant {t}: {why}". */
export const cannotExecute = (tenant: string, group: string, policy: string, why: string) =>
  new OtterFault(403, "CannotExecutePolicyError", `Cannot execute scaling policy ${policy} for group ${group} for tenant ${tenant}: ${why}`);
