import { keypairKey } from "../compute/servers";
import { SERVICE_NET } from "../compute/seed-data";
import { parseCron } from "./cron";
import type { ServerArgs } from "./fleet";
import type { GroupConfig, LaunchConfig, PolicyRecord, RegionAutoscale } from "./model";
import { invalid, OtterFault } from "./otter-errors";

// Otter's JSON schema rules for what a request may carry, as 400 ValidationError. Shapes: the
// reference's create body (autoscale.md, "Create body") and its policy / webhook rows; rules from
// Otter's own schema (rackerlabs/otter otter/json_schema/group_schemas.py) and REST layer
// (otter/rest/groups.py, configs.py) where the reference is silent.

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
const isNumber = (v: unknown, min: number, max: number): v is number => typeof v === "number" && Number.isFinite(v) && v >= min && v <= max;

/** Group, policy and webhook names in Otter's schema: `maxLength: 256`, `pattern: "\S+"`. */
const isName = (v: unknown): v is string => typeof v === "string" && v.length <= 256 && /\S/.test(v);

/** Otter's MAX_ENTITIES: a create without maxEntities gets it (groups.py `setdefault('maxEntities', MAX_ENTITIES)`). */
const MAX_ENTITIES = 1000;

export function metadataOf(v: unknown, field: string): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!isObject(v)) throw invalid(`${field} must be an object`);
  for (const [k, x] of Object.entries(v)) {
    if (k.length > 256) throw invalid(`${field} keys must be at most 256 characters`);
    if (typeof x !== "string" || x.length > 256) throw invalid(`${field}.${k} must be a string of at most 256 characters`);
  }
  return { ...(v as Record<string, string>) };
}

/**
 * `groupConfiguration`: name, cooldown 0–86400, minEntities/maxEntities 0–1000 with min ≤ max, metadata.
 * A PUT of the configuration (`update`) must carry maxEntities and metadata (Otter's `update_config`
 * schema requires both; pyrax: "Leaving it out causes Otter to return 400").
 */
export function groupConfigOf(v: unknown, update = false): GroupConfig {
  if (!isObject(v)) throw invalid("groupConfiguration must be an object");
  if (update && v.maxEntities === undefined) throw invalid("'maxEntities' is a required property");
  if (update && v.metadata === undefined) throw invalid("'metadata' is a required property");
  if (!isName(v.name)) throw invalid("groupConfiguration.name must be a string of at most 256 characters, not only whitespace");
  if (!isInt(v.cooldown, 0, 86_400)) throw invalid("groupConfiguration.cooldown must be an integer from 0 to 86400");
  if (!isInt(v.minEntities, 0, 1000)) throw invalid("groupConfiguration.minEntities must be an integer from 0 to 1000");
  const max = v.maxEntities === undefined || v.maxEntities === null ? MAX_ENTITIES : v.maxEntities;
  if (!isInt(max, 0, 1000)) throw invalid("groupConfiguration.maxEntities must be an integer from 0 to 1000");
  if (v.minEntities > max) throw invalid(`minEntities (${v.minEntities}) must be less than or equal to maxEntities (${max})`);
  return { name: v.name, cooldown: v.cooldown, minEntities: v.minEntities, maxEntities: max, metadata: metadataOf(v.metadata, "groupConfiguration.metadata") };
}

/**
 * `launchConfiguration` of type `launch_server`: `args.server` with flavorRef (a flavor Nova has)
 * and imageRef (an image the tenant sees), key_name (the user's keypair) and `args.loadBalancers`
 * `[{loadBalancerId, port}]`. What Nova would refuse is refused here (400 InvalidLaunchConfiguration).
 */
