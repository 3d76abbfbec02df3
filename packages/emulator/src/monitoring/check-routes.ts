import { jsonResponse } from "../respond";
import { CriteriaError, evaluate, parseCriteria } from "./alarm-language";
import { created, noContent } from "./created";
import { bool, hash, int, metadata, stringList, targetHostname, text } from "./field-rules";
import { invalid, MaasFault, notFound, parentNotFound } from "./maas-errors";
import { intParam, isObject, jsonBody, type MaasRequest, page } from "./maas-request";
import { sample, typedMetrics } from "./metric-generator";
import { type CheckRecord, checkType, type EntityRecord, newId, TenantMonitoring } from "./model";
import { ZONES } from "./service-data";

// Checks, their test runs, metrics and data points under /entities/{e}/… (monitoring.md Operations).

export function entityOr404(r: MaasRequest, id: string, asParent = false): EntityRecord {
  const e = r.account.entities.get(id);
  if (!e) throw asParent ? parentNotFound("Entity", id) : notFound("Entity", id);
  return e;
}

function checkOr404(r: MaasRequest, entity: EntityRecord, id: string): CheckRecord {
  const c = r.account.checks.get(id);
  if (!c || c.entity_id !== entity.id) throw notFound("Check", id);
  return c;
}

const DEFAULT_PERIOD = 60;
const DEFAULT_TIMEOUT = 30;

/** A check body validated against the check type, the entity's aliases and the zones (create and test-check). */
function checkFromBody(r: MaasRequest, entity: EntityRecord, body: Record<string, unknown>, base?: CheckRecord): CheckRecord {
  const typeId = base ? base.type : text(body, "type", { required: true, max: 64 })!;
  if (base && body.type !== undefined && body.type !== base.type) throw invalid("type", "The type of a check cannot change");
  const type = checkType(typeId);
  if (!type) throw invalid("type", `Invalid check type: ${typeId}`);
  // Seed, create_check: period 30–1800 s; timeout must be less than the period.
  const period = int(body, "period", 30, 1800) ?? base?.period ?? DEFAULT_PERIOD;
  const timeout = int(body, "timeout", 2, 1800) ?? base?.timeout ?? Math.min(DEFAULT_TIMEOUT, period - 1);
  if (timeout >= period) throw invalid("timeout", `Timeout (${timeout}) must be less than the period (${period})`);
  const details = hash(body, "details") ?? base?.details ?? {};
  for (const field of type.fields) if (!field.optional && (details[field.name] === undefined || details[field.name] === "")) throw invalid(`details.${field.name}`, `Missing required key '${field.name}' for ${type.id}`);
  // An update that names one target replaces the other (release notes cmv1.4: "Fixed updating the
  // target_alias after setting the target_hostname on the initial creation, and vice versa"); null unsets.
  const switching = base !== undefined && (body.target_alias != null) !== (body.target_hostname != null);
  const alias = body.target_alias !== undefined ? text(body, "target_alias", { max: 64 }) : switching ? undefined : (base?.target_alias ?? undefined);
  const hostname = body.target_hostname !== undefined ? targetHostname(body) : switching ? undefined : (base?.target_hostname ?? undefined);
  const zones = stringList(body, "monitoring_zones_poll") ?? base?.monitoring_zones_poll ?? [];
  if (type.type === "remote") {
    // pyrax / seed: remote checks need zones and exactly one of target_alias, target_hostname.
    if (zones.length === 0) throw invalid("monitoring_zones_poll", "Remote checks need at least one monitoring zone");
    for (const z of zones) if (!ZONES.some((x) => x.id === z)) throw invalid("monitoring_zones_poll", `Invalid monitoring zone: ${z}`);
    if (alias && hostname) throw invalid("target_alias", "target_alias and target_hostname are mutually exclusive");
    if (!alias && !hostname) throw invalid("target_alias", "Remote checks need target_alias or target_hostname");
    if (alias && !(entity.ip_addresses && alias in entity.ip_addresses)) throw invalid("target_alias", `The entity has no IP address with the alias '${alias}'`);
  }
  const resolver = text(body, "target_resolver");
  if (resolver !== undefined && resolver !== "IPv4" && resolver !== "IPv6") throw invalid("target_resolver", "Value must be IPv4 or IPv6");
  const meta = metadata(body);
  return {
    id: base?.id ?? newId("ch"),
    entity_id: entity.id,
    label: text(body, "label") ?? base?.label ?? "",
    type: type.id,
    details,
    disabled: bool(body, "disabled") ?? base?.disabled ?? false,
    monitoring_zones_poll: type.type === "remote" ? zones : [],
    timeout,
    period,
    target_alias: alias ?? null,
    target_hostname: hostname ?? null,
    target_resolver: resolver ?? base?.target_resolver ?? null,
    metadata: meta === undefined ? (base?.metadata ?? null) : meta,
    created_at: base?.created_at ?? r.now,
    updated_at: r.now,
  };
}

