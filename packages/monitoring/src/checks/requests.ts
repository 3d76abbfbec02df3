import { type CallOptions, encodeSegment, jsonFor, notFoundAs, type NotFound, type Paginated, sendFor, type ServiceClient, validate, ValidationError } from "@rax/core";
import { listValues } from "../collection";
import { entityPath } from "../entities/requests";
import { NoSuchCheck, NoSuchEntity } from "../errors";
import { createdId } from "../object-id";
import { type Ref, ref } from "../ref";
import {
  type CheckData,
  type CheckResult,
  checkBody,
  checkResultsBody,
  type CreateCheckInput,
  createCheckInput,
  type ListChecksInput,
  listChecksInput,
  toCheck,
  toCheckResult,
  type UpdateCheckInput,
  updateCheckInput,
  wireCheck,
} from "./models";

export const checkPath = (entityId: string, checkId: string, rest = "") => entityPath(entityId, `/checks/${encodeSegment(checkId)}${rest}`);

/** A 404 under /entities/{e}/checks/{c}: which one is missing? The service says `parentNotFoundError` for the entity (monitoring.md "Errors"). */
export const missingCheck = (entityId: string, checkId: string) => (e: NotFound) => (e.code === "parentNotFoundError" ? new NoSuchEntity(entityId, e) : new NoSuchCheck(checkId, e));
const missingEntity = (entityId: string) => (e: NotFound) => new NoSuchEntity(entityId, e);

/** GET /entities/{e}/checks, page after page. */
export function listChecks(client: ServiceClient, entity: Ref, options?: ListChecksInput, o: CallOptions = {}): Paginated<CheckData> {
  const entityId = validate(ref(), entity, "entity");
  const p = validate(listChecksInput(), options, "options") ?? {};
  return listValues(client, entityPath(entityId, "/checks"), wireCheck(), (w) => toCheck(entityId, w), p, {}, o, missingEntity(entityId));
}

/** GET /entities/{e}/checks/{c}. */
export async function getCheck(client: ServiceClient, entity: Ref, check: Ref, o: CallOptions = {}): Promise<CheckData> {
  const entityId = validate(ref(), entity, "entity");
  const checkId = validate(ref(), check, "check");
  return toCheck(entityId, await notFoundAs(client.json({ method: "GET", path: checkPath(entityId, checkId), ...o }, wireCheck()), missingCheck(entityId, checkId)));
}

/** POST /entities/{e}/checks → 201 + X-Object-ID, then GET it. A value the service refuses → `MonitoringValidationError` naming its key. */
export async function createCheck(client: ServiceClient, entity: Ref, input: CreateCheckInput, o: CallOptions = {}): Promise<CheckData> {
  const entityId = validate(ref(), entity, "entity");
  const i = validate(createCheckInput(), input, "check");
  if (i.test) throw new ValidationError("check.test", "a test run creates nothing: call testNewCheck (checks.create routes it there)");
  const res = await notFoundAs(sendFor(client, { method: "POST", path: entityPath(entityId, "/checks"), json: checkBody(i), ...o }, [201]), missingEntity(entityId));
  return getCheck(client, entityId, await createdId(res), o);
}

/**
 * POST /entities/{e}/test-check[?debug=true] → 200 and one result per monitoring zone: runs the
 * check once without creating it (pyrax's `test_only`, which wrongly wanted a 201).
 */
export async function testNewCheck(client: ServiceClient, entity: Ref, input: CreateCheckInput, o: CallOptions = {}): Promise<CheckResult[]> {
  const entityId = validate(ref(), entity, "entity");
  const i = validate(createCheckInput(), { ...input, test: true }, "check");
  const query = i.debug ? { debug: "true" } : {};
  const body = await notFoundAs(jsonFor(client, { method: "POST", path: entityPath(entityId, "/test-check"), query, json: checkBody(i), ...o }, [200], checkResultsBody()), missingEntity(entityId));
  return body.map(toCheckResult);
}

/** POST /entities/{e}/checks/{c}/test → 200: runs an existing check once now. */
export async function testCheck(client: ServiceClient, entity: Ref, check: Ref, o: CallOptions & { debug?: boolean } = {}): Promise<CheckResult[]> {
  const entityId = validate(ref(), entity, "entity");
  const checkId = validate(ref(), check, "check");
  const { debug, ...call } = o;
  const body = await notFoundAs(
    jsonFor(client, { method: "POST", path: checkPath(entityId, checkId, "/test"), query: debug ? { debug: "true" } : {}, ...call }, [200], checkResultsBody()),
    missingCheck(entityId, checkId),
  );
  return body.map(toCheckResult);
}

/** PUT /entities/{e}/checks/{c} → 204. */
export async function updateCheck(client: ServiceClient, entity: Ref, check: Ref, changes: UpdateCheckInput, o: CallOptions = {}): Promise<void> {
  const entityId = validate(ref(), entity, "entity");
  const checkId = validate(ref(), check, "check");
  const c = validate(updateCheckInput(), changes, "changes");
  await (await notFoundAs(sendFor(client, { method: "PUT", path: checkPath(entityId, checkId), json: checkBody(c), ...o }, [204]), missingCheck(entityId, checkId))).dump();
}

/** DELETE /entities/{e}/checks/{c} → 204. */
export async function deleteCheck(client: ServiceClient, entity: Ref, check: Ref, o: CallOptions = {}): Promise<void> {
  const entityId = validate(ref(), entity, "entity");
  const checkId = validate(ref(), check, "check");
  await (await notFoundAs(sendFor(client, { method: "DELETE", path: checkPath(entityId, checkId), ...o }, [204]), missingCheck(entityId, checkId))).dump();
}