export function launchConfigOf(v: unknown, r: RegionAutoscale, tenantId: string, userId: string): LaunchConfig {
  if (!isObject(v)) throw invalid("launchConfiguration must be an object");
  if (v.type !== "launch_server") throw invalid(`launchConfiguration.type must be launch_server, not ${JSON.stringify(v.type)}`);
  if (!isObject(v.args) || !isObject(v.args.server)) throw invalid("launchConfiguration.args.server must be an object");
  const s = v.args.server;
  const bad = (m: string) => new OtterFault(400, "InvalidLaunchConfiguration", m);
  if (typeof s.flavorRef !== "string" || !s.flavorRef) throw invalid("launchConfiguration.args.server.flavorRef must be a string");
  if (typeof s.imageRef !== "string" || !s.imageRef) throw invalid("launchConfiguration.args.server.imageRef must be a string");
  const nova = r.nova;
  if (!nova.compute.flavor(s.flavorRef)) throw bad(`Invalid flavorRef ${s.flavorRef} in launchConfiguration`);
  const image = nova.image(tenantId, s.imageRef);
  if (!image || image.status !== "ACTIVE") throw bad(`Invalid imageRef ${s.imageRef} in launchConfiguration`);
  if (s.key_name !== undefined && s.key_name !== null) {
    if (typeof s.key_name !== "string" || !nova.keypairs.has(keypairKey(userId, s.key_name))) throw bad(`Invalid key_name ${String(s.key_name)} in launchConfiguration`);
  }
  if (s.networks !== undefined && (!Array.isArray(s.networks) || !s.networks.every((n) => isObject(n) && typeof n.uuid === "string"))) throw invalid("launchConfiguration.args.server.networks must be a list of {uuid}");
  if (s.personality !== undefined && (!Array.isArray(s.personality) || !s.personality.every((f) => isObject(f) && typeof f.path === "string" && typeof f.contents === "string")))
    throw invalid("launchConfiguration.args.server.personality must be a list of {path, contents}");
  if (s["OS-DCF:diskConfig"] !== undefined && s["OS-DCF:diskConfig"] !== "AUTO" && s["OS-DCF:diskConfig"] !== "MANUAL") throw invalid("OS-DCF:diskConfig must be AUTO or MANUAL");
  const lbs = v.args.loadBalancers;
  // Otter's two kinds: a Cloud Load Balancer {loadBalancerId, port[, type: CloudLoadBalancer]} or a
  // RackConnect v3 pool {loadBalancerId: string, type: RackConnectV3}; at most 5, no repeats.
  const lbOk = (l: unknown) =>
    isObject(l) &&
    (l.type === "RackConnectV3"
      ? typeof l.loadBalancerId === "string" && /^\S+$/.test(l.loadBalancerId) && Object.keys(l).every((k) => k === "loadBalancerId" || k === "type")
      : (l.type === undefined || l.type === "CloudLoadBalancer") && (Number.isInteger(l.loadBalancerId) || (typeof l.loadBalancerId === "string" && /^\S+$/.test(l.loadBalancerId))) && Number.isInteger(l.port) && Object.keys(l).every((k) => k === "loadBalancerId" || k === "port" || k === "type"));
  if (lbs !== undefined && (!Array.isArray(lbs) || !lbs.every(lbOk)))
    throw invalid("launchConfiguration.args.loadBalancers must be a list of {loadBalancerId, port} or {loadBalancerId, type: RackConnectV3}");
  if (Array.isArray(lbs) && lbs.length > 5) throw invalid(`launchConfiguration.args.loadBalancers has ${lbs.length} items: at most 5`);
  if (Array.isArray(lbs) && new Set(lbs.map((l) => JSON.stringify(l))).size !== lbs.length) throw invalid("launchConfiguration.args.loadBalancers has non-unique elements");
  // Otter's validate_launch_config_servicenet: servers joining a Cloud Load Balancer reach it over
  // ServiceNet, so a networks list without it is refused (RackConnect v3 pools do not need it).
  const clb = Array.isArray(lbs) && lbs.some((l) => isObject(l) && l.type !== "RackConnectV3");
  if (clb && Array.isArray(s.networks) && !s.networks.some((n) => isObject(n) && n.uuid === SERVICE_NET))
    throw invalid("ServiceNet network must be present if one or more Cloud Load Balancers are configured.");
  const server = { ...s, metadata: metadataOf(s.metadata, "launchConfiguration.args.server.metadata") } as unknown as ServerArgs;
  return { ...(v as object), type: "launch_server", args: { ...v.args, server } } as LaunchConfig;
}