/** A test run of `check` now: one result per zone it polls (agent checks: one). */
function testRun(r: MaasRequest, check: CheckRecord, debug: boolean): Response {
  const type = checkType(check.type)!;
  const run = TenantMonitoring.lastRun(check, r.now) + 1;
  const rows = TenantMonitoring.zonesOf(check).map((zone) => {
    const values = sample(type, check.id, zone, run);
    const available = values.available !== 0;
    return {
      timestamp: r.now,
      monitoring_zone_id: zone ?? null,
      available,
      status: available ? "code=200,rt=0.1s,bytes=1024" : "connection refused",
      metrics: typedMetrics(type, values),
      ...(debug ? { debug_info: { emulator: true } } : {}),
    };
  });
  return jsonResponse(200, rows);
}

export async function checkRoutes(r: MaasRequest, entity: EntityRecord, parts: string[]): Promise<Response> {
  const m = r.request.method;
  const [checkId, sub, metric, plot, ...extra] = parts;
  const bad = () => new MaasFault(405, "methodNotAllowed", "Method not allowed");
  if (checkId === undefined) {
    if (m === "GET") return jsonResponse(200, page(r, r.account.checksOf(entity.id), (c) => c.id));
    if (m !== "POST") throw bad();
    const check = checkFromBody(r, entity, await jsonBody(r));
    if (r.account.checks.size >= 1000) throw new MaasFault(400, "limitReached", "Limit has been reached", "Check limit of 1000 reached");
    r.account.checks.set(check.id, check);
    return created(r, `entities/${entity.id}/checks`, check.id);
  }
  const check = checkOr404(r, entity, checkId);
  if (sub === undefined) {
    if (m === "GET") return jsonResponse(200, check);
    if (m === "PUT") {
      r.account.checks.set(check.id, checkFromBody(r, entity, await jsonBody(r), check));
      return noContent();
    }
    if (m === "DELETE") {
      // Its alarms go with it (as Rackspace's mock, mimic, deletes them).
      for (const a of r.account.alarmsOf(entity.id)) if (a.check_id === check.id) r.account.dropAlarm(a.id);
      r.account.checks.delete(check.id);
      return noContent();
    }
    throw bad();
  }
  if (sub === "test" && metric === undefined) {
    if (m !== "POST") throw bad();
    return testRun(r, check, r.url.searchParams.get("debug") === "true");
  }
  if (sub !== "metrics" || extra.length) throw notFound("Resource", r.url.pathname);
  if (m !== "GET") throw bad();
  const type = checkType(check.type)!;
  // Metrics exist once the check has run (seed: "could be an empty list" before its first period).
  const ran = TenantMonitoring.lastRun(check, r.now) > 0;
  const zones = TenantMonitoring.zonesOf(check);
  const names = ran ? zones.flatMap((z) => Object.keys(type.metrics).map((n) => (z ? `${z}.${n}` : n))) : [];
  if (metric === undefined) return jsonResponse(200, page(r, names.map((name) => ({ name, type: type.metrics[name.split(".").pop()!] ?? "n" })), (x) => x.name));
  if (plot !== "plot") throw notFound("Resource", r.url.pathname);
  return dataPoints(r, check, metric);
}

const RESOLUTION_MS: Record<string, number> = { MIN5: 300_000, MIN20: 1_200_000, MIN60: 3_600_000, MIN240: 14_400_000, MIN1440: 86_400_000 };
const SELECTABLE = new Set(["average", "variance", "min", "max"]);

