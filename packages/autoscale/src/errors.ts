import { Forbidden, HttpError, httpErrorInit, NotFound, notFoundError } from "@rax/core";

// Otter's error body is `{"error": {"type": "NoSuchScalingGroupError", "code": 404, "message": …}}`
// (reference autoscale.md, "Errors"); core puts `type` in `HttpError.code`, and these classes
// give the types pyrax users catch their own names.

/** The scaling group does not exist (404 `NoSuchScalingGroupError`). */
export class NoSuchScalingGroup extends /* @__PURE__ */ notFoundError("NoSuchScalingGroup", "scaling group", "group") {}

/** The policy does not exist in this group (404 `NoSuchPolicyError`). */
export class NoSuchPolicy extends /* @__PURE__ */ notFoundError("NoSuchPolicy", "scaling policy", "policy") {}

/** The webhook does not exist on this policy (404 `NoSuchWebhookError`). */
export class NoSuchWebhook extends /* @__PURE__ */ notFoundError("NoSuchWebhook", "webhook", "webhook") {}

/** The group is paused: policies and webhooks do not run until `resume()` (403 `GroupPausedError`). */
export class GroupPaused extends Forbidden {
  static override readonly errorName: string = "GroupPaused";
  constructor(
    readonly group: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from, `Scaling group ${group} is paused: ${from.serverMessage}`));
  }
}

/**
 * The group still has servers (403 `GroupNotEmptyError`): set minEntities and maxEntities to 0 and
 * wait for them to go, or delete with `{ force: true }`.
 */
export class GroupNotEmpty extends Forbidden {
  static override readonly errorName: string = "GroupNotEmpty";
  constructor(
    readonly group: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from, `Scaling group ${group} still has servers: ${from.serverMessage}`));
  }
}

/**
 * The policy was not run (403 `CannotExecutePolicyError`): a group or policy cooldown is still
 * running, or the result would not change the group's desired capacity (already at min or max).
 */
export class CannotExecutePolicy extends Forbidden {
  static override readonly errorName: string = "CannotExecutePolicy";
  constructor(
    readonly policy: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from, `Policy ${policy} was not executed: ${from.serverMessage}`));
  }
}

/**
 * A server could not leave the group with `replace: false`: one fewer would go below minEntities
 * (403 `CannotDeleteServerBelowMinError`, otter/rest/errors.py). Lower minEntities first.
 */
export class CannotDeleteServerBelowMin extends Forbidden {
  static override readonly errorName: string = "CannotDeleteServerBelowMin";
  constructor(
    readonly group: string,
    readonly server: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from, `Server ${server} cannot leave scaling group ${group} without a replacement: ${from.serverMessage}`));
  }
}

/** Which resources a call addressed, for naming them in a refined error. */
export interface Addressed {
  group: string;
  policy?: string;
  webhook?: string;
  server?: string;
}

/**
 * Turns Otter's typed errors into the classes above (by the body's `type`); a 404 without a known
 * type names the innermost resource the call addressed. Anything else passes through unchanged.
 */
export function refineError(e: unknown, at: Addressed): unknown {
  if (!(e instanceof HttpError)) return e;
  const type = typeof e.code === "string" ? e.code : undefined;
  if (e instanceof NotFound) {
    if (type === "NoSuchWebhookError" && at.webhook) return new NoSuchWebhook(at.webhook, e);
    if (type === "NoSuchPolicyError" && at.policy) return new NoSuchPolicy(at.policy, e);
    if (type === "NoSuchScalingGroupError") return new NoSuchScalingGroup(at.group, e);
    // Another Otter type (ServerNotFoundError …) names something else: left as it is.
    if (type !== undefined && type.endsWith("Error")) return e;
    if (at.webhook) return new NoSuchWebhook(at.webhook, e);
    if (at.policy) return new NoSuchPolicy(at.policy, e);
    return new NoSuchScalingGroup(at.group, e);
  }
  if (e instanceof Forbidden) {
    if (type === "GroupPausedError") return new GroupPaused(at.group, e);
    if (type === "GroupNotEmptyError") return new GroupNotEmpty(at.group, e);
    if (type === "CannotExecutePolicyError") return new CannotExecutePolicy(at.policy ?? at.group, e);
    if (type === "CannotDeleteServerBelowMinError" && at.server) return new CannotDeleteServerBelowMin(at.group, at.server, e);
  }
  return e;
}

/** Awaits `p`, refining a rejection with `refineError`. */
export async function refined<T>(p: Promise<T>, at: Addressed): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw refineError(e, at);
  }
}
