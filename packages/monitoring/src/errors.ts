import { BadRequest, type HttpError, httpErrorInit, type LookupMiss, lookupMiss, namedError, NotFound } from "@rax/core";

/** What a Cloud Monitoring 404 was about, for `NoSuch…` messages. */
export type MonitoringResourceKind =
  | "entity"
  | "check"
  | "check type"
  | "monitoring zone"
  | "alarm"
  | "notification"
  | "notification type"
  | "notification plan"
  | "agent token"
  | "metric";

/**
 * A Cloud Monitoring resource does not exist: a 404 (`notFoundError` / `parentNotFoundError`), or a
 * lookup in a list that did not hold it (`{ in: client, by? }`, as core's `notFoundError` classes).
 */
export class NoSuchMonitoringResource extends NotFound {
  static override readonly errorName: string = "NoSuchMonitoringResource";
  constructor(
    readonly kind: MonitoringResourceKind,
    readonly id: string,
    from: HttpError | LookupMiss,
  ) {
    super("in" in from ? lookupMiss(kind, id, from) : httpErrorInit(from, `No such ${kind}: ${id}`));
  }
}

// One class per kind, so `catch (e) { if (e instanceof NoSuchEntity) … }` reads as pyrax's NotFound checks did.
export class NoSuchEntity extends /* @__PURE__ */ namedError(NoSuchMonitoringResource, "NoSuchEntity", "entity") {}
export class NoSuchCheck extends /* @__PURE__ */ namedError(NoSuchMonitoringResource, "NoSuchCheck", "check") {}
export class NoSuchAlarm extends /* @__PURE__ */ namedError(NoSuchMonitoringResource, "NoSuchAlarm", "alarm") {}
export class NoSuchNotification extends /* @__PURE__ */ namedError(NoSuchMonitoringResource, "NoSuchNotification", "notification") {}
export class NoSuchNotificationPlan extends /* @__PURE__ */ namedError(NoSuchMonitoringResource, "NoSuchNotificationPlan", "notification plan") {}

/**
 * The service refused a value: `400 badRequest` whose message is `Validation error for key '<key>'`
 * (pyrax: InvalidMonitoringCheckDetails on create, InvalidMonitoringCheckUpdate on update). `key` is
 * the service's field name (`period`, `details.url`); `details` the service's explanation.
 */
export class MonitoringValidationError extends BadRequest {
  static override readonly errorName: string = "MonitoringValidationError";
  constructor(
    readonly key: string,
    from: HttpError,
  ) {
    super(httpErrorInit(from));
  }
}

/** Alarm criteria the service could not parse (`400 alarmParseError`); `details` says where. */
export class AlarmParseError extends BadRequest {
  static override readonly errorName: string = "AlarmParseError";
  constructor(from: HttpError) {
    super(httpErrorInit(from));
  }
}

/** Deleting something that still has children (`400 childrenExistError`: an entity with checks). */
export class ChildrenExist extends BadRequest {
  static override readonly errorName: string = "ChildrenExist";
  constructor(from: HttpError) {
    super(httpErrorInit(from));
  }
}

/** An account limit (`400 limitReached`: 1000 checks, 10 000 alarms, test calls per day). */
export class MonitoringLimitReached extends BadRequest {
  static override readonly errorName: string = "MonitoringLimitReached";
  constructor(from: HttpError) {
    super(httpErrorInit(from));
  }
}

const VALIDATION_KEY = /Validation error for key '([^']*)'/;

/**
 * Cloud Monitoring's 400s by their `type` (monitoring.md "Errors"): every call goes through this
 * once, in `Monitoring.send`, so no request function has to remember it. Anything else is returned as is.
 */
export function refineMonitoringError(e: unknown): unknown {
  if (!(e instanceof BadRequest) || e instanceof MonitoringValidationError || e instanceof AlarmParseError || e instanceof ChildrenExist || e instanceof MonitoringLimitReached) return e;
  const key = VALIDATION_KEY.exec(e.serverMessage)?.[1];
  if (key !== undefined) return new MonitoringValidationError(key, e);
  switch (e.code) {
    case "alarmParseError":
      return new AlarmParseError(e);
    case "childrenExistError":
      return new ChildrenExist(e);
    case "limitReached":
      return new MonitoringLimitReached(e);
    default:
      return e;
  }
}