/** GET …/metrics/{metric}/plot: rollups of the generated runs between from and to (monitoring.md get_metric_data_points). */
function dataPoints(r: MaasRequest, check: CheckRecord, metric: string): Response {
  const type = checkType(check.type)!;
  const dot = metric.indexOf(".");
  const zone = type.type === "remote" && dot > 0 ? metric.slice(0, dot) : undefined;
  const name = zone ? metric.slice(dot + 1) : metric;
  if (!(name in type.metrics) || (type.type === "remote" && (!zone || !check.monitoring_zones_poll.includes(zone)))) throw notFound("Metric", metric);
  const from = intParam(r, "from");
  const to = intParam(r, "to");
  if (from === undefined) throw invalid("from", "Missing required parameter");
  if (to === undefined) throw invalid("to", "Missing required parameter");
  if (to <= from) throw invalid("to", "to must be after from");
  const points = intParam(r, "points");
  const resolution = r.url.searchParams.get("resolution");
  if ((points === undefined) === (resolution === null)) throw invalid("points", "Give exactly one of points or resolution");
  if (points !== undefined && (points < 1 || points > 1440)) throw invalid("points", "points must be between 1 and 1440");
  if (resolution !== null && resolution !== "FULL" && !(resolution in RESOLUTION_MS)) throw invalid("resolution", "resolution must be FULL, MIN5, MIN20, MIN60, MIN240 or MIN1440");
  const select = r.url.searchParams.getAll("select");
  for (const s of select) if (!SELECTABLE.has(s)) throw invalid("select", `Invalid statistic: ${s}`);
  const stats = select.length ? select : ["average"];
  const periodMs = check.period * 1000;
  const step = points !== undefined ? Math.max(1, Math.ceil((to - from) / points)) : resolution === "FULL" ? periodMs : RESOLUTION_MS[resolution!]!;
  if ((to - from) / step > 1440) throw invalid("to", "Too many points requested (at most 1440 per request)");
  const values: Record<string, unknown>[] = [];
  const lastRun = TenantMonitoring.lastRun(check, r.now);
  for (let start = from; start < to; start += step) {
    const end = Math.min(start + step, to);
    const firstRun = Math.max(1, Math.ceil((start - check.created_at) / periodMs));
    const lastInBucket = Math.min(lastRun, Math.floor((end - 1 - check.created_at) / periodMs));
    if (lastInBucket < firstRun) continue;
    // At most 60 runs per bucket are sampled: a day at a 30 s period is 2880 runs.
    const stride = Math.max(1, Math.ceil((lastInBucket - firstRun + 1) / 60));
    const xs: number[] = [];
    for (let k = firstRun; k <= lastInBucket; k += stride) {
      const v = sample(type, check.id, zone, k)[name];
      if (typeof v === "number") xs.push(v);
    }
    if (xs.length === 0) continue;
    const avg = xs.reduce((a, b) => a + b, 0) / xs.length;
    const row: Record<string, unknown> = { numPoints: lastInBucket - firstRun + 1, timestamp: start };
    if (stats.includes("average")) row.average = avg;
    if (stats.includes("variance")) row.variance = xs.reduce((a, b) => a + (b - avg) ** 2, 0) / xs.length;
    if (stats.includes("min")) row.min = Math.min(...xs);
    if (stats.includes("max")) row.max = Math.max(...xs);
    values.push(row);
  }
  return jsonResponse(200, { values, metadata: { count: values.length, limit: null, marker: null, next_marker: null, next_href: null } });
}

/** POST /entities/{e}/test-check: the body validated as a create, run once, nothing stored. */
export async function testCheck(r: MaasRequest, entity: EntityRecord): Promise<Response> {
  const check = checkFromBody(r, entity, await jsonBody(r));
  return testRun(r, { ...check, created_at: r.now - check.period * 1000 }, r.url.searchParams.get("debug") === "true");
}

/** Criteria → 400 alarmParseError with where it failed (monitoring.md create_alarm). */
export function parsedCriteria(criteria: string) {
  try {
    return parseCriteria(criteria);
  } catch (e) {
    if (e instanceof CriteriaError) throw new MaasFault(400, "alarmParseError", "Failed to parse alarm criteria", `${e.message} at position ${e.position}`);
    throw e;
  }
}

/** POST /entities/{e}/test-alarm `{criteria, check_data}` → 200 one `{timestamp, state, status}` per check_data row. */
export async function testAlarm(r: MaasRequest): Promise<Response> {
  const body = await jsonBody(r);
  const criteria = text(body, "criteria", { required: true, max: 16384 })!;
  const program = parsedCriteria(criteria);
  const data = body.check_data;
  if (!Array.isArray(data) || data.length === 0) throw invalid("check_data", "Value must be a non-empty list of check results");
  return jsonResponse(
    200,
    data.map((row, i) => {
      if (!isObject(row)) throw invalid(`check_data.${i}`, "Value must be a check result");
      const metrics: Record<string, number | string | boolean> = {};
      if (isObject(row.metrics)) for (const [k, v] of Object.entries(row.metrics)) if (isObject(v) && ["number", "string", "boolean"].includes(typeof v.data)) metrics[k] = v.data as number | string | boolean;
      const out = evaluate(program, metrics);
      return { timestamp: typeof row.timestamp === "number" ? row.timestamp : r.now, state: out.state, status: out.status };
    }),
  );
}