/**
 * One policy: name, type webhook|schedule, cooldown, exactly one of change / changePercent /
 * desiredCapacity; schedule args (`at` in the future of `now`, as Otter's validate_datetime).
 */
export function policyOf(v: unknown, now: number): Omit<PolicyRecord, "id" | "webhooks"> {
  if (!isObject(v)) throw invalid("a policy must be an object");
  if (!isName(v.name)) throw invalid("policy name must be a string of at most 256 characters, not only whitespace");
  if (v.type !== "webhook" && v.type !== "schedule") throw invalid(`policy type must be webhook or schedule, not ${JSON.stringify(v.type)}`);
  // Otter's schema types a policy's cooldown as "number" (the group's is "integer").
  if (!isNumber(v.cooldown, 0, 86_400)) throw invalid("policy cooldown must be a number from 0 to 86400");
  const given = (["change", "changePercent", "desiredCapacity"] as const).filter((k) => v[k] !== undefined);
  if (given.length !== 1) throw invalid("a policy needs exactly one of change, changePercent or desiredCapacity");
  const amount: Pick<PolicyRecord, "change" | "changePercent" | "desiredCapacity"> = {};
  if (v.change !== undefined) {
    if (!Number.isInteger(v.change) || v.change === 0) throw invalid("change must be a non-zero integer");
    amount.change = v.change as number;
  }
  if (v.changePercent !== undefined) {
    if (typeof v.changePercent !== "number" || v.changePercent === 0) throw invalid("changePercent must be a non-zero number");
    amount.changePercent = v.changePercent;
  }
  if (v.desiredCapacity !== undefined) {
    if (!isInt(v.desiredCapacity, 0, 1000)) throw invalid("desiredCapacity must be an integer from 0 to 1000");
    amount.desiredCapacity = v.desiredCapacity;
  }
  let args: PolicyRecord["args"];
  if (v.type === "schedule") {
    const a = v.args;
    if (!isObject(a) || (a.cron === undefined) === (a.at === undefined)) throw invalid("a schedule policy needs args with exactly one of cron or at");
    if (a.at !== undefined && (typeof a.at !== "string" || Number.isNaN(Date.parse(a.at)) || !/Z$/.test(a.at))) throw invalid(`args.at must be an ISO 8601 time in UTC, not ${JSON.stringify(a.at)}`);
    if (typeof a.at === "string" && Date.parse(a.at) <= now) throw invalid(`Invalid "${a.at}" datetime: It must be in the future`);
    if (a.cron !== undefined && (typeof a.cron !== "string" || !parseCron(a.cron))) throw invalid(`args.cron must be a five-field cron expression, not ${JSON.stringify(a.cron)}`);
    args = a.at !== undefined ? { at: a.at as string } : { cron: (a.cron as string).trim() };
  } else if (v.args !== undefined) throw invalid("only schedule policies take args");
  return { name: v.name, type: v.type, cooldown: v.cooldown, ...amount, ...(args ? { args } : {}) };
}

/** A webhook: `name` (required) and `metadata` (strings; required on a PUT, Otter's `update_webhook` schema). */
export function webhookOf(v: unknown, update = false): { name: string; metadata: Record<string, string> } {
  if (!isObject(v)) throw invalid("a webhook must be an object");
  if (!isName(v.name)) throw invalid("webhook name must be a string of at most 256 characters, not only whitespace");
  if (update && v.metadata === undefined) throw invalid("'metadata' is a required property");
  return { name: v.name, metadata: metadataOf(v.metadata, "metadata") };
}
